package org.pledge.notification.template.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.template.api.TemplateSyntax;
import org.pledge.notification.template.api.Trigger;
import org.pledge.notification.template.query.TextWriter;
import org.pledge.notification.template.validation.TemplateRules;
import org.yaml.snakeyaml.Yaml;

/**
 * Every seeded template (application.yml's {@code pledge.notifications.templates}, texts from
 * {@code notification-templates/}), in English and French, for every channel: it passes the rules a PUT applies, and
 * written out with one case's values it shows each value formatted for its language (the expected values worked by
 * hand below, not by the formatter), no placeholder, ISO date, raw amount or raw code left, in the right language.
 * A few are compared whole.
 */
class SeededTemplatesTest {

    private static final String CASE = "3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";
    /** Raw values, as the delivery feature passes them. */
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("caseId", CASE),
            Map.entry("serviceType", "PASSPORT"),
            Map.entry("dueDate", "2027-01-15T22:00:00Z"),       // 17:00 in Toronto (EST, UTC-5): January 15
            Map.entry("reason", "missing-photo"),
            Map.entry("outcome", "APPROVED"),
            Map.entry("resolvedOn", "2027-01-13T02:30:00Z"),     // 21:30 on January 12 in Toronto
            Map.entry("onTime", "true"),
            Map.entry("guaranteed", "true"),
            Map.entry("fee", "120.00 CAD"),
            Map.entry("amount", "1250.5 CAD"),                    // a refund above a thousand: group separators
            Map.entry("method", "ORIGINAL_PAYMENT_METHOD"),
            Map.entry("paidOn", "2027-02-01T14:00:00Z"),          // 09:00 on February 1 in Toronto: "1er" in French
            Map.entry("surveyLink", "https://survey.pledge.example/s/Zm9vYmFy"),
            Map.entry("expiresOn", "2027-02-15T04:59:00Z"),       // 23:59 on February 14 in Toronto
            Map.entry("rating", "1"));
    /** The new due date after a pause, for INFORMATION_RECEIVED: the pause moved it a week. */
    private static final String MOVED_DUE_DATE = "2027-01-22T22:00:00Z";

    /** What each value must read as, per language: worked by hand. */
    private static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "en", Map.ofEntries(Map.entry("caseId", CASE), Map.entry("serviceType", "passport"),
                    Map.entry("dueDate", "January 15, 2027"), Map.entry("reason", "a photo that meets the photo requirements"),
                    Map.entry("resolvedOn", "January 12, 2027"), Map.entry("fee", "$120.00"), Map.entry("amount", "$1,250.50"),
                    Map.entry("method", "to the card or account you paid with"), Map.entry("paidOn", "February 1, 2027"),
                    Map.entry("surveyLink", "https://survey.pledge.example/s/Zm9vYmFy"), Map.entry("expiresOn", "February 14, 2027")),
            "fr", Map.ofEntries(Map.entry("caseId", CASE), Map.entry("serviceType", "passeport"),
                    Map.entry("dueDate", "15 janvier 2027"), Map.entry("reason", "une photo conforme aux exigences"),
                    Map.entry("resolvedOn", "12 janvier 2027"), Map.entry("fee", "120,00 $"), Map.entry("amount", "1 250,50 $"),
                    Map.entry("method", "sur la carte ou le compte qui a servi au paiement"), Map.entry("paidOn", "1er février 2027"),
                    Map.entry("surveyLink", "https://survey.pledge.example/s/Zm9vYmFy"), Map.entry("expiresOn", "14 février 2027")));

    private static final TemplateProperties PROPERTIES = new TemplateProperties(List.of("en", "fr"), "en", ZoneId.of("America/Toronto"),
            null, null, null, "classpath:notification-templates/");
    private static final TextWriter WRITER = new TextWriter(PROPERTIES);

    static Stream<Arguments> variants() {
        List<Arguments> all = new ArrayList<>();
        seededTemplates().forEach((id, trigger) -> {
            for (String language : PROPERTIES.languages()) {
                for (Channel channel : Channel.values()) {
                    all.add(Arguments.of(id, trigger, language, channel));
                }
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {2} {3}")
    @MethodSource("variants")
    void everySeededVariant_passesTheRules_andReadsFormattedInItsLanguage(String id, Trigger trigger, String language, Channel channel) {
        SeedText seed = SeedText.parse(channel, read(id, language, channel));
        assertThat(seed).as("a Subject: line").isNotNull();
        TemplateRules.Text text = TemplateRules.check(id, trigger, language, channel, seed.subject(), seed.body(), PROPERTIES);

        Map<String, String> values = values(trigger);
        String subject = WRITER.write(trigger, language, text.subject(), values);
        String body = WRITER.write(trigger, language, text.body(), values);
        String all = (subject == null ? "" : subject + "\n") + body;

        assertThat(all).doesNotContain("{{", "}}")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")            // no raw ISO date
                .doesNotContainPattern("\\d+\\.\\d{1,2} [A-Z]{3}")        // no raw "30.00 CAD"
                .doesNotContain("PASSPORT", "ORIGINAL_PAYMENT_METHOD", "missing-photo", "APPROVED");
        assertThat(body).contains(CASE);
        for (String name : new TreeSet<>(TemplateSyntax.placeholders(text.subject() + "\n" + text.body()))) {
            String expected = trigger == Trigger.INFORMATION_RECEIVED && name.equals("dueDate")
                    ? ("en".equals(language) ? "January 22, 2027" : "22 janvier 2027")
                    : EXPECTED.get(language).get(name);
            assertThat(all).as(name).contains(expected);
        }
        if ("fr".equals(language)) {
            assertThat(all.toLowerCase(Locale.ROOT)).containsAnyOf("votre", "vous", "nous").doesNotContain(" your ", " the ", "we ");
        } else {
            assertThat(all.toLowerCase(Locale.ROOT)).containsAnyOf("your", "we ").doesNotContain("votre", " nous ", " le ");
        }
        if (channel == Channel.SMS) {
            assertThat(subject).isNull();
            assertThat(body).doesNotContain("\n").hasSizeLessThanOrEqualTo(320);
        } else {
            assertThat(subject).isNotBlank().hasSizeLessThan(120);
        }
    }

    @Test
    void caseSubmitted_sms_inEnglishAndFrench() {
        assertThat(write("case-submitted", Trigger.CASE_SUBMITTED, "en", Channel.SMS)).isEqualTo("We received your passport application, ref. "
                + CASE + ". We promise you a decision by January 15, 2027. Nothing to do for now: we will contact you if we need anything.");
        assertThat(write("case-submitted", Trigger.CASE_SUBMITTED, "fr", Channel.SMS)).isEqualTo("Nous avons reçu votre demande de passeport, "
                + "réf. " + CASE + ". Décision promise au plus tard le 15 janvier 2027. Rien à faire pour l'instant : nous vous écrirons si "
                + "nous avons besoin de quoi que ce soit.");
    }

    @Test
    void informationRequested_saysTheClockIsPaused_andWhy_withTheDueDateBeforeThePause() {
        String en = write("information-requested", Trigger.INFORMATION_REQUESTED, "en", Channel.EMAIL);
        assertThat(en).contains("we need the following from you: a photo that meets the photo requirements.")
                .contains("the clock on our promise is paused")
                .contains("Before this pause, your decision was due by January 15, 2027.");
        assertThat(write("information-requested", Trigger.INFORMATION_REQUESTED, "fr", Channel.SMS)).isEqualTo("Votre demande de passeport, "
                + "réf. " + CASE + " : il nous faut une photo conforme aux exigences. Notre délai est suspendu jusqu'à réception. Merci de "
                + "nous l'envoyer dès que possible, avec votre référence.");
    }

    @Test
    void informationReceived_givesTheNewDueDate_afterThePause() {
        assertThat(write("information-received", Trigger.INFORMATION_RECEIVED, "en", Channel.EMAIL))
                .contains("Because it was paused while we waited, your due date has moved: we now promise you a decision by "
                        + "January 22, 2027.");
        assertThat(write("information-received", Trigger.INFORMATION_RECEIVED, "fr", Channel.LETTER))
                .contains("Comme il était suspendu pendant l'attente, la date d'échéance a été reportée : nous nous engageons maintenant "
                        + "à vous donner une décision au plus tard le 22 janvier 2027.");
    }

    @Test
    void breachOfAGuaranteedService_apologizes_andPromisesTheRefundOfTheFee() {
        String en = write("standard-breached-guaranteed", Trigger.SERVICE_STANDARD_BREACHED, "en", Channel.EMAIL);
        assertThat(en).startsWith("We are sorry: we missed the due date of your passport application\nHello,\n\nWe are sorry. We promised "
                        + "you a decision on your passport application (case reference " + CASE + ") by January 15, 2027, and we did "
                        + "not keep that promise.")
                .contains("we will refund some or all of the fee you paid ($120.00), depending on how late we are.");
        assertThat(write("standard-breached-guaranteed", Trigger.SERVICE_STANDARD_BREACHED, "fr", Channel.EMAIL))
                .contains("nous vous rembourserons une partie ou la totalité des frais payés (120,00 $)");
        assertThat(write("standard-breached", Trigger.SERVICE_STANDARD_BREACHED, "en", Channel.SMS)).doesNotContain("refund");
    }

    @Test
    void refundPaid_sms_inFrench_writesTheAmountTheFirstOfTheMonthAndTheMethod() {
        assertThat(write("refund-paid", Trigger.REFUND_PAID, "fr", Channel.SMS)).isEqualTo("Le 1er février 2027, nous avons versé votre "
                + "remboursement de 1 250,50 $ pour la réf. " + CASE + ", sur la carte ou le compte qui a servi au paiement. Il peut "
                + "falloir quelques jours ouvrables pour qu'il apparaisse.");
        assertThat(write("refund-paid", Trigger.REFUND_PAID, "en", Channel.SMS)).isEqualTo("We paid your refund of $1,250.50 for ref. "
                + CASE + " on February 1, 2027, to the card or account you paid with. It can take a few business days to appear.");
    }

    @Test
    void followUp_tellsTheClientSomeoneFromTheServiceWillContactThem_inPlainWords() {
        assertThat(write("follow-up", Trigger.FOLLOW_UP_REQUESTED, "en", Channel.SMS)).isEqualTo("You told us your passport application, "
                + "ref. " + CASE + ", did not go well. Thank you. Someone from the passport service will contact you about it. Nothing "
                + "to do for now.");
        assertThat(write("follow-up", Trigger.FOLLOW_UP_REQUESTED, "fr", Channel.SMS)).isEqualTo("Vous nous avez dit que votre demande "
                + "de passeport, réf. " + CASE + ", ne s'est pas bien passée. Merci. Une personne du service vous contactera à ce sujet. "
                + "Rien à faire pour l'instant.");
        assertThat(write("follow-up", Trigger.FOLLOW_UP_REQUESTED, "en", Channel.EMAIL))
                .startsWith("About your passport application: someone will contact you\nHello,\n\nThank you for answering our question "
                        + "about your passport application (case reference " + CASE + "). You told us it did not go well, and you "
                        + "agreed that we contact you.")
                .contains("Someone from the passport service will contact you to hear what went wrong");
        assertThat(write("follow-up", Trigger.FOLLOW_UP_REQUESTED, "fr", Channel.LETTER))
                .contains("Une personne du service responsable des demandes de passeport vous contactera");
    }

    @Test
    void seededRules_coverEveryTrigger_andSendATemplateWrittenForTheirTrigger() {
        Map<String, Trigger> templates = seededTemplates();
        Set<Trigger> covered = EnumSet.noneOf(Trigger.class);
        Map<String, Object> rules = notifications("rules");
        rules.forEach((id, value) -> {
            @SuppressWarnings("unchecked") Map<String, Object> rule = (Map<String, Object>) value;
            Trigger trigger = Trigger.valueOf((String) rule.get("trigger"));
            assertThat(templates.get((String) rule.get("template"))).as(id).isEqualTo(trigger);
            covered.add(trigger);
        });
        assertThat(covered).containsExactlyInAnyOrder(Trigger.values());
        assertThat(rules).containsKeys("case-resolved-approved", "case-resolved-refused", "case-resolved-other",
                "standard-breached-guaranteed", "standard-breached-not-guaranteed");
    }

    private static String write(String id, Trigger trigger, String language, Channel channel) {
        SeedText seed = SeedText.parse(channel, read(id, language, channel));
        TemplateRules.Text text = TemplateRules.check(id, trigger, language, channel, seed.subject(), seed.body(), PROPERTIES);
        Map<String, String> values = values(trigger);
        String body = WRITER.write(trigger, language, text.body(), values);
        return text.subject() == null ? body : WRITER.write(trigger, language, text.subject(), values) + "\n" + body;
    }

    private static Map<String, String> values(Trigger trigger) {
        Map<String, String> values = new LinkedHashMap<>(VALUES);
        if (trigger == Trigger.INFORMATION_RECEIVED) {
            values.put("dueDate", MOVED_DUE_DATE);
        }
        return values;
    }

    static Map<String, Trigger> seededTemplates() {
        Map<String, Trigger> templates = new LinkedHashMap<>();
        notifications("templates").forEach((id, trigger) -> templates.put(id, Trigger.valueOf((String) trigger)));
        assertThat(templates).hasSizeGreaterThanOrEqualTo(Trigger.values().length);
        return templates;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> notifications(String key) {
        try (InputStream in = SeededTemplatesTest.class.getClassLoader().getResourceAsStream("application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> pledge = (Map<String, Object>) yaml.get("pledge");
            return (Map<String, Object>) ((Map<String, Object>) pledge.get("notifications")).get(key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String id, String language, Channel channel) {
        String resource = "notification-templates/" + id + "/" + language + "/" + channel.name().toLowerCase(Locale.ROOT) + ".txt";
        try (InputStream in = SeededTemplatesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
