package org.pledge.notification.template.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pledge.notification.template.api.PlaceholderType;
import org.pledge.notification.template.config.TemplateProperties;

class ValueFormatterTest {

    static TemplateProperties properties() {
        return new TemplateProperties(List.of("en", "fr"), "en", ZoneId.of("America/Toronto"), null,
                Map.of("fr", Map.of("reason.late-form", "un formulaire à jour")), null, "classpath:notification-templates/");
    }

    private final ValueFormatter formatter = new ValueFormatter(properties(), new CodeWording(properties()));

    @Test
    void date_isWrittenInTheBusinessZone_inEachLanguagesLongForm() {
        // 2027-01-15T17:00Z is 12:00 in Toronto (EST, UTC-5)
        assertThat(date("en", "2027-01-15T17:00:00Z")).isEqualTo("January 15, 2027");
        assertThat(date("fr", "2027-01-15T17:00:00Z")).isEqualTo("15 janvier 2027");
        // 2027-01-16T03:00Z is still January 15 (22:00) in Toronto
        assertThat(date("en", "2027-01-16T03:00:00Z")).isEqualTo("January 15, 2027");
        // 2027-07-01T03:59Z is June 30, 23:59 in Toronto (EDT, UTC-4)
        assertThat(date("fr", "2027-07-01T03:59:00Z")).isEqualTo("30 juin 2027");
    }

    @Test
    void date_onTheFirstOfTheMonth_isAnOrdinalInFrench() {
        assertThat(date("fr", "2027-03-01T15:00:00Z")).isEqualTo("1er mars 2027");
        assertThat(date("en", "2027-03-01T15:00:00Z")).isEqualTo("March 1, 2027");
    }

    @Test
    void date_acceptsAnOffsetDateTimeOrALocalDate_andWritesAnythingElseAsItIs() {
        assertThat(date("en", "2027-01-15T23:30:00-05:00")).isEqualTo("January 15, 2027");
        assertThat(date("fr", "2027-12-25")).isEqualTo("25 décembre 2027");
        assertThat(date("en", "next Tuesday")).isEqualTo("next Tuesday");
    }

    @Test
    void money_isWrittenPerLanguage_withPlainSpaces() {
        assertThat(money("en", "30.00 CAD")).isEqualTo("$30.00");
        assertThat(money("fr", "30.00 CAD")).isEqualTo("30,00 $");
        // 1250.5 has one decimal; CAD has two: 1,250.50 / 1 250,50 (the French group separator is a space)
        assertThat(money("en", "1250.5 CAD")).isEqualTo("$1,250.50");
        assertThat(money("fr", "1250.5 CAD")).isEqualTo("1 250,50 $");
        assertThat(money("en", "1234567.89 CAD")).isEqualTo("$1,234,567.89");
    }

    @Test
    void money_inAnotherCurrency_namesIt() {
        assertThat(money("en", "30.00 USD")).isEqualTo("US$30.00");
        assertThat(money("fr", "30.00 USD")).isEqualTo("30,00 $ US");
        assertThat(money("fr", "12.5 EUR")).isEqualTo("12,50 €");
    }

    @Test
    void money_isExact_beyondWhatADoubleHolds() {
        // 17 significant digits: the nearest double is 900719925474100.0, so a double would print $900,719,925,474,100.00
        assertThat(money("en", "900719925474099.99 CAD")).isEqualTo("$900,719,925,474,099.99");
    }

    @Test
    void money_thatCannotBeRead_isWrittenAsItIs() {
        assertThat(money("en", "thirty CAD")).isEqualTo("thirty CAD");
        assertThat(money("en", "30.00 XYZ")).isEqualTo("30.00 XYZ");
        assertThat(money("en", "30.00")).isEqualTo("30.00");
    }

    @Test
    void code_isWordedPerLanguage_byPlaceholderFirst_andFallsBackToTheCode() {
        assertThat(formatter.format("en", "serviceType", PlaceholderType.CODE, "PASSPORT")).isEqualTo("passport");
        assertThat(formatter.format("fr", "serviceType", PlaceholderType.CODE, "PASSPORT")).isEqualTo("passeport");
        assertThat(formatter.format("fr", "reason", PlaceholderType.CODE, "missing-photo")).isEqualTo("une photo conforme aux exigences");
        // configured wording over the seeded
        assertThat(formatter.format("fr", "reason", PlaceholderType.CODE, "late-form")).isEqualTo("un formulaire à jour");
        assertThat(formatter.format("en", "reason", PlaceholderType.CODE, "late-form")).isEqualTo("late-form");
    }

    @Test
    void absentValue_isWrittenEmpty_andTextAsItIs() {
        assertThat(formatter.format("en", "dueDate", PlaceholderType.DATE, null)).isEmpty();
        assertThat(formatter.format("fr", "caseId", PlaceholderType.TEXT, "C-2027-0001")).isEqualTo("C-2027-0001");
    }

    @Test
    void valid_tellsReadableDatesAndMoneyApart() {
        assertThat(ValueFormatter.valid(PlaceholderType.DATE, "2027-01-15T17:00:00Z")).isTrue();
        assertThat(ValueFormatter.valid(PlaceholderType.DATE, "15/01/2027")).isFalse();
        assertThat(ValueFormatter.valid(PlaceholderType.MONEY, "30.00 CAD")).isTrue();
        assertThat(ValueFormatter.valid(PlaceholderType.MONEY, "30,00 $")).isFalse();
    }

    private String date(String language, String raw) {
        return formatter.format(language, "dueDate", PlaceholderType.DATE, raw);
    }

    private String money(String language, String raw) {
        return formatter.format(language, "amount", PlaceholderType.MONEY, raw);
    }
}
