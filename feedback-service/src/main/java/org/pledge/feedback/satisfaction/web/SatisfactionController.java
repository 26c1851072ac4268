package org.pledge.feedback.satisfaction.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.pledge.feedback.satisfaction.api.SatisfactionWindow;
import org.pledge.feedback.satisfaction.query.AlertDocument;
import org.pledge.feedback.satisfaction.query.Figures.DayFigures;
import org.pledge.feedback.satisfaction.query.Figures.PainPointCount;
import org.pledge.feedback.satisfaction.query.Figures.WindowFigures;
import org.pledge.feedback.satisfaction.query.SatisfactionAlerts;
import org.pledge.feedback.satisfaction.query.SatisfactionFigures;
import org.pledge.feedback.satisfaction.query.SatisfactionFigures.PainPointRanking;
import org.pledge.feedback.satisfaction.query.SatisfactionFigures.View;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Live satisfaction figures, pain points and alerts, for operations and auditors. */
@RestController
@Tag(name = "Satisfaction", description = "Live satisfaction figures, pain points and alerts")
class SatisfactionController {

    private final SatisfactionFigures figures;
    private final SatisfactionAlerts alerts;
    private final int recentAlerts;

    SatisfactionController(SatisfactionFigures figures, SatisfactionAlerts alerts,
                           @Value("${pledge.satisfaction.alerts.recent:20}") int recentAlerts) {
        this.figures = figures;
        this.alerts = alerts;
        this.recentAlerts = recentAlerts;
    }

    @Schema(name = "Satisfaction", description = "Figures of one service type and channel (null: all of them)")
    record SatisfactionView(String serviceType, String channel,
                            @Schema(description = "The instant the figures are for") Instant asOf,
                            @Schema(description = "The zone of the daily series and of the 30-day window's days") String zone,
                            @Schema(description = "One entry per window asked for") List<WindowFigures> windows,
                            @Schema(description = "The last 30 days, oldest first, today last; only with every window or P30D")
                            List<DayFigures> series) {

        static SatisfactionView of(View view) {
            return new SatisfactionView(view.serviceType(), view.channel(), view.asOf(), view.zone().getId(), view.windows(), view.series());
        }
    }

    @Schema(name = "PainPoints", description = "The pain points named over a window, most named first (ties by code)")
    record PainPointsView(String serviceType, String window, Instant from, Instant asOf,
                          @Schema(description = "Answers over the window") long answers, List<PainPointCount> painPoints) {

        static PainPointsView of(PainPointRanking ranking) {
            return new PainPointsView(ranking.serviceType(), ranking.window(), ranking.from(), ranking.asOf(), ranking.answers(),
                    ranking.painPoints());
        }
    }

    @Schema(name = "SatisfactionAlert", description = "A service type's rolling CSAT fell below its threshold")
    record AlertView(String alertId, String serviceType, @Schema(allowableValues = {"OPEN", "CLEARED"}) String status,
                     @Schema(description = "CSAT in percent when raised") BigDecimal csat,
                     @Schema(description = "The threshold it fell below, percent") BigDecimal threshold,
                     int answers, @Schema(description = "`last-<n>-answers`") String basis, Instant raisedAt,
                     @Schema(description = "CSAT in percent when cleared") BigDecimal recoveredCsat,
                     @Schema(description = "The recovery threshold it rose above, percent") BigDecimal recoveryThreshold,
                     Integer recoveredAnswers, Instant recoveredAt) {

        static AlertView of(AlertDocument a) {
            return new AlertView(a.alertId(), a.serviceType(), a.status(), a.csat(), a.threshold(), a.answers(), a.basis(), a.raisedAt(),
                    a.recoveredCsat(), a.recoveryThreshold(), a.recoveredAnswers(), a.recoveredAt());
        }
    }

    @Schema(name = "SatisfactionAlerts")
    record AlertsView(@Schema(description = "Every open alert, newest first") List<AlertView> open,
                      @Schema(description = "The cleared alerts raised last, newest first (pledge.satisfaction.alerts.recent)")
                      List<AlertView> recent) {
    }

    @GetMapping("/api/satisfaction")
    @Operation(operationId = "getSatisfaction", summary = "Read the live satisfaction figures",
            description = "CSAT (share of ratings 4-5, percent), mean rating, mean effort (CES), volume and top pain points of a "
                    + "service type and channel over the last hour (PT1H), day (P1D) and 30 days (P30D), each split by whether "
                    + "the case was resolved on time, late or is open, and the daily series of the last 30 days. Decimals with two "
                    + "places; null where there is nothing to average.")
    SatisfactionView satisfaction(
            @Parameter(description = "A service type code; absent or `all` for every one") @RequestParam(required = false) String serviceType,
            @Parameter(description = "SURVEY_LINK, KIOSK, CALL_CENTRE, WEB_FORM; absent or `all` for every one")
            @RequestParam(required = false) String channel,
            @Parameter(description = "PT1H, P1D or P30D; absent for all three and the daily series")
            @RequestParam(required = false) String window) {
        String type = SatisfactionParameters.serviceType(serviceType);
        String from = SatisfactionParameters.channel(channel);
        List<SatisfactionWindow> windows = SatisfactionParameters.windows(window);
        boolean withSeries = windows.contains(SatisfactionWindow.P30D);
        return SatisfactionView.of(figures.view(type, from, windows, withSeries));
    }

    @GetMapping("/api/pain-points")
    @Operation(operationId = "getPainPoints", summary = "Rank the pain points clients named",
            description = "Every pain-point tag named over the window, with how many answers named it, most named first.")
    PainPointsView painPoints(
            @Parameter(description = "A service type code; absent or `all` for every one") @RequestParam(required = false) String serviceType,
            @Parameter(description = "PT1H, P1D or P30D (default)") @RequestParam(required = false) String window) {
        return PainPointsView.of(figures.painPoints(SatisfactionParameters.serviceType(serviceType),
                SatisfactionParameters.window(window, SatisfactionWindow.P30D)));
    }

    @GetMapping("/api/satisfaction-alerts")
    @Operation(operationId = "getSatisfactionAlerts", summary = "List the satisfaction alerts",
            description = "The open alerts and the cleared alerts raised last.")
    AlertsView alerts() {
        return new AlertsView(alerts.open().stream().map(AlertView::of).toList(),
                alerts.recentlyCleared(recentAlerts).stream().map(AlertView::of).toList());
    }
}
