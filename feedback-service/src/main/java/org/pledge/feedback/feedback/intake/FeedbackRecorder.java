package org.pledge.feedback.feedback.intake;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.pledge.feedback.feedback.api.RecordFeedbackCommand;
import org.pledge.platform.axon.VersionedCommandGateway;
import org.springframework.stereotype.Component;

/** Sends {@link RecordFeedbackCommand}s; says whether the answer was recorded now or was there already (a retry). */
@Component
class FeedbackRecorder {

    private final VersionedCommandGateway commands;

    FeedbackRecorder(VersionedCommandGateway commands) {
        this.commands = commands;
    }

    /** @return true when this command recorded the answer, false when the same answer was recorded before */
    boolean record(RecordFeedbackCommand command) {
        try {
            return commands.sendAndWait(command).version().isPresent();
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // the same feedback created at the same moment by another request (a double click): now it exists
            return commands.sendAndWait(command).version().isPresent();
        }
    }
}
