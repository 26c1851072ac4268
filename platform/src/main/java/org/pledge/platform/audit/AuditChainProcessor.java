package org.pledge.platform.audit;

import java.util.OptionalLong;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.pledge.platform.readmodel.BatchEndTasks;

/**
 * The one in-order processor that keeps the chain ({@value #PROCESSING_GROUP}: pooled streaming, one segment, set up by
 * the platform for every service). Its handler only notes how far the processor got (the global index of each
 * event's tracking token, without deserialising the event); at the end of the batch ({@link BatchEndTasks}, before the
 * token is stored) {@link AuditChainer} chains the raw stored documents up to that index, tombstones included. So
 * appends stay concurrent and untouched: the chain follows them, a batch behind at most.
 * <p>
 * A reset of this processor ({@link #onReset}) makes the replay recompute the whole chain from the stored documents and
 * compare every link with the stored one, changing none: a differing link is logged as an error and counted
 * ({@code pledge.audit.chain.mismatches}).
 */
@ProcessingGroup(AuditChainProcessor.PROCESSING_GROUP)
public class AuditChainProcessor {

    public static final String PROCESSING_GROUP = "pledge-audit-chain";
    private static final String BATCH = AuditChainProcessor.class.getName() + ".batch";

    private final AuditChainer chainer;

    AuditChainProcessor(AuditChainer chainer) {
        this.chainer = chainer;
    }

    @EventHandler
    public void on(EventMessage<?> event, TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        if (position.isEmpty()) {
            return;
        }
        Reached batch = BatchEndTasks.gatherer(BATCH, unitOfWork -> new Reached(), reached -> chainer.chainUpTo(reached.index));
        if (batch == null) {
            chainer.chainUpTo(position.getAsLong()); // outside a batch (not expected): at once
            return;
        }
        batch.index = Math.max(batch.index, position.getAsLong());
    }

    /** Before a replay: the chain is recomputed from sequence 1 and compared ({@link AuditChainer#rewind}). */
    @ResetHandler
    public void onReset() {
        chainer.rewind();
    }

    /** The highest global index of the batch. */
    private static final class Reached {
        private long index;
    }
}
