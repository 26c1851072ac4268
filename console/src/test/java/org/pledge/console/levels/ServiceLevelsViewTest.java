package org.pledge.console.levels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pledge.console.levels.ServiceLevelsReport.Backlog;
import org.pledge.console.levels.ServiceLevelsReport.Figures;
import org.pledge.console.levels.ServiceLevelsReport.TypeLevels;
import org.pledge.console.levels.ServiceLevelsReport.Week;

/** The page's view of case-service's report: filters, the selection's figures together, the weekly series aligned. */
class ServiceLevelsViewTest {

    private static final LocalDate W1 = LocalDate.parse("2026-11-30");
    private static final LocalDate W2 = LocalDate.parse("2026-12-07");

    private static Figures figures(String channel, long open, long breached, long resolved, long onTime, String percent,
                                   Integer median, List<Week> weeks) {
        return new Figures(channel, open, open / 2, breached, resolved, onTime, percent, median, median, new Backlog(open, 1, 0, 0), weeks);
    }

    private static ServiceLevelsReport report(Instant asOf) {
        Figures passportWeb = figures("WEB", 4, 1, 3, 2, "66.7", 2, List.of(new Week(W2, 3, 2, "66.7")));
        Figures passportPaper = figures("PAPER", 2, 0, 1, 1, "100.0", 5, List.of(new Week(W1, 1, 1, "100.0")));
        Figures passport = figures("ALL", 6, 1, 4, 3, "75.0", 3, List.of(new Week(W1, 1, 1, "100.0"), new Week(W2, 3, 2, "66.7")));
        Figures demoWeb = figures("WEB", 1, 1, 2, 0, "0.0", 7, List.of(new Week(W2, 2, 0, "0.0")));
        Figures demo = figures("ALL", 1, 1, 2, 0, "0.0", 7, List.of(new Week(W2, 2, 0, "0.0")));
        return new ServiceLevelsReport(asOf, asOf.minusSeconds(86_400), false, List.of(
                new TypeLevels("DEMO", demo, List.of(demoWeb)),
                new TypeLevels("PASSPORT", passport, List.of(passportPaper, passportWeb))));
    }

    @Test
    void allServiceTypes_addUpCounts_andLeaveMediansToTheRows() {
        ServiceLevelsView view = ServiceLevelsView.of(report(Instant.EPOCH), null, "");

        assertThat(view.rows()).extracting(r -> r.serviceType() + "/" + r.channel())
                .containsExactly("DEMO/ALL", "DEMO/WEB", "PASSPORT/ALL", "PASSPORT/PAPER", "PASSPORT/WEB");
        assertThat(view.summary().open()).isEqualTo(7);
        assertThat(view.summary().breachedOpen()).isEqualTo(2);
        assertThat(view.summary().onTimePercent()).isEqualTo("50.0"); // 3 of 6
        assertThat(view.summary().medianBusinessDaysToResolution()).isNull();
        assertThat(view.summary().backlogByAge()).isEqualTo(new Backlog(7, 2, 0, 0));
        assertThat(view.channels()).containsExactly("PAPER", "WEB");
    }

    @Test
    void weeklySeries_areAlignedOnTheSameWeeks_withEmptyWeeksFilledIn() {
        ServiceLevelsView view = ServiceLevelsView.of(report(Instant.EPOCH), null, null);

        assertThat(view.weeks()).containsExactly(W1, W2);
        assertThat(view.trend()).extracting(ServiceLevelsView.Series::serviceType).containsExactly("DEMO", "PASSPORT");
        assertThat(view.trend().get(0).weeks()).containsExactly(new Week(W1, 0, 0, null), new Week(W2, 2, 0, "0.0"));
    }

    @Test
    void oneServiceTypeAndChannel_isThatGroupsFigures() {
        ServiceLevelsView view = ServiceLevelsView.of(report(Instant.EPOCH), "PASSPORT", "PAPER");

        assertThat(view.rows()).extracting(ServiceLevelsView.Row::channel).containsExactly("PAPER");
        assertThat(view.summary().medianBusinessDaysToResolution()).isEqualTo(5);
        assertThat(view.summary().onTimePercent()).isEqualTo("100.0");
        ServiceLevelsView noCases = ServiceLevelsView.of(report(Instant.EPOCH), "TAX", null);
        assertThat(noCases.empty()).isTrue();
        assertThat(noCases.serviceTypes()).as("still the one chosen in the filter").containsExactly("DEMO", "PASSPORT", "TAX");
    }

    @Test
    void fingerprint_ignoresTheInstant_butNotTheFigures() {
        String now = ServiceLevelsView.of(report(Instant.EPOCH), null, null).fingerprint();

        assertThat(ServiceLevelsView.of(report(Instant.parse("2026-12-07T15:00:00Z")), null, null).fingerprint()).isEqualTo(now);
        assertThat(ServiceLevelsView.of(report(Instant.EPOCH), "DEMO", null).fingerprint()).isNotEqualTo(now);
        assertThat(now).matches("[0-9a-f]{32}");
    }
}
