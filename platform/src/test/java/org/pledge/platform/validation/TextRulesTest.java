package org.pledge.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    /** Every script, and emoji: free text accepts them all. */
    @ParameterizedTest
    @ValueSource(strings = {"Marie Tremblay", "Zoë O'Brien-Saint-Jean", "محمد عبد الله", "王小明", "देवनागरी नाम", "Ελένη", "Иван Петров",
            "김민준", "שרה כהן", "Nguyễn Văn A", "👩🏽‍💻 Ada", "tab\u00A0nbsp", ""})
    void singleLine_acceptsEveryScript(String text) {
        assertThat(TextRules.isSingleLine(text, 256)).isTrue();
        assertThat(TextRules.isMultiLine(text, 256)).isTrue();
    }

    static Stream<String> controlCharacters() {
        return Stream.of("a@example.org\r\nBcc: victim@example.org", "line\nbreak", "carriage\rreturn", "tab\there", "nul\u0000",
                "bell\u0007", "escape\u001B[31m", "del\u007F", "c1\u0085next-line", "c1\u009B", "line\u2028separator",
                "para\u2029separator", "bidi\u202Eoverride", "embed\u202A", "isolate\u2066x\u2069", "lone\uD800surrogate");
    }

    @ParameterizedTest
    @MethodSource("controlCharacters")
    void singleLine_refusesControlCharacters_includingHeaderInjection(String text) {
        assertThat(TextRules.isSingleLine(text, 256)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000", "bell\u0007", "escape\u001B[31m", "tab\there", "del\u007F", "c1\u0085", "line\u2028sep",
            "bidi\u202E", "isolate\u2067", "lone\uDC00"})
    void multiLine_refusesEveryControlCharacterButLineBreaks(String text) {
        assertThat(TextRules.isMultiLine(text, 256)).isFalse();
    }

    @Test
    void multiLine_allowsLineBreaks_andNormalisesThemToLf() {
        assertThat(TextRules.isMultiLine("first\r\nsecond\nthird\rfourth", 256)).isTrue();
        assertThat(TextRules.multiLine("  first\r\nsecond\rthird\n  ")).isEqualTo("first\nsecond\nthird");
    }

    @Test
    void normalisesToNfc_andStrips() {
        String decomposed = "Zoe\u0308 "; // e + combining diaeresis
        assertThat(TextRules.singleLine(decomposed)).isEqualTo("Zoë").hasSize(3);
        assertThat(TextRules.singleLine(null)).isNull();
    }

    @Test
    void length_isBounded_andAVeryLongTextIsCheckedWithoutOverflowingTheStack() {
        assertThat(TextRules.isSingleLine("x".repeat(257), 256)).isFalse();
        String huge = "é".repeat(1_000_000);
        assertThat(java.util.regex.Pattern.matches(TextRules.SINGLE_LINE, huge)).isTrue();
        assertThat(java.util.regex.Pattern.matches(TextRules.MULTI_LINE, huge + "\n" + huge)).isTrue();
        assertThat(java.util.regex.Pattern.matches(TextRules.SINGLE_LINE, huge + "\n")).isFalse();
    }
}
