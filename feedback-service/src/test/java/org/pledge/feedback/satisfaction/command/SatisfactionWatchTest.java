package org.pledge.feedback.satisfaction.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.pledge.feedback.satisfaction.api.AlertRule;
import org.pledge.feedback.satisfaction.api.AnswerWatchedEvent;
import org.pledge.feedback.satisfaction.api.SatisfactionAlertRaisedEvent;
import org.pledge.feedback.satisfaction.api.SatisfactionRecoveredEvent;
import org.pledge.feedback.satisfaction.api.SatisfactionWatchIds;
import org.pledge.feedback.satisfaction.api.WatchAnswerCommand;
import org.pledge.platform.axon.CommandTargets;

/**
 * The watch's hysteresis over a hand-worked series. Rule: threshold 60, recovery 80, the last 5 answers, at least 3.
 * S = satisfied (4–5), U = not; the window after each answer and its CSAT are worked out beside each step.
 */
class SatisfactionWatchTest {

    private static final String TYPE = "PASSPORT";
    private static final String WATCH = "satisfaction-watch:PASSPORT";
    private static final AlertRule RULE = new AlertRule(new BigDecimal("60"), new BigDecimal("80"), 5, 3);
    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final String BASIS = "last-5-answers";

    /** One step: the answer, and the alert event it must cause (null for none). */
    private record Step(long position, int rating, Object alertEvent) {
    }

    private static Instant at(long position) {
        return T0.plusSeconds(60 * position);
    }

    private static final String ALERT_1 = SatisfactionWatchIds.alert(WATCH, 1);
    private static final String ALERT_2 = SatisfactionWatchIds.alert(WATCH, 2);

    private static SatisfactionAlertRaisedEvent raised(String alertId, String csat, int answers, long position) {
        return new SatisfactionAlertRaisedEvent(WATCH, alertId, TYPE, new BigDecimal(csat), new BigDecimal("60"), answers, BASIS, at(position));
    }

    private static SatisfactionRecoveredEvent recovered(String alertId, String csat, int answers, long position) {
        return new SatisfactionRecoveredEvent(WATCH, alertId, TYPE, new BigDecimal(csat), new BigDecimal("80"), answers, BASIS, at(position));
    }

    private static final List<Step> SERIES = List.of(
            new Step(1, 5, null),                                   // [S]            1 answer: below the minimum
            new Step(2, 2, null),                                   // [S U]          2 answers: below the minimum
            new Step(3, 1, raised(ALERT_1, "33.33", 3, 3)),         // [S U U]        1/3 = 33.33 < 60: raised
            new Step(4, 2, null),                                   // [S U U U]      25.00: open already
            new Step(5, 5, null),                                   // [S U U U S]    40.00
            new Step(6, 4, null),                                   // [U U U S S]    40.00 (the first S left the window)
            new Step(7, 5, null),                                   // [U U S S S]    60.00: not above 80
            new Step(8, 5, null),                                   // [U S S S S]    80.00: not above 80 (equal)
            new Step(9, 4, recovered(ALERT_1, "100.00", 5, 9)),     // [S S S S S]    100.00 > 80: cleared
            new Step(10, 1, null),                                  // [S S S S U]    80.00
            new Step(11, 1, null),                                  // [S S S U U]    60.00: not below 60 (equal)
            new Step(12, 2, raised(ALERT_2, "40.00", 5, 12)),       // [S S U U U]    40.00 < 60: raised again, a new alert
            new Step(13, 5, null),                                  // [S U U U S]    40.00
            new Step(14, 5, null),                                  // [U U U S S]    40.00
            new Step(15, 5, null),                                  // [U U S S S]    60.00
            new Step(16, 4, null),                                  // [U S S S S]    80.00
            new Step(17, 5, recovered(ALERT_2, "100.00", 5, 17)));  // [S S S S S]    100.00: cleared

    private static WatchAnswerCommand answer(long position, int rating) {
        return WatchAnswerCommand.of(TYPE, "feedback-" + position, position, rating, at(position), RULE);
    }

    private static AnswerWatchedEvent watched(long position, int rating) {
        return new AnswerWatchedEvent(WATCH, TYPE, "feedback-" + position, position, rating >= 4, 5, at(position));
    }

    private static FixtureConfiguration<SatisfactionWatch> fixture() {
        FixtureConfiguration<SatisfactionWatch> fixture = new AggregateTestFixture<>(SatisfactionWatch.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        return fixture;
    }

    @Test
    void series_raisesAndClearsEachAlertOnce_whenCsatCrossesTheThresholdsBackAndForth() {
        List<Object> before = new ArrayList<>();
        for (Step step : SERIES) {
            Object[] expected = step.alertEvent() == null
                    ? new Object[] {watched(step.position(), step.rating())}
                    : new Object[] {watched(step.position(), step.rating()), step.alertEvent()};
            var given = before.isEmpty() ? fixture().givenNoPriorActivity() : fixture().given(before);
            given.when(answer(step.position(), step.rating()))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expected);
            before.addAll(List.of(expected));
        }
        long raisedCount = before.stream().filter(SatisfactionAlertRaisedEvent.class::isInstance).count();
        long recoveredCount = before.stream().filter(SatisfactionRecoveredEvent.class::isInstance).count();
        assertThat(raisedCount).isEqualTo(2);
        assertThat(recoveredCount).isEqualTo(2);
    }

    @Test
    void answer_changesNothing_whenItsPositionWasCountedAlready() {
        fixture().given(watched(1, 5), watched(2, 1), watched(3, 1), raised(ALERT_1, "33.33", 3, 3))
                .when(answer(3, 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void answer_raisesNothing_belowTheMinimumOfAnswers() {
        // [U U]: 0.00, but only 2 of the 3 answers needed
        fixture().given(watched(1, 1))
                .when(answer(2, 1))
                .expectEvents(watched(2, 1));
    }

    @Test
    void answer_raisesNothingMore_whileTheAlertIsOpen() {
        // [U U U U]: 0.00, alert 1 open since the third
        fixture().given(watched(1, 1), watched(2, 1), watched(3, 1), raised(ALERT_1, "0.00", 3, 3))
                .when(answer(4, 2))
                .expectEvents(watched(4, 2));
    }

    @Test
    void answer_isRefused_whenTheWatchIsNotItsServiceTypes() {
        fixture().givenNoPriorActivity()
                .when(new WatchAnswerCommand(WATCH, "DRIVING_LICENCE", "f-1", 1, 5, T0, RULE))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void csat_isRoundedHalfUpToTwoPlaces() {
        // 2/3 = 66.666… → 66.67; 1/8 = 12.5 → 12.50
        assertThat(SatisfactionWatch.csat(2, 3)).isEqualByComparingTo("66.67");
        assertThat(SatisfactionWatch.csat(1, 8).toPlainString()).isEqualTo("12.50");
    }
}
