package org.pledge.notification.template.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.template.api.Trigger;
import org.pledge.notification.template.config.TemplateProperties;

class TemplateRulesTest {

    private static final TemplateProperties PROPERTIES = ValueFormatterTestAccess.properties();

    @Test
    void aValidEmail_isNormalized_nfcLfAndNoOuterBlanks() {
        // "e" + combining acute (U+0301) is NFC "é"; CR LF becomes LF
        TemplateRules.Text text = TemplateRules.check("case-submitted", Trigger.CASE_SUBMITTED, "fr", Channel.EMAIL,
                "  Demande reçue  ", "  Re\u0301f. {{caseId}}\r\nDate : {{dueDate}}\n\n", PROPERTIES);

        assertThat(text.subject()).isEqualTo("Demande reçue");
        assertThat(text.body()).isEqualTo("Réf. {{caseId}}\nDate : {{dueDate}}");
    }

    @Test
    void aBlankSubject_onAnSms_isNone() {
        assertThat(TemplateRules.check("x", Trigger.CASE_SUBMITTED, "en", Channel.SMS, " ", "Due {{dueDate}}", PROPERTIES).subject()).isNull();
    }

    @Test
    void eachBrokenRule_isRefusedWithItsCode() {
        assertThat(code("case-submitted", Trigger.CASE_SUBMITTED, "en", Channel.EMAIL, "S", "Refund {{amount}}"))
                .isEqualTo("template.placeholder-unknown");
        assertThat(code("case-submitted", Trigger.CASE_SUBMITTED, "en", Channel.EMAIL, "S", "Due {{ dueDate }}"))
                .isEqualTo("template.placeholder-malformed");
        assertThat(code("case-submitted", Trigger.CASE_SUBMITTED, "en", Channel.EMAIL, "Due {{dueDate}", "Body"))
                .isEqualTo("template.placeholder-malformed");
        assertThat(code("case-submitted", Trigger.CASE_SUBMITTED, "en", Channel.EMAIL, "S", " \n "))
                .isEqualTo("template.body-empty");
        assertThat(code("case-submitted", Trigger.CASE_SUBMITTED, "en", Channel.LETTER, null, "Body"))
                .isEqualTo("template.subject-required");
        assertThat(code("case-submitted", Trigger.CASE_SUBMITTED, "en", Channel.SMS, "Subject", "Body"))
                .isEqualTo("template.subject-not-allowed");
        assertThat(code("case-submitted", Trigger.CASE_SUBMITTED, "en", Channel.SMS, null, "x".repeat(TemplateRules.SMS_MAX + 1)))
                .isEqualTo("template.sms-too-long");
        assertThat(code("case-submitted", Trigger.CASE_SUBMITTED, "es", Channel.SMS, null, "Body"))
                .isEqualTo("template.language-unsupported");
        assertThat(code("case-submitted", Trigger.CASE_SUBMITTED, "fr-ca", Channel.SMS, null, "Body"))
                .isEqualTo("template.language-unsupported");
        assertThat(code("Case_Submitted", Trigger.CASE_SUBMITTED, "en", Channel.SMS, null, "Body"))
                .isEqualTo("template.id-invalid");
        assertThat(code("case-submitted", null, "en", Channel.SMS, null, "Body"))
                .isEqualTo("template.trigger-required");
        assertThat(code("case-submitted", Trigger.CASE_SUBMITTED, "en", Channel.EMAIL, "S", "Bell \u0007 here"))
                .isEqualTo("template.text-invalid");
    }

    @Test
    void theCommonPlaceholders_areEveryTriggers() {
        for (Trigger trigger : Trigger.values()) {
            TemplateRules.check("t", trigger, "en", Channel.SMS, null, "{{caseId}} {{serviceType}}", PROPERTIES);
        }
    }

    private static String code(String id, Trigger trigger, String language, Channel channel, String subject, String body) {
        TemplateRefusedException refused = catchThrowableOfType(
                () -> TemplateRules.check(id, trigger, language, channel, subject, body, PROPERTIES), TemplateRefusedException.class);
        assertThat(refused).as("refused").isNotNull();
        return refused.code();
    }

    /** English and French, fallback English, Toronto. */
    static final class ValueFormatterTestAccess {
        static TemplateProperties properties() {
            return new TemplateProperties(java.util.List.of("en", "fr"), "en", java.time.ZoneId.of("America/Toronto"), null, null, null,
                    "classpath:notification-templates/");
        }
    }
}
