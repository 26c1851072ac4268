package org.pledge.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.rule.api.ActiveRule;
import org.pledge.notification.rule.api.NotificationRules;
import org.pledge.notification.template.api.MessageTemplates;
import org.pledge.notification.template.api.RenderedMessage;
import org.pledge.notification.template.api.Trigger;
import org.pledge.testsupport.http.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The templates and rules through the HTTP API (admin), on the service's real event store and read models: the seeds,
 * a variant saved and versioned, each refusal a 422 problem, the preview, a rule refused for a missing translation and
 * accepted once the template is complete; and {@link MessageTemplates} and {@link NotificationRules} as the delivery
 * feature calls them. The context is shared with the other ITs: the seeds are never changed here, and the rules made
 * here hold only for a service type no other test sends.
 */
class TemplatesApiIT extends NotificationServiceITSupport {

    @Autowired
    MessageTemplates templates;
    @Autowired
    NotificationRules rules;

    @Test
    void seeds_giveEveryTemplateInEnglishAndFrenchForEveryChannel_andARuleForEveryTrigger() {
        JsonNode list = get("/api/templates", adminToken()).json();
        List<String> seeded = List.of("case-submitted", "information-requested", "information-received", "deadline-recalculated",
                "case-approved", "case-refused", "case-decided", "standard-breached-guaranteed", "standard-breached", "refund-approved",
                "refund-paid", "survey-invitation", "follow-up");
        List<JsonNode> found = StreamSupport.stream(list.spliterator(), false)
                .filter(t -> seeded.contains(t.path("templateId").asText())).toList();
        assertThat(found).hasSize(seeded.size());
        for (JsonNode template : found) {
            // en and fr, each for EMAIL, SMS and LETTER, version 1 from the configuration
            assertThat(template.path("variants")).as(template.path("templateId").asText()).hasSize(6)
                    .allSatisfy(v -> assertThat(v.path("changedBy").asText()).isEqualTo("configuration"));
        }
        JsonNode seededRules = get("/api/notification-rules", adminToken()).json();
        List<String> triggers = StreamSupport.stream(seededRules.spliterator(), false)
                .filter(r -> "configuration".equals(r.path("changedBy").asText())).map(r -> r.path("trigger").asText()).distinct().toList();
        assertThat(triggers).containsExactlyInAnyOrder(Arrays.stream(Trigger.values()).map(Enum::name).toArray(String[]::new));
        JsonNode approved = get("/api/notification-rules/case-resolved-approved", adminToken()).json();
        assertThat(approved.path("conditions").path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("templateId").asText()).isEqualTo("case-approved");
    }

    @Test
    void put_makesVersion1_thenTheSameTextChangesNothing_andAnotherTextIsVersion2() {
        String path = "/api/templates/" + freshId() + "/fr/EMAIL";
        String body = variant("CASE_SUBMITTED", "Demande reçue", "Réf. {{caseId}} : décision au plus tard le {{dueDate}}.");

        ApiResponse created = api.put(path, adminToken(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("version").asInt()).isEqualTo(1);
        assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(created.header("Location")).endsWith(path);

        ApiResponse again = api.put(path, adminToken(), body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("version").asInt()).isEqualTo(1);

        ApiResponse changed = api.put(path, adminToken(), variant("CASE_SUBMITTED", "Demande reçue", "Réf. {{caseId}}."));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("version").asInt()).isEqualTo(2);
        JsonNode read = get(path, adminToken()).json();
        assertThat(read.path("body").asText()).isEqualTo("Réf. {{caseId}}.");
        assertThat(read.path("version").asInt()).isEqualTo(2);
        assertThat(read.path("changedBy").asText()).isEqualTo("admin-1");
    }

    @Test
    void put_refusesEachBrokenRule_with422_andSavesNothing() {
        String id = freshId();
        String email = "/api/templates/" + id + "/en/EMAIL";
        api.put(email, adminToken(), variant("CASE_SUBMITTED", "S", "Ref. {{amount}}")).assertProblem(422, "template.placeholder-unknown");
        api.put(email, adminToken(), variant("CASE_SUBMITTED", "S", "Due {{ dueDate }}")).assertProblem(422, "template.placeholder-malformed");
        api.put(email, adminToken(), variant("CASE_SUBMITTED", "S", "   ")).assertProblem(422, "template.body-empty");
        api.put(email, adminToken(), variant("CASE_SUBMITTED", null, "Ref. {{caseId}}")).assertProblem(422, "template.subject-required");
        api.put("/api/templates/" + id + "/en/SMS", adminToken(), variant("CASE_SUBMITTED", "S", "Ref. {{caseId}}"))
                .assertProblem(422, "template.subject-not-allowed");
        api.put("/api/templates/" + id + "/de/SMS", adminToken(), variant("CASE_SUBMITTED", null, "Ref. {{caseId}}"))
                .assertProblem(422, "template.language-unsupported");
        get(email, adminToken()).assertProblem(404, "template.not-found");

        api.put(email, adminToken(), variant("CASE_SUBMITTED", "S", "Ref. {{caseId}}"));
        api.put("/api/templates/" + id + "/fr/EMAIL", adminToken(), variant("CASE_RESOLVED", "S", "Réf. {{caseId}}"))
                .assertProblem(422, "template.trigger-mismatch");
        api.put(email, adminToken(), "{\"trigger\":\"NO_SUCH\",\"subject\":\"S\",\"body\":\"B\"}").assertProblem(400, null);
        api.put("/api/templates/" + id + "/en/FAX", adminToken(), variant("CASE_SUBMITTED", null, "B")).assertProblem(400, null);
    }

    @Test
    void preview_writesTheSavedVariantOut_withGivenValues_orSamples() {
        ApiResponse given = api.post("/api/templates/case-submitted/fr/SMS/preview", adminToken(),
                "{\"values\":{\"caseId\":\"C-77\",\"dueDate\":\"2027-01-15T22:00:00Z\"}}");
        assertThat(given.status()).as(given.body()).isEqualTo(200);
        assertThat(given.json().path("body").asText()).isEqualTo("Nous avons reçu votre demande de passeport, réf. C-77. Décision promise "
                + "au plus tard le 15 janvier 2027. Rien à faire pour l'instant : nous vous écrirons si nous avons besoin de quoi que ce soit.");
        assertThat(given.json().path("version").asInt()).isEqualTo(1);

        ApiResponse sampled = api.post("/api/templates/refund-paid/en/EMAIL/preview", adminToken(), "{}");
        assertThat(sampled.status()).as(sampled.body()).isEqualTo(200);
        assertThat(sampled.json().path("subject").asText()).isEqualTo("We paid your refund of $30.00");
        assertThat(sampled.json().path("body").asText()).doesNotContain("{{").contains("to the card or account you paid with");
        assertThat(sampled.json().path("values").path("amount").asText()).isEqualTo("30.00 CAD");
    }

    @Test
    void preview_ofAProposedText_isCheckedLikeAPut_andSavesNothing() {
        String id = freshId();
        ApiResponse proposed = api.post("/api/templates/" + id + "/en/SMS/preview", adminToken(),
                "{\"trigger\":\"REFUND_APPROVED\",\"body\":\"Refund {{amount}} approved.\",\"values\":{\"amount\":\"1250.5 CAD\"}}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        assertThat(proposed.json().path("body").asText()).isEqualTo("Refund $1,250.50 approved.");
        assertThat(proposed.json().path("version").isNull()).isTrue();
        get("/api/templates/" + id + "/en/SMS", adminToken()).assertProblem(404, "template.not-found");

        api.post("/api/templates/" + id + "/en/SMS/preview", adminToken(), "{\"trigger\":\"REFUND_APPROVED\",\"body\":\"{{fee}}\"}")
                .assertProblem(422, "template.placeholder-unknown");
        api.post("/api/templates/case-submitted/en/SMS/preview", adminToken(), "{\"values\":{\"amount\":\"30.00 CAD\"}}")
                .assertProblem(422, "template.value-unknown");
        api.post("/api/templates/case-submitted/en/SMS/preview", adminToken(), "{\"values\":{\"dueDate\":\"15/01/2027\"}}")
                .assertProblem(422, "template.value-invalid");
        api.post("/api/templates/" + id + "/en/SMS/preview", adminToken(), "{}").assertProblem(404, "template.not-found");
        api.post("/api/templates/case-submitted/en/SMS/preview", adminToken(), "null").assertProblem(400, null);
    }

    @Test
    void rule_isRefusedForAMissingTranslation_andSavedOnceTheTemplateIsComplete() {
        String template = freshId();
        String rule = "it-rule-" + UUID.randomUUID().toString().substring(0, 8);
        String ruleBody = "{\"trigger\":\"CASE_RESOLVED\",\"conditions\":{\"outcome\":\"APPROVED\",\"serviceType\":\"IT-" + rule + "\"},"
                + "\"templateId\":\"" + template + "\",\"enabled\":true}";
        api.put("/api/notification-rules/" + rule, adminToken(), ruleBody).assertProblem(422, "rule.template-unknown");
        for (Channel channel : Channel.values()) {
            saveVariant(template, "en", channel);
        }
        ApiResponse missing = api.put("/api/notification-rules/" + rule, adminToken(), ruleBody);
        missing.assertProblem(422, "rule.missing-translation");
        assertThat(missing.json().path("detail").asText()).contains("fr/EMAIL", "fr/SMS", "fr/LETTER");
        get("/api/notification-rules/" + rule, adminToken()).assertProblem(404, "rule.not-found");

        for (Channel channel : Channel.values()) {
            saveVariant(template, "fr", channel);
        }
        ApiResponse created = api.put("/api/notification-rules/" + rule, adminToken(), ruleBody);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("version").asInt()).isEqualTo(1);
        assertThat(api.put("/api/notification-rules/" + rule, adminToken(), ruleBody).json().path("version").asInt()).isEqualTo(1);

        Map<String, String> values = Map.of("outcome", "APPROVED", "serviceType", "IT-" + rule, "caseId", "c-1");
        assertThat(rules.matching(Trigger.CASE_RESOLVED, values)).extracting(ActiveRule::ruleId)
                .containsExactly("case-resolved-approved", rule);

        ApiResponse disabled = api.put("/api/notification-rules/" + rule, adminToken(), ruleBody.replace("\"enabled\":true", "\"enabled\":false"));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("version").asInt()).isEqualTo(2);
        assertThat(rules.matching(Trigger.CASE_RESOLVED, values)).extracting(ActiveRule::ruleId).containsExactly("case-resolved-approved");
    }

    @Test
    void rule_isRefusedForAConditionTheTriggerDoesNotGive_orATemplateOfAnotherTrigger() {
        String rule = "it-rule-" + UUID.randomUUID().toString().substring(0, 8);
        api.put("/api/notification-rules/" + rule, adminToken(),
                "{\"trigger\":\"CASE_SUBMITTED\",\"conditions\":{\"amount\":\"30.00 CAD\"},\"templateId\":\"case-submitted\",\"enabled\":true}")
                .assertProblem(422, "rule.condition-unknown");
        api.put("/api/notification-rules/" + rule, adminToken(),
                "{\"trigger\":\"CASE_SUBMITTED\",\"conditions\":{},\"templateId\":\"case-approved\",\"enabled\":true}")
                .assertProblem(422, "rule.trigger-mismatch");
        api.put("/api/notification-rules/" + rule, adminToken(),
                "{\"trigger\":\"CASE_SUBMITTED\",\"templateId\":\"case-submitted\"}").assertProblem(400, null);
    }

    @Test
    void messageTemplates_matchesFrCaToFrench_andFallsBackToEnglish_forALanguageOrAVariantItLacks() {
        Map<String, String> values = Map.of("caseId", "C-9", "serviceType", "PASSPORT", "dueDate", "2027-03-01T15:00:00Z");

        RenderedMessage french = templates.render("case-submitted", "fr-CA", Channel.SMS, values);
        assertThat(french.language()).isEqualTo("fr");
        assertThat(french.body()).contains("réf. C-9", "au plus tard le 1er mars 2027");
        assertThat(french.subject()).isNull();

        RenderedMessage spanish = templates.render("case-submitted", "es-MX", Channel.EMAIL, values);
        assertThat(spanish.language()).isEqualTo("en");
        assertThat(spanish.subject()).isEqualTo("We received your passport application");
        assertThat(spanish.body()).contains("We promise you a decision by March 1, 2027.");

        assertThat(catchThrowable(() -> templates.render("no-such-template", "en", Channel.SMS, values)))
                .isInstanceOf(MessageTemplates.TemplateNotFoundException.class);

        // a template with no French SMS yet (possible while no rule sends it): the English one, and its version
        String englishOnly = freshId();
        api.put("/api/templates/" + englishOnly + "/en/SMS", adminToken(), variant("CASE_SUBMITTED", null, "Ref {{caseId}}, due {{dueDate}}."));
        api.put("/api/templates/" + englishOnly + "/en/SMS", adminToken(), variant("CASE_SUBMITTED", null, "Ref. {{caseId}}, due {{dueDate}}."));
        RenderedMessage fallback = templates.render(englishOnly, "fr", Channel.SMS, values);
        assertThat(fallback.language()).isEqualTo("en");
        assertThat(fallback.version()).isEqualTo(2);
        assertThat(fallback.body()).isEqualTo("Ref. C-9, due March 1, 2027.");
        assertThat(catchThrowable(() -> templates.render(englishOnly, "fr", Channel.EMAIL, values)))
                .isInstanceOf(MessageTemplates.TemplateNotFoundException.class);
    }

    // --- helpers

    private void saveVariant(String template, String language, Channel channel) {
        String subject = channel == Channel.SMS ? null : language + " " + channel;
        ApiResponse saved = api.put("/api/templates/" + template + "/" + language + "/" + channel, adminToken(),
                variant("CASE_RESOLVED", subject, "Case {{caseId}}: {{outcome}} on {{resolvedOn}}."));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    }

    private static String freshId() {
        return "it-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static String variant(String trigger, String subject, String body) {
        try {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("trigger", trigger);
            if (subject != null) {
                json.put("subject", subject);
            }
            json.put("body", body);
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
