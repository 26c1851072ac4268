package org.pledge.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.contracts.feedback.FollowUpRequestedV1;

/** Every integration event type Pledge publishes. Within a version, changes are additive only. */
public final class EventTypes {

    public static final EventType CASE_SUBMITTED =
            new EventType("pledge.case.submitted.v1", Topics.CASE, CaseSubmittedV1.class);
    public static final EventType FEEDBACK_FOLLOW_UP_REQUESTED =
            new EventType("pledge.feedback.follow-up-requested.v1", Topics.FEEDBACK, FollowUpRequestedV1.class);

    public static final List<EventType> ALL = List.of(CASE_SUBMITTED, FEEDBACK_FOLLOW_UP_REQUESTED);

    private static final Map<String, EventType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventTypes() {
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
