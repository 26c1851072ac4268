package org.pledge.cases.catalogue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pledge.cases.sla.ServiceStandard;

class ServiceTypeTest {

    private static final Map<String, String> NAMES = Map.of("en", "Adult passport", "fr", "Passeport adulte", "iu", "ᐊᖏᕐᕕᒃ");
    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");

    private static ServiceType passport(Map<String, String> names, ServiceStandard standard, ServiceStandard legalLimit, BigDecimal share) {
        return new ServiceType("PASSPORT", names, Money.of("120.00", "CAD"), standard, legalLimit, share, true, "ca-on", FROM);
    }

    @Test
    void serviceType_keepsItsPromise_withDefaults() {
        ServiceType type = passport(NAMES, ServiceStandard.businessDays(10), null, null);

        assertThat(type.atRiskShare()).isEqualByComparingTo("0.8");
        assertThat(type.legalLimit()).isEmpty();
        assertThat(type.name("fr-CA")).isEqualTo("Passeport adulte");
        assertThat(type.name("iu")).isEqualTo("ᐊᖏᕐᕕᒃ");
        assertThat(type.name("de")).isEqualTo("Adult passport");
    }

    @Test
    void serviceType_acceptsALegalLimitAtLeastAsLongAsTheStandard() {
        assertThat(passport(NAMES, ServiceStandard.businessDays(10), ServiceStandard.businessDays(10), null).legalLimit()).isPresent();
        assertThat(passport(NAMES, ServiceStandard.elapsed(Duration.ofHours(1)), ServiceStandard.parse("PT2H"), null).legalLimit())
                .isPresent();
    }

    @Test
    void serviceType_isRejected_whenTheLegalLimitIsShorterThanTheStandard() {
        assertThatThrownBy(() -> passport(NAMES, ServiceStandard.businessDays(10), ServiceStandard.businessDays(9), null))
                .extracting("errorCode").isEqualTo(InvalidServiceTypeException.LEGAL_LIMIT_SHORTER);
    }

    @Test
    void serviceType_isRejected_whenTheLegalLimitCountsInAnotherUnit() {
        assertThatThrownBy(() -> passport(NAMES, ServiceStandard.businessDays(10), ServiceStandard.calendarDays(60), null))
                .extracting("errorCode").isEqualTo(InvalidServiceTypeException.LEGAL_LIMIT_INCOMPARABLE);
    }

    @Test
    void serviceType_isRejected_withoutEnglishAndFrenchNames() {
        assertThatThrownBy(() -> passport(Map.of("en", "Adult passport"), ServiceStandard.businessDays(10), null, null))
                .extracting("errorCode").isEqualTo(InvalidServiceTypeException.NAMES_INVALID);
        assertThatThrownBy(() -> passport(Map.of("en", "a", "fr", "b", "not a tag!", "c"), ServiceStandard.businessDays(10), null, null))
                .extracting("errorCode").isEqualTo(InvalidServiceTypeException.NAMES_INVALID);
    }

    @Test
    void serviceType_isRejected_whenTheAtRiskShareIsOutsideZeroToOne() {
        assertThatThrownBy(() -> passport(NAMES, ServiceStandard.businessDays(10), null, new BigDecimal("1.5")))
                .extracting("errorCode").isEqualTo(InvalidServiceTypeException.AT_RISK_SHARE_INVALID);
    }

    @Test
    void serviceType_isRejected_withABadCodeOrWithoutCalendar() {
        assertThatThrownBy(() -> new ServiceType("passport", NAMES, Money.of("1", "CAD"), ServiceStandard.businessDays(1), null, null,
                false, "ca-on", FROM)).extracting("errorCode").isEqualTo(InvalidServiceTypeException.CODE_INVALID);
        assertThatThrownBy(() -> new ServiceType("PASSPORT", NAMES, Money.of("1", "CAD"), ServiceStandard.businessDays(1), null, null,
                false, " ", FROM)).extracting("errorCode").isEqualTo(InvalidServiceTypeException.CALENDAR_MISSING);
    }

    @Test
    void money_isADecimalInAnIsoCurrency() {
        assertThat(Money.of("120.50", "CAD").amount()).isEqualByComparingTo("120.50");
        assertThatThrownBy(() -> Money.of("-1", "CAD")).extracting("errorCode").isEqualTo(InvalidServiceTypeException.MONEY_AMOUNT_INVALID);
        assertThatThrownBy(() -> Money.of("1.005", "CAD")).extracting("errorCode").isEqualTo(InvalidServiceTypeException.MONEY_AMOUNT_INVALID);
        assertThatThrownBy(() -> Money.of("100.5", "JPY")).extracting("errorCode").isEqualTo(InvalidServiceTypeException.MONEY_AMOUNT_INVALID);
        assertThatThrownBy(() -> Money.of("1", "XYZ")).extracting("errorCode").isEqualTo(InvalidServiceTypeException.MONEY_CURRENCY_UNKNOWN);
        assertThatThrownBy(() -> Money.of("abc", "CAD")).extracting("errorCode").isEqualTo(InvalidServiceTypeException.MONEY_AMOUNT_INVALID);
    }
}
