package org.pledge.console.operations;

import java.util.List;
import java.util.Map;

import org.pledge.console.services.Service;

/**
 * The topics each service consumes, so has dead letters for ({@code pledge.messaging.consumers.*.topic} in each
 * service's application.yml). No service API lists them: keep this in step when a service starts consuming a topic.
 */
final class DeadLetterTopics {

    static final Map<Service, List<String>> BY_SERVICE = Map.of(
            Service.CASE, List.of("pledge.feedback.v1", "pledge.notification.v1"),
            Service.FEEDBACK, List.of("pledge.case.v1"),
            Service.NOTIFICATION, List.of("pledge.case.v1", "pledge.guarantee.v1", "pledge.feedback.v1"),
            Service.GUARANTEE, List.of("pledge.case.v1"));

    private DeadLetterTopics() {
    }

    static boolean consumes(Service service, String topic) {
        return BY_SERVICE.get(service).contains(topic);
    }
}
