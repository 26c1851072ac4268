package org.pledge.notification.contact.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.notification.contact.api.ContactIds;
import org.pledge.notification.contact.api.ContactRecordedEvent;
import org.pledge.notification.contact.api.RecordContactCommand;

/**
 * How to reach one data subject (a client), per subject reference ({@link ContactIds#of}): the contact points,
 * preferred language and channel their newest case stated. Issue 13 adds the preferences channels and caseworkers set.
 *
 * <p>Ordered by the submission instant of the case that stated them (cases arrive on different partitions, so in any
 * order): a submission newer than the contact's replaces it ({@link ContactRecordedEvent}); an older one, or the same
 * one again (a redelivery under another CloudEvent id), changes nothing. Two cases submitted at the same instant are
 * ordered by case id, so every order of arrival ends with the same contact.
 *
 * <p>Holds no personal data in its state (nor so in its snapshots): only which submission it holds. The personal data
 * is in its events, encrypted per subject.
 */
@Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger", cache = "pledgeAggregateCache")
public class Contact {

    @AggregateIdentifier
    private String contactId;
    private Instant submittedAt;
    private String caseId;

    /** For Axon (event sourcing and {@link CreationPolicy}). */
    protected Contact() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordContactCommand command) {
        requireText(command.subjectRef(), "subjectRef");
        requireText(command.caseId(), "caseId");
        if (command.submittedAt() == null || command.recordedAt() == null) {
            throw new IllegalArgumentException("submittedAt and recordedAt are required");
        }
        if (!ContactIds.of(command.subjectRef()).equals(command.contactId())) {
            throw new IllegalArgumentException("contact " + command.contactId() + " is not the contact of its subject");
        }
        if (contactId != null && !isNewer(command.submittedAt(), command.caseId())) {
            return; // the contact holds this submission or a newer one
        }
        apply(new ContactRecordedEvent(command.contactId(), command.subjectRef(), command.caseId(), command.name(), command.email(),
                command.phone(), command.postalAddress(), command.language(), command.preferredChannel(), command.submittedAt(),
                command.triggeredBy(), command.recordedAt()));
    }

    private boolean isNewer(Instant otherSubmittedAt, String otherCaseId) {
        int byTime = otherSubmittedAt.compareTo(submittedAt);
        return byTime > 0 || byTime == 0 && otherCaseId.compareTo(caseId) > 0;
    }

    @EventSourcingHandler
    void on(ContactRecordedEvent event) {
        contactId = event.contactId();
        submittedAt = event.submittedAt();
        caseId = event.caseId();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
