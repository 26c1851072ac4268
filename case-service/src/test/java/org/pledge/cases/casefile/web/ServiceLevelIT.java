package org.pledge.cases.casefile.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pledge.cases.it.CaseServiceITSupport;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.cases.sla.BusinessCalendars;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code /api/service-levels} end to end over REST, on its own database (the property makes the context, and so the
 * database, its own). PAPER cases state an earlier receipt, so the real clock can be used: one resolved 2, one 4 and
 * one 30 calendar days after receipt (the last one late), one open since 40 days (the SLA sweeper marks it at risk and
 * breached) and one open WEB case received now.
 */
@TestPropertySource(properties = "pledge.test.context=service-levels")
class ServiceLevelIT extends CaseServiceITSupport {

    @Autowired
    BusinessCalendars calendars;

    @Test
    void figuresPerServiceTypeAndChannel_fromCasesSubmittedAndResolvedOverRest() {
        Instant now = Instant.now();
        List<String> resolved = new ArrayList<>();
        for (int daysAgo : new int[] {2, 4, 30}) {
            String caseId = submitReceived("PAPER", now.minus(Duration.ofDays(daysAgo)));
            resolve(caseId);
            resolved.add(caseId);
        }
        String overdue = submitReceived("PAPER", now.minus(Duration.ofDays(40)));
        submitReceived("WEB", null);

        // business days to resolution, counted here independently: CA-ON business days after the receipt date up to the resolution date
        List<Integer> days = new ArrayList<>();
        int onTime = 0;
        for (String caseId : resolved) {
            JsonNode c = awaitCase(caseId, n -> n.path("status").asText().equals("RESOLVED"));
            BusinessCalendar calendar = calendars.current("CA-ON").orElseThrow();
            days.add(businessDays(calendar, Instant.parse(c.path("receivedAt").asText()),
                    Instant.parse(c.path("resolution").path("resolvedAt").asText())));
            onTime += c.path("resolution").path("onTime").asBoolean() ? 1 : 0;
        }
        assertThat(onTime).as("the 2- and 4-day cases are on time, the 30-day one late").isEqualTo(2);
        days.sort(null);
        assertThat(days.get(2)).isGreaterThan(10);
        JsonNode overdueCase = awaitCase(overdue, n -> n.path("breached").asBoolean());
        assertThat(businessDays(calendars.current("CA-ON").orElseThrow(), Instant.parse(overdueCase.path("receivedAt").asText()), Instant.now()))
                .isGreaterThan(20);

        String ops = operationsToken();
        JsonNode report = api.awaitJson("/api/service-levels/PASSPORT", ops, r -> r.path("serviceTypes").path(0).path("total").path("resolved").asInt() == 3
                && r.path("serviceTypes").path(0).path("total").path("open").asInt() == 2);
        assertThat(report.path("truncated").asBoolean()).isFalse();
        assertThat(report.path("serviceTypes")).hasSize(1);
        JsonNode passport = report.path("serviceTypes").path(0);
        assertThat(passport.path("serviceType").asText()).isEqualTo("PASSPORT");
        JsonNode total = passport.path("total");
        assertThat(total.path("channel").asText()).isEqualTo("ALL");
        assertThat(total.path("open").asInt()).isEqualTo(2);
        assertThat(total.path("atRisk").asInt()).isEqualTo(1);
        assertThat(total.path("breachedOpen").asInt()).isEqualTo(1);
        assertThat(total.path("resolvedOnTime").asInt()).isEqualTo(2);
        assertThat(total.path("onTimePercent").asText()).isEqualTo("66.7");
        assertThat(total.path("medianBusinessDaysToResolution").asInt()).isEqualTo(days.get(1)); // nearest rank 2 of 3
        assertThat(total.path("p90BusinessDaysToResolution").asInt()).isEqualTo(days.get(2));    // nearest rank 3 of 3
        assertThat(total.path("backlogByAge").toString()).isEqualTo("{\"0-5\":1,\"6-10\":0,\"11-20\":0,\"over-20\":1}");

        // on time by week: every week of the 90-day window, the three resolutions (made just now) in this week, in Toronto
        JsonNode weeks = total.path("onTimeByWeek");
        java.time.ZoneId toronto = calendars.current("CA-ON").orElseThrow().zone();
        LocalDate thisWeek = LocalDate.ofInstant(Instant.parse(report.path("asOf").asText()), toronto)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        LocalDate firstWeek = LocalDate.ofInstant(Instant.parse(report.path("resolvedSince").asText()), toronto)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        assertThat(weeks.path(0).path("weekOf").asText()).isEqualTo(firstWeek.toString());
        assertThat(weeks).hasSize((int) java.time.temporal.ChronoUnit.WEEKS.between(firstWeek, thisWeek) + 1);
        JsonNode lastWeek = weeks.path(weeks.size() - 1);
        assertThat(lastWeek.path("weekOf").asText()).isEqualTo(thisWeek.toString());
        assertThat(List.of(lastWeek.path("resolved").asInt(), lastWeek.path("resolvedOnTime").asInt())).containsExactly(3, 2);
        assertThat(lastWeek.path("onTimePercent").asText()).isEqualTo("66.7");
        for (int i = 0; i < weeks.size() - 1; i++) {
            assertThat(weeks.path(i).path("resolved").asInt()).as("week " + weeks.path(i).path("weekOf")).isZero();
            assertThat(weeks.path(i).path("onTimePercent").isNull()).isTrue();
        }

        JsonNode byChannel = passport.path("byChannel");
        assertThat(byChannel).hasSize(2);
        JsonNode paper = byChannel.path(0);
        assertThat(paper.path("channel").asText()).isEqualTo("PAPER");
        assertThat(List.of(paper.path("open").asInt(), paper.path("atRisk").asInt(), paper.path("breachedOpen").asInt(),
                paper.path("resolved").asInt(), paper.path("resolvedOnTime").asInt())).containsExactly(1, 1, 1, 3, 2);
        assertThat(paper.path("onTimePercent").asText()).isEqualTo("66.7");
        JsonNode web = byChannel.path(1);
        assertThat(web.path("channel").asText()).isEqualTo("WEB");
        assertThat(List.of(web.path("open").asInt(), web.path("atRisk").asInt(), web.path("breachedOpen").asInt(),
                web.path("resolved").asInt())).containsExactly(1, 0, 0, 0);
        assertThat(web.path("onTimePercent").isNull()).isTrue();
        assertThat(web.path("medianBusinessDaysToResolution").isNull()).isTrue();
        assertThat(web.path("backlogByAge").path("0-5").asInt()).isEqualTo(1);

        // every service type with cases, for an auditor too: the same PASSPORT figures
        ApiResponse all = get("/api/service-levels", auditorToken());
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("serviceTypes")).hasSize(1);
        assertThat(all.json().path("serviceTypes").path(0)).isEqualTo(passport);

        // a known service type without cases: zeros
        JsonNode demo = get("/api/service-levels/DEMO", ops).json().path("serviceTypes").path(0);
        assertThat(demo.path("total").path("open").asInt()).isZero();
        assertThat(demo.path("total").path("onTimePercent").isNull()).isTrue();
        assertThat(demo.path("byChannel")).isEmpty();
        assertThat(demo.path("total").path("onTimeByWeek")).hasSize(weeks.size());

        // a short window leaves out nothing resolved just now, a window is 1..366 days
        assertThat(get("/api/service-levels/PASSPORT?resolvedWithinDays=1", ops).json().path("serviceTypes").path(0).path("total")
                .path("resolved").asInt()).isEqualTo(3);
        ApiResponse badWindow = get("/api/service-levels?resolvedWithinDays=0", ops);
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.json().path("code").asText()).isEqualTo("request.validation-failed");
    }

    @Test
    void unknownServiceType_is404Problem_withStableCode() {
        ApiResponse response = get("/api/service-levels/NO-SUCH-SERVICE", operationsToken());
        assertThat(response.status()).isEqualTo(404);
        response.assertProblem(404, "service-level.service-type-unknown");
    }

    @Test
    void serviceLevels_areForOperationsAndAuditorsOnly() {
        for (String role : new String[] {"caseworker", "channel"}) {
            for (String path : new String[] {"/api/service-levels", "/api/service-levels/PASSPORT"}) {
                ApiResponse response = get(path, TOKENS.token("someone", role));
                assertThat(response.status()).as(role + " " + path).isEqualTo(403);
                assertThat(response.json().path("code").asText()).isEqualTo("auth.forbidden");
            }
        }
        assertThat(get("/api/service-levels", null).status()).isEqualTo(401);
        assertThat(get("/api/service-levels", operationsToken()).status()).isEqualTo(200);
        assertThat(get("/api/service-levels/PASSPORT", auditorToken()).status()).isEqualTo(200);
    }

    // ---- helpers

    private static int businessDays(BusinessCalendar calendar, Instant from, Instant to) {
        int days = 0;
        LocalDate end = LocalDate.ofInstant(to, calendar.zone());
        for (LocalDate d = LocalDate.ofInstant(from, calendar.zone()).plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (calendar.isBusinessDay(d)) {
                days++;
            }
        }
        return days;
    }

    private String submitReceived(String channel, Instant receivedAt) {
        String received = receivedAt == null ? "" : "\"receivedAt\":\"%s\",\"receivedAtStatedBy\":\"mailroom\",".formatted(receivedAt);
        ApiResponse response = api.post("/api/cases", channelToken(), """
                {"serviceType":"PASSPORT","channel":"%s",%s
                 "applicant":{"reference":"ref-%s","name":"Marie Tremblay","email":"marie@example.org","language":"fr-CA","preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"120.00","currency":"CAD"}}
                """.formatted(channel, received, UUID.randomUUID().toString().substring(0, 8)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("caseId").asText();
    }

    private void resolve(String caseId) {
        transitionRetryingConflicts(caseId, "assignment", "{\"assignee\":\"cw-1\"}");
        transitionRetryingConflicts(caseId, "work-started", null);
        transitionRetryingConflicts(caseId, "resolution", "{\"outcome\":\"APPROVED\",\"note\":\"done\"}");
    }

    /** One transition; sent again while the SLA sweeper's marker on the same case wins the race (409 concurrent modification). */
    private void transitionRetryingConflicts(String caseId, String action, String body) {
        ApiResponse response = Eventually.await(action + " of " + caseId + " without a concurrent modification", Duration.ofSeconds(10))
                .until(() -> transition(caseId, action, caseworkerToken(), body),
                        r -> r.status() != 409 || !r.body().contains("resource.concurrent-modification"));
        assertThat(response.status()).as(action + ": " + response.body()).isEqualTo(204);
    }

    private JsonNode awaitCase(String caseId, Predicate<JsonNode> until) {
        return awaitCase(caseId, caseworkerToken(), until);
    }
}
