package org.pledge.platform.audit;

import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;

/** {@code GET /api/audit/events/{sequence}} for a sequence the chain does not reach (yet): 404. */
public class NotChainedException extends PledgeException {

    NotChainedException(long sequence, long head) {
        super("audit.not-chained", HttpStatus.NOT_FOUND, "Sequence " + sequence + " is not chained"
                + (head > 0 ? "; the chain ends at " + head + "." : "; the chain is empty.")
                + " The chain follows the event store a batch behind: ask again shortly.");
    }
}
