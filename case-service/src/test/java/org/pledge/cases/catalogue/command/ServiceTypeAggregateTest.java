package org.pledge.cases.catalogue.command;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.pledge.cases.catalogue.command.CatalogueMother.CODE;
import static org.pledge.cases.catalogue.command.CatalogueMother.LATER;
import static org.pledge.cases.catalogue.command.CatalogueMother.NOW;
import static org.pledge.cases.catalogue.command.CatalogueMother.define;
import static org.pledge.cases.catalogue.command.CatalogueMother.defined;

import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.cases.CaseServiceException;
import org.pledge.cases.catalogue.api.DefineServiceTypeCommand;
import org.pledge.cases.catalogue.api.InvalidServiceTypeException;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.sla.InvalidServiceLevelException;
import org.pledge.platform.axon.CommandTargets;

class ServiceTypeAggregateTest {

    private FixtureConfiguration<ServiceTypeAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceTypeAggregate.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        fixture.registerInjectableResource(CatalogueMother.calendars());
    }

    private static Matcher<?> rejected(Class<? extends CaseServiceException> type, String code) {
        return allOf(instanceOf(type), hasProperty("errorCode", equalTo(code)));
    }

    @Test
    void define_createsRevisionOne_withTheDefaultAtRiskShare() {
        fixture.givenNoPriorActivity()
                .when(define())
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1)
                .expectEvents(defined(1, "10 business days", NOW));
    }

    @Test
    void define_recordsTheNextRevision_whenTheTermsChange() {
        fixture.given(defined(1, "10 business days", NOW))
                .when(define("12 business days", "20 business days", LATER))
                .expectResultMessagePayload(2)
                .expectEvents(defined(2, "12 business days", LATER));
    }

    @Test
    void define_recordsNothing_whenTheSameTermsComeAgain() {
        fixture.given(defined(1, "10 business days", NOW))
                .when(define("10 business days", "20 business days", LATER))
                .expectResultMessagePayload(1)
                .expectNoEvents();
    }

    @Test
    void define_keepsAvailableFrom_whenTheCommandLeavesItOut() {
        DefineServiceTypeCommand withoutDate = new DefineServiceTypeCommand(CODE, CatalogueMother.NAMES, Money.of("120.00", "CAD"),
                "10 business days", "20 business days", null, true, CatalogueMother.CALENDAR_ID, null, false, LATER);
        fixture.given(defined(1, "10 business days", NOW))
                .when(withoutDate)
                .expectNoEvents();
    }

    @Test
    void seed_recordsNothing_whenTheServiceTypeExists_evenWithOtherTerms() {
        DefineServiceTypeCommand seed = new DefineServiceTypeCommand(CODE, CatalogueMother.NAMES, Money.of("99.00", "CAD"),
                "5 business days", null, null, false, CatalogueMother.CALENDAR_ID, null, true, LATER);
        fixture.given(defined(2, "12 business days", NOW))
                .when(seed)
                .expectResultMessagePayload(2)
                .expectNoEvents();
    }

    @Test
    void define_isRejected_whenTheLegalLimitIsShorterThanTheStandard() {
        fixture.givenNoPriorActivity()
                .when(define("10 business days", "5 business days", NOW))
                .expectNoEvents()
                .expectException(rejected(InvalidServiceTypeException.class, InvalidServiceTypeException.LEGAL_LIMIT_SHORTER));
    }

    @Test
    void define_isRejected_whenTheCalendarIsUnknown() {
        DefineServiceTypeCommand command = new DefineServiceTypeCommand(CODE, CatalogueMother.NAMES, Money.of("120.00", "CAD"),
                "10 business days", null, null, true, "MARS", null, false, NOW);
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(rejected(InvalidServiceTypeException.class, InvalidServiceTypeException.CALENDAR_UNKNOWN));
    }

    @Test
    void define_isRejected_whenTheFrenchNameIsMissing() {
        DefineServiceTypeCommand command = new DefineServiceTypeCommand(CODE, Map.of("en", "Passport"), Money.of("120.00", "CAD"),
                "10 business days", null, null, true, CatalogueMother.CALENDAR_ID, null, false, NOW);
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(rejected(InvalidServiceTypeException.class, InvalidServiceTypeException.NAMES_INVALID));
    }

    @Test
    void define_isRejected_whenTheStandardIsUnparseable() {
        fixture.given(defined(1, "10 business days", NOW))
                .when(define("soon", null, LATER))
                .expectNoEvents()
                .expectException(rejected(InvalidServiceLevelException.class, InvalidServiceLevelException.STANDARD_UNPARSEABLE));
    }

    @Test
    void define_isRejected_whenTheAtRiskShareIsAboveOne() {
        DefineServiceTypeCommand command = new DefineServiceTypeCommand(CODE, CatalogueMother.NAMES, Money.of("120.00", "CAD"),
                "10 business days", null, new java.math.BigDecimal("1.5"), true, CatalogueMother.CALENDAR_ID, null, false, NOW);
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(rejected(InvalidServiceTypeException.class, InvalidServiceTypeException.AT_RISK_SHARE_INVALID));
    }
}
