package org.pledge.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The table {@link HostileInputIT} attacks from: per write operation the services' API docs declare, a valid request
 * (its path variables come from a target prepared for it, then query, body and the role of the token) and how to
 * prepare that target (a case in the state where the transition is allowed, a code not used yet). An operation the
 * docs declare without an entry here fails the suite, so a new endpoint cannot escape it.
 *
 * <p>Bodies use every field their request type declares (the suite checks that against the schema), so that every
 * text and contact field is attacked. Fees are the catalogue's (README): PASSPORT 120.00 CAD, or less with a
 * reduction reason.
 */
final class WriteSamples {

    /** A prepared target: the values of the operation's path variables. */
    record Target(Map<String, String> variables) {

        static final Target NONE = new Target(Map.of());
    }

    /**
     * One operation's valid request. {@code body} is null for an operation without a body; {@code foreignIds} are
     * identifiers of other kinds of resources (a calendar's id as a case id ...), tried in each path variable.
     */
    record Sample(String service, String method, String path, String role, Function<Fixtures, Target> prepare,
                  Function<Fixtures, String> body, Map<String, String> query, Function<Fixtures, List<String>> foreignIds) {

        String key() {
            return service + " " + method + " " + path;
        }
    }

    /** An operation the docs list that is no API: no valid request exists, so only direct requests are tried. */
    record NotAnApi(String service, String method, String path, String why) {

        String key() {
            return service + " " + method + " " + path;
        }
    }

    /** Topics each service consumes (its dead letters can be replayed). */
    private static final Map<String, String> CONSUMED_TOPIC = Map.of(
            "case-service", "pledge.feedback.v1",
            "feedback-service", "pledge.case.v1",
            "notification-service", "pledge.case.v1",
            "guarantee-service", "pledge.case.v1");

    /**
     * Per service, a processor whose replay the other tests do not notice: case-service's catalogue rebuilds in place (it
     * is never emptied), the others' read models are small.
     */
    private static final Map<String, String> REPLAYABLE_PROCESSOR = Map.of(
            "case-service", "catalogue",
            "feedback-service", "survey-invitations",
            "notification-service", "notifications",
            "guarantee-service", "guarantee-claims");

    private WriteSamples() {
    }

    static Map<String, Sample> samples() {
        List<Sample> all = new ArrayList<>();
        all.add(new Sample("case-service", "POST", "/api/cases", "channel", f -> Target.NONE, Fixtures::fullSubmission,
                Map.of(), f -> List.of()));
        all.add(transition("assignment", f -> f.submittedCase(), "{\"assignee\":\"caseworker-7\"}"));
        all.add(transition("work-started", f -> f.assignedCase(), null));
        all.add(transition("information-requests", f -> f.inProgressCase(), "{\"reasonCode\":\"missing-photo\"}"));
        all.add(transition("information-received", f -> f.awaitingInformationCase(), null));
        all.add(transition("resolution", f -> f.inProgressCase(),
                "{\"outcome\":\"REFUSED\",\"note\":\"Refused after review.\\nForged documents.\",\"reasonCode\":\"fraud\"}"));
        all.add(transition("withdrawal", f -> f.submittedCase(), "{\"reason\":\"The client asked to withdraw.\\nBy phone.\"}"));
        all.add(transition("reopening", f -> f.resolvedCase(), "{\"reason\":\"New evidence arrived.\"}"));
        all.add(transition("follow-ups", f -> f.submittedCase(), "{\"reasonCode\":\"client-called-back\",\"serviceType\":\"PASSPORT\"}"));
        all.add(new Sample("case-service", "PUT", "/api/service-types/{code}", "admin",
                f -> new Target(Map.of("code", f.unique("HOSTILE").toUpperCase())),
                f -> """
                        {"names":{"en":"Hostile probe","fr":"Sonde hostile"},"fee":{"amount":"10.00","currency":"CAD"},
                         "standard":"10 business days","legalTimeLimit":"20 business days","atRiskShare":0.8,"guaranteed":true,
                         "calendarId":"CA-ON","availableFrom":"2026-01-01T00:00:00Z"}""",
                Map.of(), f -> List.of("CA-ON", f.submittedCase())));
        all.add(new Sample("case-service", "PUT", "/api/calendars/{id}", "admin",
                f -> new Target(Map.of("id", f.unique("hostile-calendar"))),
                f -> "{\"zone\":\"America/Toronto\",\"weekendDays\":[\"SATURDAY\",\"SUNDAY\"],\"holidays\":[\"2027-07-01\",\"2027-12-27\"]}",
                Map.of(), f -> List.of("PASSPORT", "DEMO", f.submittedCase())));
        all.add(new Sample("guarantee-service", "PUT", "/api/guarantee-policies/{serviceType}", "admin",
                f -> new Target(Map.of("serviceType", f.unique("HOSTILE").toUpperCase())),
                f -> """
                        {"guaranteed":true,"tiers":[{"from":1,"to":10,"percent":"25"},{"from":11,"to":99,"percent":"50"}],
                         "exclusions":["WITHDRAWN","REFUSED_FOR_FRAUD","OUTCOME_OTHER"],"currency":"CAD",
                         "autoApprovalLimit":"50.00","secondApprovalLimit":"500.00",
                         "payoutMethods":["ORIGINAL_PAYMENT_METHOD","BANK_TRANSFER"]}""",
                // no calendar id here: service types are case-service's, and a policy may be defined for a type before
                // guarantee-service has seen a case of it, so a well-formed code of any kind is a valid target
                Map.of(), f -> List.of(f.submittedCase())));
        // a client's own preference: a subject whose contact notification-service recorded from its case
        all.add(new Sample("notification-service", "PUT", "/api/contacts/{subjectRef}/preferences", "caseworker",
                f -> new Target(Map.of("subjectRef", f.contactSubject())), f -> "{\"language\":\"fr-CA\",\"channel\":\"EMAIL\"}",
                Map.of(), f -> List.of(f.submittedCase())));
        // a range long past, so that no claim of the other tests is covered
        all.add(new Sample("guarantee-service", "POST", "/api/exceptional-circumstances", "admin", f -> Target.NONE,
                f -> """
                        {"serviceTypes":["PASSPORT"],"from":"2020-01-06","to":"2020-01-10","label":"Hostile probe: a strike in 2020",
                         "adjustment":"SUBTRACT_BUSINESS_DAYS","businessDays":1}""",
                Map.of(), f -> List.of()));
        // a claim needs a breached case: Fixtures.claimServiceType's standard is five seconds, DEMO's two minutes
        all.add(new Sample("guarantee-service", "POST", "/api/claims/{claimId}/approvals", "finance",
                f -> new Target(Map.of("claimId", f.claimAwaitingApproval())),
                f -> "{\"decision\":\"APPROVE\",\"reason\":\"Checked against the case file.\\nLate by one day.\"}", Map.of(),
                f -> List.of("PASSPORT", f.submittedCase())));
        all.add(new Sample("guarantee-service", "POST", "/api/claims/{claimId}/payout-details", "channel",
                f -> new Target(Map.of("claimId", f.openClaim().split(" ")[1])),
                f -> """
                        {"applicantReference":"%s","holderName":"Hostile Probe","iban":"FR14 2004 1010 0505 0001 3M02 606",
                         "bic":"BNPAFRPP"}""".formatted(Fixtures.CLAIM_SUBJECT), Map.of(),
                f -> List.of("PASSPORT", f.submittedCase())));
        // notification-service's templates and rules (admin): a fresh template id per target; the rule sends nothing (disabled,
        // and for a service type no case has). Upper-case ids are foreign (a service type, a calendar): ids are lower case.
        all.add(new Sample("notification-service", "PUT", "/api/templates/{templateId}/{language}/{channel}", "admin",
                f -> new Target(Map.of("templateId", f.unique("hostile-template").toLowerCase(), "language", "fr", "channel", "EMAIL")),
                f -> """
                        {"trigger":"CASE_SUBMITTED","subject":"Sonde hostile {{caseId}}",
                         "body":"Sonde hostile : dossier {{caseId}}, échéance le {{dueDate}}.\\nDeuxième ligne."}""",
                Map.of(), f -> List.of("PASSPORT", "CA-ON")));
        all.add(new Sample("notification-service", "POST", "/api/templates/{templateId}/{language}/{channel}/preview", "admin",
                f -> new Target(Map.of("templateId", "case-submitted", "language", "en", "channel", "EMAIL")),
                f -> """
                        {"trigger":"CASE_SUBMITTED","subject":"Hostile probe {{caseId}}","body":"Hostile probe: due {{dueDate}}.\\nSecond line.",
                         "values":{"caseId":"hostile-case","dueDate":"2027-01-15T22:00:00Z"}}""",
                Map.of(), f -> List.of("PASSPORT", "CA-ON")));
        all.add(new Sample("notification-service", "PUT", "/api/notification-rules/{ruleId}", "admin",
                f -> new Target(Map.of("ruleId", f.unique("hostile-rule").toLowerCase())),
                f -> """
                        {"trigger":"CASE_SUBMITTED","conditions":{"serviceType":"HOSTILE-PROBE"},"templateId":"case-submitted",
                         "enabled":false}""",
                Map.of(), f -> List.of("PASSPORT", "CA-ON")));
        // feedback-service: channel feedback without a case (a service type of its own, so no figure of another test moves),
        // the seeded pain-point tags as they are (a PUT of the same content changes nothing), and a survey's one answer
        all.add(new Sample("feedback-service", "POST", "/api/feedback", "channel", f -> Target.NONE,
                f -> """
                        {"channel":"KIOSK","caseId":null,"serviceType":"HOSTILE-PROBE","language":"fr-CA","rating":4,"effort":2,
                         "comment":"Très bien.\\nMerci !","painPoints":["waiting-time"],"consentToContact":false}""",
                Map.of(), f -> List.of()));
        all.add(new Sample("feedback-service", "PUT", "/api/pain-point-tags", "admin", f -> Target.NONE,
                f -> """
                        {"tags":[{"code":"waiting-time","labels":{"en":"Waiting time","fr":"Temps d'attente"}},
                                 {"code":"unclear-information","labels":{"en":"Unclear information","fr":"Information peu claire"}},
                                 {"code":"documents-required","labels":{"en":"Documents required","fr":"Documents exigés"}},
                                 {"code":"staff-courtesy","labels":{"en":"Staff courtesy","fr":"Courtoisie du personnel"}},
                                 {"code":"online-service","labels":{"en":"Online service","fr":"Service en ligne"}},
                                 {"code":"decision-outcome","labels":{"en":"The decision","fr":"La décision"}}]}""",
                Map.of(), f -> List.of()));
        all.add(new Sample("feedback-service", "POST", "/api/surveys/{token}/responses", "channel",
                f -> new Target(Map.of("token", f.surveyToken())),
                f -> """
                        {"rating":5,"effort":1,"comment":"Rapide.\\nMerci !","painPoints":["waiting-time"],"consentToContact":false}""",
                Map.of(), f -> List.of(f.submittedCase(), "PASSPORT")));
        for (String service : ServiceProcesses.SERVICES) {
            String topic = CONSUMED_TOPIC.get(service);
            all.add(new Sample(service, "POST", "/ops/dead-letters/{topic}/replay", "operations",
                    f -> new Target(Map.of("topic", topic)), null, Map.of(),
                    // a real topic no service consumes (audit checkpoints are for auditors and archives)
                    f -> List.of(topic + ".dlq", "__consumer_offsets", "pledge.audit.v1")));
            all.add(new Sample(service, "POST", "/ops/dead-letters/outbound/replay", "operations", f -> Target.NONE, null,
                    Map.of("key", "hostile-probe-key"), f -> List.of()));
            String processor = REPLAYABLE_PROCESSOR.get(service);
            all.add(new Sample(service, "POST", "/ops/processors/{name}/replay", "operations",
                    f -> new Target(Map.of("name", processor)), null, Map.of(),
                    f -> List.of("integration-publisher", topic, "PASSPORT")));
            // the platform's erasure (any reference is a subject: no foreign ids) and key re-wrapping, in every service
            all.add(new Sample(service, "DELETE", "/api/data-subjects/{subjectRef}", "admin",
                    f -> new Target(Map.of("subjectRef", f.unique("hostile-subject"))), null, Map.of("reason", "subject-request"),
                    f -> List.of()));
            all.add(new Sample(service, "POST", "/api/privacy/master-key-rotation", "admin", f -> Target.NONE, null, Map.of(),
                    f -> List.of()));
        }
        Map<String, Sample> byKey = new LinkedHashMap<>();
        for (Sample sample : all) {
            if (byKey.put(sample.key(), sample) != null) {
                throw new IllegalStateException("two samples for " + sample.key());
            }
        }
        return byKey;
    }

    /** A case transition (or follow-up) on a case {@code prepareCase} makes; the catalogue's ids are foreign as case ids. */
    private static Sample transition(String action, Function<Fixtures, String> prepareCase, String body) {
        return new Sample("case-service", "POST", "/api/cases/{caseId}/" + action, "caseworker",
                f -> new Target(Map.of("caseId", prepareCase.apply(f))), body == null ? null : f -> body, Map.of(),
                f -> List.of("CA-ON", "PASSPORT", "DEMO"));
    }

    /**
     * {@code /error} in every service: Spring's error dispatch path, which the platform's {@code ProblemErrorController}
     * maps for every method; hidden from the API docs ({@code springdoc.paths-to-exclude}). Nobody calls it on purpose,
     * but anybody can. And guarantee-service's {@code POST /callbacks/payments}, the payment provider's signed webhook,
     * and notification-service's {@code POST /api/callbacks/sms}, the SMS provider's signed delivery receipts.
     */
    /**
     * Write operations whose body is no JSON, attacked by their own service's tests instead (the mutations here are
     * JSON's), with where: key → what attacks it.
     */
    static Map<String, String> attackedElsewhere() {
        return Map.of("guarantee-service POST /api/payment-batches/status-reports",
                "an XML upload (pain.002): guarantee-service's PaymentStatusReportsIT sends it malformed, foreign, "
                        + "wrong-type, DTD/XXE, entity-expansion and oversized files, each a 4xx problem that changes nothing");
    }

    static Map<String, NotAnApi> notAnApi() {
        Map<String, NotAnApi> byKey = new LinkedHashMap<>();
        for (String service : ServiceProcesses.SERVICES) {
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                NotAnApi entry = new NotAnApi(service, method, "/error",
                        "the container's error path (ProblemErrorController maps every method)");
                byKey.put(entry.key(), entry);
            }
        }
        NotAnApi callback = new NotAnApi("guarantee-service", "POST", "/callbacks/payments",
                "the payment provider's webhook, signed over its raw bytes (docs/payouts.md): not in the client API docs, "
                        + "and an unsigned request is refused");
        byKey.put(callback.key(), callback);
        NotAnApi smsReceipts = new NotAnApi("notification-service", "POST", "/api/callbacks/sms",
                "the SMS provider's delivery receipts, signed over their raw bytes (docs/notification-channels.md): not in "
                        + "the client API docs, and an unsigned request is refused");
        byKey.put(smsReceipts.key(), smsReceipts);
        return byKey;
    }
}
