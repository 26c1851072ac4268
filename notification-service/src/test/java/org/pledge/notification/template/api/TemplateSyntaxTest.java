package org.pledge.notification.template.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateSyntaxTest {

    @Test
    void placeholders_areListedInOrder_asOftenAsTheyAppear() {
        assertThat(TemplateSyntax.placeholders("Ref. {{caseId}}: due {{dueDate}}, ref. {{caseId}}"))
                .containsExactly("caseId", "dueDate", "caseId");
    }

    @Test
    void malformed_findsBracesOutsideAPlaceholder_andAcceptsSingleBraces() {
        assertThat(TemplateSyntax.malformed("Due {{ dueDate }}.")).isPresent();
        assertThat(TemplateSyntax.malformed("Due {{dueDate}.")).isPresent();
        assertThat(TemplateSyntax.malformed("Due dueDate}}.")).isPresent();
        assertThat(TemplateSyntax.malformed("Due {{due-date}}.")).isPresent();
        assertThat(TemplateSyntax.malformed("Due {{}}.")).isPresent();
        assertThat(TemplateSyntax.malformed("Due {{dueDate}} {not a placeholder}.")).isEmpty();
        assertThat(TemplateSyntax.malformed(null)).isEmpty();
    }

    @Test
    void malformed_showsAShortFragmentAroundTheFault() {
        assertThat(TemplateSyntax.malformed("We promise a decision by {{ dueDate }} at the latest, really.").orElseThrow())
                .isEqualTo("sion by {{ dueDate }} at").hasSizeLessThanOrEqualTo(24);
    }

    @Test
    void substitute_replacesInOnePass_soAValueIsNeverReadAsATemplate() {
        String out = TemplateSyntax.substitute("Link: {{surveyLink}} ref {{caseId}} {{unknown}}",
                Map.of("surveyLink", "https://x.example/{{caseId}}", "caseId", "C-1$2\\")::get);

        // a $ or backslash in a value is written as it is, and {{caseId}} inside a value stays text
        assertThat(out).isEqualTo("Link: https://x.example/{{caseId}} ref C-1$2\\ ");
    }
}
