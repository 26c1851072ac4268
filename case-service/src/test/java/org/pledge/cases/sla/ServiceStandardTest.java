package org.pledge.cases.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceStandardTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10 business days | 10 business days",
            "1 business day   | 1 business day",
            "1 BUSINESS DAYS  | 1 business day",
            "30 calendar days | 30 calendar days",
            "  2   Calendar   Day | 2 calendar days",
            "PT2M             | PT2M",
            "pt48h            | PT48H",
            "P2D              | PT48H"})
    void parse_readsTheDocumentedForms_andWritesTheCanonicalOne(String text, String canonical) {
        assertThat(ServiceStandard.parse(text).toString()).isEqualTo(canonical);
    }

    @Test
    void parse_distinguishesTheThreeKinds() {
        assertThat(ServiceStandard.parse("10 business days")).isEqualTo(new ServiceStandard.BusinessDays(10));
        assertThat(ServiceStandard.parse("30 calendar days")).isEqualTo(new ServiceStandard.CalendarDays(30));
        assertThat(ServiceStandard.parse("PT2M")).isEqualTo(new ServiceStandard.Elapsed(Duration.ofMinutes(2)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ten business days | sla.standard.unparseable",
            "10 working days   | sla.standard.unparseable",
            "10                | sla.standard.unparseable",
            "''                | sla.standard.unparseable",
            "0 business days   | sla.standard.not-positive",
            "PT0S              | sla.standard.not-positive",
            "-PT5M             | sla.standard.not-positive",
            "3661 calendar days | sla.standard.too-long",
            "999999999999 business days | sla.standard.unparseable"})
    void parse_isRejected_withAStableCode(String text, String code) {
        assertThatThrownBy(() -> ServiceStandard.parse(text))
                .isInstanceOf(InvalidServiceLevelException.class)
                .extracting("errorCode").isEqualTo(code);
    }
}
