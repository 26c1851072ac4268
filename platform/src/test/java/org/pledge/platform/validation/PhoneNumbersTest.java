package org.pledge.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private final PhoneNumbers phones = PhoneNumbers.withDefaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+1 514 555 0123|fr-CA|+15145550123",
            "(514) 555-0123|fr-CA|+15145550123",   // national format, region from the language tag
            "514.555.0123|en|+15145550123",        // no region in the tag: the default region (CA)
            "01 42 68 53 00|fr-FR|+33142685300",   // French national format
            "+33 1 42 68 53 00|en-CA|+33142685300", // an international number whatever the language
            "020 7946 0958|en-GB|+442079460958",
            "+91 98765 43210|hi-IN|+919876543210"})
    void toE164_normalises_fromNationalOrInternationalFormat(String raw, String language, String e164) {
        assertThat(phones.toE164(raw, language)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a phone", "123", "+1 514 555 0123\r\nBcc: x", "+1 514 555 0123\u0000", "+999 123 456 789",
            "+1 000 000 0000", "5145550123456789012345", " ", "", "+15145550123 is no phone",
            "call +1 514 555 0123", "+1 514 555 0123 ext. 12", "+1\u00a0514 555 0123"})
    void toE164_refusesWhatIsNotAValidNumber(String raw) {
        assertThat(phones.toE164(raw, "fr-CA")).isEmpty();
    }

    @Test
    void refusesOverlongInput_beforeParsing() {
        assertThat(phones.toE164("+1 514 555 0123" + " ".repeat(100), "fr-CA")).isEmpty();
        assertThat(phones.toE164("1".repeat(1_000_000), "fr-CA")).isEmpty();
    }

    @Test
    void regionComesFromTheLanguageTag_elseTheDefault() {
        assertThat(phones.region("fr-CA")).isEqualTo("CA");
        assertThat(phones.region("en-GB")).isEqualTo("GB");
        assertThat(phones.region("fr")).isEqualTo("CA");
        assertThat(phones.region("not a tag")).isEqualTo("CA");
        assertThat(new PhoneNumbers("fr").region(null)).isEqualTo("FR");
        assertThatThrownBy(() -> new PhoneNumbers("XX")).isInstanceOf(IllegalArgumentException.class);
    }
}
