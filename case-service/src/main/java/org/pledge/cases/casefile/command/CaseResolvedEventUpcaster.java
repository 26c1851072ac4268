package org.pledge.cases.casefile.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.pledge.cases.casefile.api.CaseResolvedEvent;
import org.springframework.stereotype.Component;

/**
 * {@link CaseResolvedEvent} revision 1 → 2: revision 2 added the optional {@code reasonCode}; a revision-1 payload
 * gets it as null (no reason code was recorded then), and is otherwise left as stored.
 */
@Component
public class CaseResolvedEventUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(CaseResolvedEvent.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(CaseResolvedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode json && !json.has("reasonCode")) {
                json.putNull("reasonCode");
            }
            return payload;
        });
    }
}
