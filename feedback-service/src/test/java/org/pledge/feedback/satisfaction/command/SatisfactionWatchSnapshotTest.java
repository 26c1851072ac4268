package org.pledge.feedback.satisfaction.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pledge.feedback.satisfaction.api.AnswerWatchedEvent;
import org.pledge.feedback.satisfaction.api.SatisfactionAlertRaisedEvent;
import org.pledge.platform.axon.AxonMongoAutoConfiguration;

/** A watch survives a snapshot (the platform's Axon Jackson mapper) with its window, position and open alert. */
class SatisfactionWatchSnapshotTest {

    @Test
    void snapshot_keepsTheWindowPositionAndOpenAlert() throws Exception {
        ObjectMapper mapper = AxonMongoAutoConfiguration.axonObjectMapper();
        SatisfactionWatch watch = new SatisfactionWatch();
        Instant at = Instant.parse("2026-03-02T14:00:00Z");
        watch.on(new AnswerWatchedEvent("satisfaction-watch:P", "P", "f-1", 7, true, 2, at));
        watch.on(new AnswerWatchedEvent("satisfaction-watch:P", "P", "f-2", 9, false, 2, at));
        watch.on(new AnswerWatchedEvent("satisfaction-watch:P", "P", "f-3", 12, false, 2, at)); // [U U]: the first left
        watch.on(new SatisfactionAlertRaisedEvent("satisfaction-watch:P", "a-1", "P", new BigDecimal("0.00"), BigDecimal.TEN, 2,
                "last-2-answers", at));

        String json = mapper.writeValueAsString(watch);
        SatisfactionWatch restored = mapper.readValue(json, SatisfactionWatch.class);

        assertThat(mapper.writeValueAsString(restored)).isEqualTo(json);
        assertThat(mapper.readTree(json).path("recent").toString()).isEqualTo("[false,false]");
        assertThat(mapper.readTree(json).path("lastPosition").asLong()).isEqualTo(12);
        assertThat(mapper.readTree(json).path("openAlertId").asText()).isEqualTo("a-1");
    }
}
