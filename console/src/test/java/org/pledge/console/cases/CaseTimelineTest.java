package org.pledge.console.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CaseTimelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void merge_putsEventBeforeNotification_whenAtSameInstant() throws Exception {
        List<CaseTimeline.Entry> timeline = CaseTimeline.merge(
                json("[{\"type\":\"CaseSubmitted\",\"occurredAt\":\"2026-12-01T14:00:00Z\"}]"),
                json("[{\"id\":\"n-1\",\"status\":\"SENT\",\"requestedAt\":\"2026-12-01T14:00:00Z\"}]"));

        assertThat(timeline).extracting(entry -> entry.event() != null ? entry.event().type() : entry.notification().id())
                .containsExactly("CaseSubmitted", "n-1");
    }

    @Test
    void merge_keepsClientNotified_whenItsNotificationIsNotListed() throws Exception {
        List<CaseTimeline.Entry> timeline = CaseTimeline.merge(json("""
                [{"type":"ClientNotified","occurredAt":"2026-12-01T14:02:00Z",
                  "details":{"notificationId":"n-1","templateId":"case-submitted","channel":"EMAIL"}},
                 {"type":"ClientNotificationFailed","occurredAt":"2026-12-02T14:02:00Z",
                  "details":{"notificationId":"n-2","templateId":"case-approved","channelsTried":["EMAIL","LETTER"]}}]
                """), json("[{\"id\":\"n-2\",\"status\":\"ABANDONED\",\"requestedAt\":\"2026-12-02T14:00:00Z\"}]"));

        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).event().toldBy()).isEqualTo("EMAIL");
        assertThat(timeline.get(0).event().templateId()).isEqualTo("case-submitted");
        assertThat(timeline.get(1).notification().status()).isEqualTo("ABANDONED");
    }

    @Test
    void merge_showsEntryWithoutReadableTimeLast_ratherThanLosingIt() throws Exception {
        List<CaseTimeline.Entry> timeline = CaseTimeline.merge(
                json("[{\"type\":\"CaseAssigned\",\"occurredAt\":\"not a time\"},"
                        + "{\"type\":\"CaseSubmitted\",\"occurredAt\":\"2026-12-01T14:00:00Z\"}]"),
                json("[{\"id\":\"n-1\",\"status\":\"REQUESTED\",\"updatedAt\":\"2026-12-01T15:00:00Z\"}]"));

        assertThat(timeline).extracting(CaseTimeline.Entry::at).containsExactly(
                Instant.parse("2026-12-01T14:00:00Z"), Instant.parse("2026-12-01T15:00:00Z"), null);
    }

    @Test
    void notification_fellBack_whenUnderWayOnAnotherChannelThanFirstPlanned() {
        assertThat(notification("SMS", List.of("EMAIL", "SMS")).fellBack()).isTrue();
        assertThat(notification("EMAIL", List.of("EMAIL", "SMS")).fellBack()).isFalse();
        assertThat(notification("EMAIL", List.of()).fellBack()).isFalse();
    }

    private static CaseTimeline.Notification notification(String channel, List<String> channels) {
        return new CaseTimeline.Notification("n", "case-submitted", channel, channels, "SENT", null, null, null);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
