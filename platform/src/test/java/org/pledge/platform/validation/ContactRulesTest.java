package org.pledge.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"marie@example.org", "first.last+tag@sub.example.co.uk", "o'brien@example.ie", "x@xn--bcher-kva.example",
            "a_b-c=d@e-f.gc.ca", "UPPER@EXAMPLE.ORG"})
    void email_accepted(String email) {
        assertThat(ContactRules.isEmail(email)).isTrue();
        assertThat(email).matches(ContactRules.EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@example.org\r\nBcc: victim@example.org", "a@example.org\nBcc: v@example.org",
            "a b@example.org", "a@exa mple.org", "@example.org", "a@", "a@example", "a@example.c", "a@-example.org", "a@example-.org",
            ".a@example.org", "a.@example.org", "a..b@example.org", "\"quoted\"@example.org", "a@[127.0.0.1]", "a@example.org.",
            "marié@example.org", "a@exämple.org", "a@example.org\u0000", "a\u202E@example.org", "a@@example.org", "a@b@example.org", ""})
    void email_refused(String email) {
        assertThat(ContactRules.isEmail(email)).isFalse();
    }

    @Test
    void email_isBoundedInLength_andALongInputIsRefusedQuickly() {
        String local64 = "a".repeat(64);
        assertThat(ContactRules.isEmail(local64 + "@example.org")).isTrue();
        assertThat(ContactRules.isEmail("a".repeat(65) + "@example.org")).isFalse();
        String longDomain = "a@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "." + "e".repeat(57) + ".org";
        assertThat(longDomain.length()).isGreaterThan(254);
        assertThat(ContactRules.isEmail(longDomain)).isFalse();
        assertThat(java.util.regex.Pattern.matches(ContactRules.EMAIL, "a.".repeat(100_000) + "@example.org")).isFalse();
        assertThat(java.util.regex.Pattern.matches(ContactRules.EMAIL, "a@" + "b.".repeat(100_000) + "org")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"fr-CA,true", "en,true", "zh-Hant-TW,true", "sr-Latn-RS,true", "x,false", "en_CA,false",
            "12-CA,false", "toolonglanguage,false", "'',false"})
    void languageTag_isValid_whenWellFormed(String tag, boolean valid) {
        assertThat(ContactRules.isLanguageTag(tag)).isEqualTo(valid);
    }

    @Test
    void languageTag_refusesHeaderInjection() {
        assertThat(ContactRules.isLanguageTag("fr-CA\r\nX-Injected: yes")).isFalse();
        assertThat(ContactRules.isLanguageTag("fr-CA\n")).isFalse();
    }

    @Test
    void languageTag_isBoundedInLength() {
        assertThat(ContactRules.isLanguageTag("en-" + "a1b2c3d4-".repeat(10) + "x")).isFalse();
        assertThat(java.util.regex.Pattern.matches(ContactRules.LANGUAGE_TAG, "en" + "-a".repeat(100_000))).isFalse();
    }

    @Test
    void postalAddress_isAFewBoundedLines_inAnyScript() {
        assertThat(ContactRules.isPostalAddress("Marie Tremblay\n1234 rue Sainte-Catherine O\nMontréal QC  H3G 1P1")).isTrue();
        assertThat(ContactRules.isPostalAddress("1 Main St\r\nOttawa ON\r\nK1A 0A6")).isTrue();
        assertThat(ContactRules.isPostalAddress("北京市朝阳区\n建国路 88 号")).isTrue();
        assertThat(ContactRules.isPostalAddress("شارع الملك فهد\nالرياض")).isTrue();
        assertThat(ContactRules.isPostalAddress("line\n".repeat(8) + "ninth")).isFalse();
        assertThat(ContactRules.isPostalAddress("x".repeat(101))).isFalse();
        assertThat(ContactRules.isPostalAddress("x".repeat(513))).isFalse();
        assertThat(ContactRules.isPostalAddress("1 Main St\tOttawa")).isFalse();
        assertThat(ContactRules.isPostalAddress("1 Main St\u0000")).isFalse();
        assertThat(ContactRules.isPostalAddress("1 Main St\u202E")).isFalse();
        assertThat(ContactRules.isPostalAddress(" \n ")).isFalse();
        assertThat(ContactRules.isPostalAddress(null)).isFalse();
    }
}
