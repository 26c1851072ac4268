package org.pledge.notification.contact.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.notification.contact.api.ContactChannels;
import org.pledge.notification.contact.api.ContactIds;
import org.pledge.notification.contact.api.ContactPreferencesSetEvent;
import org.pledge.notification.contact.api.ContactRecordedEvent;
import org.pledge.notification.contact.api.NewestStatement;
import org.pledge.notification.contact.api.RecordContactCommand;
import org.pledge.notification.contact.api.SetContactPreferencesCommand;
import org.pledge.platform.validation.ContactRules;

/**
 * How to reach one data subject (a client), per subject reference ({@link ContactIds#of}): the contact points,
 * preferred language and channel their newest case stated, and the preferences channels and caseworkers set for them.
 *
 * <p>Ordered by the submission instant of the case that stated them (cases arrive on different partitions, so in any
 * order): a submission newer than the contact's replaces it ({@link ContactRecordedEvent}); an older one, or the same
 * one again (a redelivery under another CloudEvent id), changes nothing. Two cases submitted at the same instant are
 * ordered by case id, so every order of arrival ends with the same contact.
 *
 * <p>Preferences ({@link SetContactPreferencesCommand}) are statements too, at the instant they were set: the language
 * and the channel in force are, field by field, the newest statement of them ({@link NewestStatement}). A preference
 * needs a contact point on its channel (422 {@code contact.channel-unreachable} otherwise); stating what is in force
 * already changes nothing. A subject with no contact has no aggregate: the command is refused as not found.
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
    private String caseLanguage;
    private String caseChannel;
    /** Which channels the newest submission gave a contact point for (not the points themselves). */
    private boolean hasEmail;
    private boolean hasPhone;
    private boolean hasPostalAddress;
    private String statedLanguage;
    private String statedChannel;
    private Instant statedAt;

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

    @CommandHandler
    void handle(SetContactPreferencesCommand command) {
        if (!ContactIds.of(command.subjectRef()).equals(command.contactId())) {
            throw new IllegalArgumentException("contact " + command.contactId() + " is not the contact of its subject");
        }
        if (!ContactRules.isLanguageTag(command.language())) {
            throw new IllegalArgumentException("language must be a BCP 47 language tag");
        }
        if (!ContactChannels.ALL.contains(command.preferredChannel())) {
            throw new IllegalArgumentException("preferredChannel must be one of " + ContactChannels.PATTERN);
        }
        if (command.statedAt() == null) {
            throw new IllegalArgumentException("statedAt is required");
        }
        if (!reachable(command.preferredChannel())) {
            throw new ChannelUnreachableException(command.preferredChannel());
        }
        boolean inForce = command.language().equals(NewestStatement.of(caseLanguage, submittedAt, statedLanguage, statedAt))
                && command.preferredChannel().equals(NewestStatement.of(caseChannel, submittedAt, statedChannel, statedAt));
        if (inForce && command.language().equals(statedLanguage) && command.preferredChannel().equals(statedChannel)) {
            return; // stated already, and still in force: a retry
        }
        apply(new ContactPreferencesSetEvent(contactId, command.subjectRef(), command.language(), command.preferredChannel(),
                command.statedAt()));
    }

    private boolean reachable(String channel) {
        return switch (channel) {
            case ContactChannels.EMAIL -> hasEmail;
            case ContactChannels.SMS -> hasPhone;
            default -> hasPostalAddress;
        };
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
        caseLanguage = event.language();
        caseChannel = event.preferredChannel();
        hasEmail = event.email() != null;
        hasPhone = event.phone() != null;
        hasPostalAddress = event.postalAddress() != null;
    }

    @EventSourcingHandler
    void on(ContactPreferencesSetEvent event) {
        statedLanguage = event.language();
        statedChannel = event.preferredChannel();
        statedAt = event.statedAt();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
