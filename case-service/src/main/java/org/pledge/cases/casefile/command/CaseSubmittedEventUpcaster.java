package org.pledge.cases.casefile.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.springframework.stereotype.Component;

/**
 * {@link CaseSubmittedEvent} revision 1 → 2. Revision 2 has the optional {@code owner}; a revision-1 payload gets it as
 * null (the submitter owns the case), unless it has one already: some revision-1 events were stored after the field
 * was added and before the revision was raised, and keep theirs.
 */
@Component
public class CaseSubmittedEventUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(CaseSubmittedEvent.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(CaseSubmittedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode json && !json.has("owner")) {
                json.putNull("owner");
            }
            return payload;
        });
    }
}
