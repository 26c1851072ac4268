package org.pledge.cases.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.pledge.cases.it.CaseServiceITSupport;
import org.pledge.testsupport.http.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;

/**
 * The catalogue API end to end over real HTTP: seeding, admin changes (and who may make them), idempotent PUTs, a
 * new service type usable at once by a case, and a new calendar version moving open cases' deadlines only.
 */
class CatalogueApiIT extends CaseServiceITSupport {

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore eventStore;

    @Test
    void seededCatalogue_isReadable_byAnyAuthenticatedRole() {
        ApiResponse all = send("GET", "/api/service-types", channelToken(), null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().findValuesAsText("code")).contains("PASSPORT", "DEMO");

        JsonNode passport = send("GET", "/api/service-types/PASSPORT", caseworkerToken(), null).json();
        assertThat(passport.path("names").path("fr").asText()).isEqualTo("Passeport");
        assertThat(passport.path("fee").path("amount").asText()).isEqualTo("120.00");
        assertThat(passport.path("standard").asText()).isEqualTo("10 business days");
        assertThat(passport.path("legalTimeLimit").asText()).isEqualTo("20 business days");
        assertThat(passport.path("atRiskShare").asText()).isEqualTo("0.8");
        assertThat(passport.path("revision").asInt()).isEqualTo(1);

        JsonNode calendar = send("GET", "/api/calendars/CA-ON", caseworkerToken(), null).json();
        assertThat(calendar.path("currentVersion").asInt()).isEqualTo(1);
        assertThat(calendar.path("versions").get(0).path("holidays").toString()).contains("2026-12-25");

        assertThat(send("GET", "/api/service-types/NOPE", caseworkerToken(), null).status()).isEqualTo(404);
        assertThat(send("GET", "/api/service-types", null, null).status()).isEqualTo(401);
    }

    @Test
    void seedingAgain_recordsNothing() throws Exception {
        long passportEvents = eventStore.readEvents("PASSPORT").asStream().count();
        long calendarEvents = eventStore.readEvents("CA-ON").asStream().count();

        context.getBean("catalogueSeeder", ApplicationRunner.class).run(new DefaultApplicationArguments());

        assertThat(eventStore.readEvents("PASSPORT").asStream().count()).isEqualTo(passportEvents).isPositive();
        assertThat(eventStore.readEvents("CA-ON").asStream().count()).isEqualTo(calendarEvents).isPositive();
    }

    @Test
    void adminDefinesAServiceType_thatACaseCanUseAtOnce_andTheSameBodyTwiceRecordsOneRevision() {
        String code = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String body = serviceType("10 business days", "CA-ON");

        ApiResponse created = send("PUT", "/api/service-types/" + code, adminToken(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("revision").asInt()).isEqualTo(1);
        ApiResponse again = send("PUT", "/api/service-types/" + code, adminToken(), body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("revision").asInt()).isEqualTo(1);

        String caseId = submit(code);
        JsonNode c = awaitCase(caseId, json -> json.path("status").asText().equals("SUBMITTED"));
        assertThat(c.path("serviceStandard").asText()).isEqualTo("10 business days");

        ApiResponse changed = send("PUT", "/api/service-types/" + code, adminToken(), serviceType("12 business days", "CA-ON"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("revision").asInt()).isEqualTo(2);
        assertThat(changed.json().path("standard").asText()).isEqualTo("12 business days");
    }

    @Test
    void nonAdmin_cannotChangeTheCatalogue() {
        ApiResponse type = send("PUT", "/api/service-types/PASSPORT", caseworkerToken(), serviceType("1 business days", "CA-ON"));
        assertThat(type.status()).isEqualTo(403);
        assertThat(type.json().path("code").asText()).isEqualTo("auth.forbidden");
        assertThat(send("PUT", "/api/calendars/CA-ON", channelToken(), calendar("UTC", List.of())).status()).isEqualTo(403);
        assertThat(send("GET", "/api/service-types/PASSPORT", caseworkerToken(), null).json().path("revision").asInt()).isEqualTo(1);
    }

    @Test
    void badDefinitions_are4xxProblems_withTheirCode() {
        ApiResponse shorter = send("PUT", "/api/service-types/IT-BAD", adminToken(), """
                {"names":{"en":"Bad","fr":"Mauvais"},"fee":{"amount":"1.00","currency":"CAD"},"standard":"10 business days",
                 "legalTimeLimit":"5 business days","guaranteed":false,"calendarId":"CA-ON"}""");
        shorter.assertProblem(422, "catalogue.service-type.legal-limit-shorter-than-standard");

        ApiResponse unknownCalendar = send("PUT", "/api/service-types/IT-BAD", adminToken(), serviceType("10 business days", "MARS"));
        assertThat(unknownCalendar.json().path("code").asText()).isEqualTo("catalogue.service-type.calendar-unknown");

        ApiResponse badZone = send("PUT", "/api/calendars/IT-BAD", adminToken(), calendar("Mars/Olympus", List.of()));
        assertThat(badZone.status()).isEqualTo(422);
        assertThat(badZone.json().path("code").asText()).isEqualTo("catalogue.calendar.zone-invalid");

        ApiResponse missing = send("PUT", "/api/service-types/IT-BAD", adminToken(), "{\"names\":{\"en\":\"x\",\"fr\":\"y\"}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("code").asText()).isEqualTo("request.validation-failed");
        assertThat(send("GET", "/api/service-types/IT-BAD", adminToken(), null).status()).isEqualTo(404);
    }

    @Test
    void newCalendarVersion_movesOpenCasesDeadline_whileAResolvedCaseKeepsItsOwn() {
        String calendarId = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        String code = calendarId.toUpperCase() + "-SVC";
        // every day a business day in UTC, so one holiday inside the window moves the deadline by exactly one day
        assertThat(send("PUT", "/api/calendars/" + calendarId, adminToken(), calendar("UTC", List.of())).status()).isEqualTo(201);
        assertThat(send("PUT", "/api/calendars/" + calendarId, adminToken(), calendar("UTC", List.of())).status()).isEqualTo(200);
        assertThat(send("PUT", "/api/service-types/" + code, adminToken(), serviceType("10 business days", calendarId)).status()).isEqualTo(201);

        String open = submit(code);
        String resolved = submit(code);
        String cw = caseworkerToken();
        assertThat(send("POST", "/api/cases/" + resolved + "/assignment", cw, "{\"assignee\":\"cw-1\"}").status()).isEqualTo(204);
        assertThat(send("POST", "/api/cases/" + resolved + "/work-started", cw, null).status()).isEqualTo(204);
        assertThat(send("POST", "/api/cases/" + resolved + "/resolution", cw, "{\"outcome\":\"APPROVED\",\"note\":\"ok\"}").status()).isEqualTo(204);
        Instant openDeadline = Instant.parse(awaitCase(open, c -> c.path("status").asText().equals("SUBMITTED")).path("deadline").asText());
        Instant resolvedDeadline = Instant.parse(awaitCase(resolved, c -> c.path("status").asText().equals("RESOLVED")).path("deadline").asText());

        LocalDate holiday = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        ApiResponse v2 = send("PUT", "/api/calendars/" + calendarId, adminToken(), calendar("UTC", List.of(holiday)));
        assertThat(v2.status()).isEqualTo(201);
        assertThat(v2.json().path("currentVersion").asInt()).isEqualTo(2);
        assertThat(v2.json().path("versions")).hasSize(2);
        assertThat(v2.json().path("versions").get(1).path("addedHolidays").get(0).asText()).isEqualTo(holiday.toString());

        JsonNode moved = awaitCase(open, c -> !c.path("deadline").asText().equals(openDeadline.toString()));
        assertThat(Instant.parse(moved.path("deadline").asText())).isEqualTo(openDeadline.plus(Duration.ofDays(1)));
        assertThat(moved.path("calendarVersion").asInt()).isEqualTo(2);
        JsonNode recalculated = lastEvent(open);
        assertThat(recalculated.path("type").asText()).isEqualTo("DeadlineRecalculated");
        assertThat(recalculated.path("details").path("calendarVersion").asInt()).isEqualTo(2);

        JsonNode kept = send("GET", "/api/cases/" + resolved, cw, null).json();
        assertThat(Instant.parse(kept.path("deadline").asText())).isEqualTo(resolvedDeadline);
        assertThat(kept.path("calendarVersion").asInt()).isEqualTo(1);
        assertThat(lastEvent(resolved).path("type").asText()).isEqualTo("CaseResolved");
    }

    // ------------------------------------------------------------------ helpers

    private static String serviceType(String standard, String calendarId) {
        return """
                {"names":{"en":"Test service","fr":"Service de test","de":"Testdienst"},"fee":{"amount":"120.00","currency":"CAD"},
                 "standard":"%s","guaranteed":true,"calendarId":"%s","availableFrom":"2020-01-01T00:00:00Z"}""".formatted(standard, calendarId);
    }

    private static String calendar(String zone, List<LocalDate> holidays) {
        List<String> quoted = new ArrayList<>();
        holidays.forEach(h -> quoted.add("\"" + h + "\""));
        return "{\"zone\":\"%s\",\"weekendDays\":[],\"holidays\":[%s]}".formatted(zone, String.join(",", quoted));
    }

    private String submit(String serviceType) {
        ApiResponse response = send("POST", "/api/cases", channelToken(), """
                {"serviceType":"%s","channel":"WEB",
                 "applicant":{"reference":"ref-1","name":"Marie Tremblay","email":"marie@example.org",
                              "language":"fr-CA","preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"120.00","currency":"CAD"}}""".formatted(serviceType));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("caseId").asText();
    }

    private JsonNode lastEvent(String caseId) {
        JsonNode history = send("GET", "/api/cases/" + caseId + "/history", caseworkerToken(), null).json();
        return history.get(history.size() - 1);
    }

    private JsonNode awaitCase(String caseId, Predicate<JsonNode> until) {
        return awaitCase(caseId, caseworkerToken(), until);
    }

    /** A request as this test sends every one: POSTs under a fresh Idempotency-Key. */
    private ApiResponse send(String method, String path, String token, String body) {
        return method.equals("POST") ? api.post(path, token, body) : api.send(method, path, token, body, Map.of());
    }
}
