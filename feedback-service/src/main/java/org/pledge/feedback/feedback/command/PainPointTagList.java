package org.pledge.feedback.feedback.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.feedback.feedback.api.InvalidFeedbackException;
import org.pledge.feedback.feedback.api.PainPointTag;
import org.pledge.feedback.feedback.api.PainPointTagsSavedEvent;
import org.pledge.feedback.feedback.api.SavePainPointTagsCommand;

/**
 * The fixed list of pain-point tags admin manages (one list, {@link SavePainPointTagsCommand#LIST_ID}). Each save of a
 * different content is a new version; the same content again records nothing (PUT is idempotent by content); a seed
 * creates the list only when there is none. Returns the version the list is at.
 */
@Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger", cache = "pledgeAggregateCache")
public class PainPointTagList {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final int MAX_TAGS = 50;
    static final int MAX_LABEL = 80;

    @AggregateIdentifier
    private String listId;
    private List<PainPointTag> tags;
    private int version;

    /** For Axon (event sourcing and {@link CreationPolicy}). */
    protected PainPointTagList() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(SavePainPointTagsCommand command) {
        if (listId != null && (command.seed() || tags.equals(command.tags()))) {
            return version;
        }
        check(command.tags());
        apply(new PainPointTagsSavedEvent(command.listId(), List.copyOf(command.tags()), version + 1, command.savedBy(), command.savedAt()));
        return version;
    }

    @EventSourcingHandler
    void on(PainPointTagsSavedEvent event) {
        listId = event.listId();
        tags = event.tags();
        version = event.version();
    }

    static void check(List<PainPointTag> tags) {
        if (tags == null || tags.size() > MAX_TAGS) {
            throw new InvalidFeedbackException("feedback.invalid-pain-point-tags", "tags", "At most " + MAX_TAGS + " tags.");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            PainPointTag tag = tags.get(i);
            String at = "tags[" + i + "]";
            if (tag == null || tag.code() == null || !CODE.matcher(tag.code()).matches()) {
                throw new InvalidFeedbackException("feedback.invalid-pain-point-tags", at + ".code",
                        "A code is 1 to 40 lower-case letters, digits and dashes, starting with a letter or digit.");
            }
            if (!codes.add(tag.code())) {
                throw new InvalidFeedbackException("feedback.invalid-pain-point-tags", at + ".code", "Each code once.");
            }
            if (tag.labels() == null || !tag.labels().keySet().equals(Set.of("en", "fr"))
                    || tag.labels().values().stream().anyMatch(l -> l == null || l.isBlank() || l.length() > MAX_LABEL)) {
                throw new InvalidFeedbackException("feedback.invalid-pain-point-tags", at + ".labels",
                        "Each tag has a label in en and in fr, 1 to " + MAX_LABEL + " characters.");
            }
        }
    }
}
