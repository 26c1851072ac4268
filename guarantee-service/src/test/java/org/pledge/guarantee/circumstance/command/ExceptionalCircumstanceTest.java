package org.pledge.guarantee.circumstance.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pledge.guarantee.circumstance.api.CircumstanceDeclaredEvent;
import org.pledge.guarantee.circumstance.api.CircumstanceIds;
import org.pledge.guarantee.circumstance.api.CircumstanceRuleException;
import org.pledge.guarantee.circumstance.api.DeclareCircumstanceCommand;
import org.pledge.guarantee.claim.api.Adjustment;
import org.pledge.guarantee.policy.api.CurrentPolicy;
import org.pledge.guarantee.policy.api.GuaranteePolicies;
import org.pledge.guarantee.policy.api.PayoutMethod;
import org.pledge.guarantee.policy.api.PolicyTerms;
import org.pledge.guarantee.policy.api.RefundTier;
import org.pledge.platform.axon.CommandTargets;

/** The declaration of an exceptional circumstance: what it records, what it refuses, and a retried request. */
class ExceptionalCircumstanceTest {

    private static final String ADMIN = "admin-1";
    private static final String ID = CircumstanceIds.of(ADMIN, "strike-2026-03");
    private static final Instant AT = Instant.parse("2026-03-20T14:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2026, 3, 2);
    private static final LocalDate TO = LocalDate.of(2026, 3, 13);

    private static final PolicyTerms TERMS = new PolicyTerms(true, List.of(new RefundTier(1, null, new BigDecimal("100"))), Set.of(),
            "CAD", new BigDecimal("50.00"), new BigDecimal("500.00"), List.of(PayoutMethod.BANK_TRANSFER));

    private FixtureConfiguration<ExceptionalCircumstance> fixture;

    /** PASSPORT and DEMO have a guarantee policy; nothing else does. */
    private static final GuaranteePolicies POLICIES = new GuaranteePolicies() {
        @Override
        public Optional<CurrentPolicy> current(String serviceType) {
            return List.of("PASSPORT", "DEMO").contains(serviceType)
                    ? Optional.of(new CurrentPolicy(serviceType, 1, TERMS, "seed", AT))
                    : Optional.empty();
        }

        @Override
        public List<CurrentPolicy> all() {
            return List.of();
        }
    };

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ExceptionalCircumstance.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        fixture.registerInjectableResource(POLICIES);
    }

    private static DeclareCircumstanceCommand declare(List<String> types, LocalDate from, LocalDate to, Adjustment adjustment, int days) {
        return new DeclareCircumstanceCommand(ID, types, from, to, "Labour disruption at the print centre", adjustment, days, ADMIN, AT);
    }

    @Test
    void aDeclaration_recordsItsScopeAndAdjustment_withTheServiceTypesSortedOnce_andNamesTheAdmin() {
        fixture.givenNoPriorActivity()
                .when(declare(List.of("PASSPORT", "DEMO", "PASSPORT"), FROM, TO, Adjustment.SUBTRACT_BUSINESS_DAYS, 5))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CircumstanceDeclaredEvent(ID, List.of("DEMO", "PASSPORT"), FROM, TO, "Labour disruption at the print centre",
                        Adjustment.SUBTRACT_BUSINESS_DAYS, 5, ADMIN, AT));
    }

    @Test
    void anExclusion_ofOneDay_isDeclared_withNoBusinessDays() {
        fixture.givenNoPriorActivity()
                .when(declare(List.of("PASSPORT"), FROM, FROM, Adjustment.EXCLUDE, 0))
                .expectEvents(new CircumstanceDeclaredEvent(ID, List.of("PASSPORT"), FROM, FROM, "Labour disruption at the print centre",
                        Adjustment.EXCLUDE, 0, ADMIN, AT));
    }

    @Test
    void theSameDeclarationAgain_isARetry_andRecordsNothing_evenLater() {
        CircumstanceDeclaredEvent declared = new CircumstanceDeclaredEvent(ID, List.of("PASSPORT"), FROM, TO,
                "Labour disruption at the print centre", Adjustment.SUBTRACT_BUSINESS_DAYS, 5, ADMIN, AT);
        fixture.given(declared)
                .when(new DeclareCircumstanceCommand(ID, List.of("PASSPORT"), FROM, TO, "Labour disruption at the print centre",
                        Adjustment.SUBTRACT_BUSINESS_DAYS, 5, ADMIN, AT.plusSeconds(30)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherDeclarationUnderTheSameId_isAReusedKey() {
        fixture.given(new CircumstanceDeclaredEvent(ID, List.of("PASSPORT"), FROM, TO, "Labour disruption at the print centre",
                        Adjustment.SUBTRACT_BUSINESS_DAYS, 5, ADMIN, AT))
                .when(declare(List.of("PASSPORT"), FROM, TO, Adjustment.SUBTRACT_BUSINESS_DAYS, 6))
                .expectException(code(CircumstanceRuleException.IDEMPOTENCY_KEY_REUSED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "no service type,           ,                  2026-03-02, 2026-03-13, SUBTRACT_BUSINESS_DAYS, 5,   circumstance.service-types-missing",
            "an unknown service type,   PASSPORT;SPACESHIP, 2026-03-02, 2026-03-13, SUBTRACT_BUSINESS_DAYS, 5,   circumstance.service-type-unknown",
            "from after to,             PASSPORT,          2026-03-14, 2026-03-13, SUBTRACT_BUSINESS_DAYS, 5,   circumstance.date-range-invalid",
            "no from,                   PASSPORT,          ,           2026-03-13, SUBTRACT_BUSINESS_DAYS, 5,   circumstance.date-range-invalid",
            "732 days,                  PASSPORT,          2026-01-01, 2028-01-02, SUBTRACT_BUSINESS_DAYS, 5,   circumstance.date-range-too-long",
            "no adjustment,             PASSPORT,          2026-03-02, 2026-03-13, ,                       5,   circumstance.adjustment-missing",
            "subtracting 0 days,        PASSPORT,          2026-03-02, 2026-03-13, SUBTRACT_BUSINESS_DAYS, 0,   circumstance.business-days-invalid",
            "subtracting 261 days,      PASSPORT,          2026-03-02, 2026-03-13, SUBTRACT_BUSINESS_DAYS, 261, circumstance.business-days-invalid",
            "excluding with days,       PASSPORT,          2026-03-02, 2026-03-13, EXCLUDE,                2,   circumstance.business-days-invalid"})
    void anInvalidDeclaration_isRefusedWithItsRule_andRecordsNothing(String what, String types, LocalDate from, LocalDate to,
                                                                     Adjustment adjustment, int days, String code) {
        List<String> serviceTypes = types == null ? List.of() : List.of(types.split(";"));
        fixture.givenNoPriorActivity()
                .when(declare(serviceTypes, from, to, adjustment, days))
                .expectException(code(code))
                .expectNoEvents();
    }

    @Test
    void declaration_isAccepted_whenTheRangeIs731DaysAndTheDays260() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = from.plusDays(730);
        fixture.givenNoPriorActivity()
                .when(declare(List.of("PASSPORT"), from, to, Adjustment.SUBTRACT_BUSINESS_DAYS, 260))
                .expectEvents(new CircumstanceDeclaredEvent(ID, List.of("PASSPORT"), from, to, "Labour disruption at the print centre",
                        Adjustment.SUBTRACT_BUSINESS_DAYS, 260, ADMIN, AT));
    }

    @Test
    void aBlankLabel_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new DeclareCircumstanceCommand(ID, List.of("PASSPORT"), FROM, TO, "  ", Adjustment.EXCLUDE, 0, ADMIN, AT))
                .expectException(code(CircumstanceRuleException.LABEL_MISSING));
    }

    private static Matcher<CircumstanceRuleException> code(String code) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CircumstanceRuleException e) {
                return e.code().equals(code);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a CircumstanceRuleException with code ").appendValue(code);
            }
        };
    }
}
