package org.pledge.feedback.survey.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.pledge.feedback.survey.api.SurveyInvitationPreparedEvent;
import org.springframework.stereotype.Component;

/**
 * {@link SurveyInvitationPreparedEvent} without revision → revision 2: revision 2 added the optional
 * {@code applicantReference} and {@code preferredChannel}; an older payload gets both as null (they were not recorded
 * then) and is otherwise left as stored.
 */
@Component
public class SurveyInvitationPreparedEventUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType UNREVISED = new SimpleSerializedType(SurveyInvitationPreparedEvent.class.getName(), null);
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(SurveyInvitationPreparedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return UNREVISED.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode json) {
                json.putIfAbsent("applicantReference", json.nullNode());
                json.putIfAbsent("preferredChannel", json.nullNode());
            }
            return payload;
        });
    }
}
