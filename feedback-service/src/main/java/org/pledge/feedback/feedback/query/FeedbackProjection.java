package org.pledge.feedback.feedback.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.feedback.feedback.api.FeedbackReceivedEvent;
import org.pledge.feedback.feedback.api.FollowUpRequestedEvent;
import org.springframework.stereotype.Component;

/** Keeps {@link FeedbackEntries} in step with the answers' events; idempotent, so a replay rebuilds it. */
@Component
@ProcessingGroup(FeedbackProjection.GROUP)
class FeedbackProjection {

    static final String GROUP = "feedback-entries";

    private final FeedbackEntries entries;

    FeedbackProjection(FeedbackEntries entries) {
        this.entries = entries;
    }

    @EventHandler
    void on(FeedbackReceivedEvent event, @SequenceNumber long sequence) {
        entries.apply(event.feedbackId(), sequence,
                current -> FeedbackDocument.received(event, entries.protect(event.subjectRef(), event.comment()), sequence));
    }

    @EventHandler
    void on(FollowUpRequestedEvent event, @SequenceNumber long sequence) {
        entries.apply(event.feedbackId(), sequence, current -> current == null ? null : current.withFollowUp(sequence));
    }

    @ResetHandler
    void reset() {
        entries.deleteAll();
    }
}
