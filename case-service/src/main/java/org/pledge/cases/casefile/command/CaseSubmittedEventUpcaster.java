package org.pledge.cases.casefile.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.springframework.stereotype.Component;

/**
 * {@link CaseSubmittedEvent} revisions 1, 2 and 3 → 4, in one step (so no order among upcasters matters).
 * <ul>
 *   <li>Revision 2 added the optional {@code owner}; a revision-1 payload gets it as null (the submitter owns the case),
 *       unless it has one already: some revision-1 events were stored after the field was added and before the revision
 *       was raised, and keep theirs.</li>
 *   <li>Revision 3 added the optional {@code feeReductionReason}; older payloads get it as null (no reduction was
 *       recorded then; the fee they paid stays as stored).</li>
 *   <li>Revision 4 added the optional {@code paymentReference}; older payloads get it as null (none was recorded
 *       then: a guarantee refund of such a case goes by bank transfer).</li>
 * </ul>
 */
@Component
public class CaseSubmittedEventUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(CaseSubmittedEvent.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(CaseSubmittedEvent.class.getName(), "2");
    static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(CaseSubmittedEvent.class.getName(), "3");
    static final SimpleSerializedType REVISION_4 = new SimpleSerializedType(CaseSubmittedEvent.class.getName(), "4");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType()) || REVISION_2.equals(representation.getType())
                || REVISION_3.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_4, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode json) {
                if (!json.has("owner")) {
                    json.putNull("owner");
                }
                if (!json.has("feeReductionReason")) {
                    json.putNull("feeReductionReason");
                }
                if (!json.has("paymentReference")) {
                    json.putNull("paymentReference");
                }
            }
            return payload;
        });
    }
}
