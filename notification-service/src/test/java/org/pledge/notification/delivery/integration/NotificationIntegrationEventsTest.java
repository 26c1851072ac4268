package org.pledge.notification.delivery.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.notification.NotificationDeliveredV1;
import org.pledge.contracts.notification.NotificationFailedV1;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.delivery.api.NotificationAbandonedEvent;
import org.pledge.notification.delivery.api.NotificationDeliveredEvent;
import org.pledge.notification.delivery.api.NotificationPlannedEvent;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;

class NotificationIntegrationEventsTest {

    private static final String ID = "cf204f39-051d-387b-a912-27cc7a775db0";
    private static final Instant AT = Instant.parse("2027-01-15T14:00:02Z");
    private final NotificationIntegrationEvents mapper = new NotificationIntegrationEvents();

    @Test
    void delivered_isPublishedAsDelivered_keyedByCase_withoutAnyAddressOrProviderId() {
        OutboundIntegrationEvent out = mapper.map(GenericEventMessage.asEventMessage(new NotificationDeliveredEvent(ID, "case-1", "web-7",
                "case-submitted", "case-submitted", "pledge.case.submitted.v1", Channel.EMAIL, 1, "fr", 3, "msg-1", "answer", AT))).orElseThrow();

        assertThat(out.topic()).isEqualTo("pledge.notification.v1");
        assertThat(out.type()).isEqualTo("pledge.notification.delivered.v1");
        assertThat(out.partitionKey()).isEqualTo("case-1");
        assertThat(out.data()).isEqualTo(new NotificationDeliveredV1(ID, "case-1", "web-7", "case-submitted", "case-submitted",
                "pledge.case.submitted.v1", "EMAIL", "fr", AT));
    }

    @Test
    void abandoned_isPublishedAsFailed_withTheChannelsTriedAndTheLastReason() {
        OutboundIntegrationEvent out = mapper.map(GenericEventMessage.asEventMessage(new NotificationAbandonedEvent(ID, "case-1", "web-7",
                "case-submitted", "case-submitted", "pledge.case.submitted.v1", Channel.SMS, List.of(Channel.EMAIL, Channel.SMS),
                "invalid-number", AT))).orElseThrow();

        assertThat(out.type()).isEqualTo("pledge.notification.failed.v1");
        assertThat(out.data()).isEqualTo(new NotificationFailedV1(ID, "case-1", "web-7", "case-submitted", "case-submitted",
                "pledge.case.submitted.v1", "SMS", List.of("EMAIL", "SMS"), "invalid-number", AT));
    }

    @Test
    void abandonedWithoutAnyChannel_hasNoChannel_andOtherEventsAreInternal() {
        OutboundIntegrationEvent out = mapper.map(GenericEventMessage.asEventMessage(new NotificationAbandonedEvent(ID, "case-1", "web-7",
                "case-submitted", "case-submitted", "pledge.case.submitted.v1", null, List.of(), "contact-erased", AT))).orElseThrow();

        assertThat(((NotificationFailedV1) out.data()).channel()).isNull();
        assertThat(((NotificationFailedV1) out.data()).channelsTried()).isEmpty();
        assertThat(mapper.map(GenericEventMessage.asEventMessage(new NotificationPlannedEvent(ID, List.of(Channel.EMAIL), "fr", AT))))
                .isEmpty();
    }
}
