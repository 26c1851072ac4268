package org.pledge.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledge.contracts.archfixture.AlphaOpenedV1;
import org.pledge.contracts.archfixture.CarriesAnInternalEvent;
import org.pledge.contracts.archfixture.SpringInContract;
import org.pledge.fixtureclock.alpha.command.CurrentTimeMillis;
import org.pledge.fixtureclock.alpha.command.InstantNow;
import org.pledge.fixtureclock.alpha.command.LocalDateInZone;
import org.pledge.fixtureclock.alpha.command.NowByReference;
import org.pledge.fixtureclock.alpha.command.SystemClockInDomain;
import org.pledge.fixturecontroller.alpha.web.LoadsAnAggregate;
import org.pledge.fixturecontroller.alpha.web.ReadsACollection;
import org.pledge.fixtureframework.alpha.api.AxonInApi;
import org.pledge.fixtureframework.alpha.api.MongoInApi;
import org.pledge.fixtureframework.alpha.api.SpringInApi;
import org.pledge.fixtureleak.alpha.command.MapsInCommand;
import org.pledge.fixtureleak.alpha.query.SendsInQuery;

/**
 * Each rule of {@link PledgeArchitectureRules} fails on a fixture that breaks it, and only that rule does; all of them
 * hold on a clean fixture service ({@code org.pledge.fixtureclean}) that has every kind of package.
 */
class PledgeArchitectureRulesTest {

    private static final ClassFileImporter IMPORTER = new ClassFileImporter();

    static Stream<Arguments> fixturesThatBreakOneRule() {
        return Stream.of(
                breaks(PledgeArchitectureRules.FEATURES_ARE_FREE_OF_CYCLES, IMPORTER.importPackages("org.pledge.fixturecycle")),
                breaks(PledgeArchitectureRules.FEATURES_MEET_THROUGH_THEIR_API, IMPORTER.importPackages("org.pledge.fixturereach")),
                breaks(PledgeArchitectureRules.NO_MODULE_IMPORTS_ANOTHER_SERVICE, IMPORTER.importPackages("org.pledge.fixturetrespass")),
                breaks(PledgeArchitectureRules.CONTRACTS_AND_APIS_ARE_FREE_OF_FRAMEWORKS, IMPORTER.importClasses(SpringInApi.class)),
                breaks(PledgeArchitectureRules.CONTRACTS_AND_APIS_ARE_FREE_OF_FRAMEWORKS, IMPORTER.importClasses(AxonInApi.class)),
                breaks(PledgeArchitectureRules.CONTRACTS_AND_APIS_ARE_FREE_OF_FRAMEWORKS, IMPORTER.importClasses(MongoInApi.class)),
                breaks(PledgeArchitectureRules.CONTRACTS_AND_APIS_ARE_FREE_OF_FRAMEWORKS, IMPORTER.importClasses(SpringInContract.class)),
                breaks(PledgeArchitectureRules.INTEGRATION_EVENTS_ARE_PUBLISHED_FROM_INTEGRATION_PACKAGES,
                        IMPORTER.importClasses(MapsInCommand.class)),
                breaks(PledgeArchitectureRules.INTEGRATION_EVENTS_ARE_PUBLISHED_FROM_INTEGRATION_PACKAGES,
                        IMPORTER.importClasses(SendsInQuery.class)),
                // a contract that carries a service's type is also a module that uses another: both rules say so
                breaks(PledgeArchitectureRules.INTERNAL_EVENTS_STAY_INSIDE_THE_SERVICE, IMPORTER.importClasses(CarriesAnInternalEvent.class),
                        PledgeArchitectureRules.NO_MODULE_IMPORTS_ANOTHER_SERVICE),
                breaks(PledgeArchitectureRules.CONTROLLERS_DO_NOT_TOUCH_AGGREGATES_OR_COLLECTIONS,
                        IMPORTER.importClasses(LoadsAnAggregate.class)),
                breaks(PledgeArchitectureRules.CONTROLLERS_DO_NOT_TOUCH_AGGREGATES_OR_COLLECTIONS,
                        IMPORTER.importClasses(ReadsACollection.class)),
                breaks(PledgeArchitectureRules.TIME_COMES_FROM_THE_INJECTED_CLOCK, IMPORTER.importClasses(InstantNow.class)),
                breaks(PledgeArchitectureRules.TIME_COMES_FROM_THE_INJECTED_CLOCK, IMPORTER.importClasses(LocalDateInZone.class)),
                breaks(PledgeArchitectureRules.TIME_COMES_FROM_THE_INJECTED_CLOCK, IMPORTER.importClasses(CurrentTimeMillis.class)),
                breaks(PledgeArchitectureRules.TIME_COMES_FROM_THE_INJECTED_CLOCK, IMPORTER.importClasses(NowByReference.class)),
                breaks(PledgeArchitectureRules.TIME_COMES_FROM_THE_INJECTED_CLOCK, IMPORTER.importClasses(SystemClockInDomain.class)));
    }

    @ParameterizedTest(name = "{0} fails on {1}")
    @MethodSource("fixturesThatBreakOneRule")
    void rule_fails_onAFixtureThatBreaksIt_andTheOtherRulesHold(String ruleName, String fixture, ArchRule rule, JavaClasses classes,
                                                                 List<ArchRule> alsoBroken) {
        EvaluationResult result = rule.evaluate(classes);

        assertThat(result.hasViolation()).as(ruleName + " on " + fixture).isTrue();
        for (ArchRule other : PledgeArchitectureRules.all()) {
            if (other != rule && !alsoBroken.contains(other)) {
                assertThat(other.evaluate(classes).getFailureReport().getDetails()).as(fixture + " breaks only " + ruleName).isEmpty();
            }
        }
    }

    @Test
    void everyRule_holds_onACleanService() {
        JavaClasses clean = IMPORTER.importPackages("org.pledge.fixtureclean");
        assertThat(clean.stream().map(c -> c.getPackageName().replace("org.pledge.fixtureclean.", "")).distinct())
                .as("the clean fixture has every kind of package")
                .contains("alpha.api", "alpha.command", "alpha.query", "alpha.web", "alpha.integration", "beta.command", "config");

        for (ArchRule rule : PledgeArchitectureRules.all()) {
            assertThat(rule.evaluate(clean).getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
        }
    }

    @Test
    void contractRules_hold_onAPlainContractRecord() {
        JavaClasses contract = IMPORTER.importClasses(AlphaOpenedV1.class);

        for (ArchRule rule : PledgeArchitectureRules.all()) {
            assertThat(rule.evaluate(contract).getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
        }
    }

    @Test
    void all_listsEveryRuleOfTheSet() throws IllegalAccessException {
        List<Object> declared = new java.util.ArrayList<>();
        for (var field : PledgeArchitectureRules.class.getFields()) {
            if (ArchRule.class.isAssignableFrom(field.getType())) {
                declared.add(field.get(null));
            }
        }
        assertThat(PledgeArchitectureRules.all()).containsExactlyInAnyOrderElementsOf(declared.stream().map(ArchRule.class::cast).toList());
    }

    private static Arguments breaks(ArchRule rule, JavaClasses classes, ArchRule... alsoBroken) {
        String fixture = classes.stream().map(c -> c.getSimpleName()).sorted().reduce((a, b) -> a + ", " + b).orElse("nothing");
        return Arguments.of(ruleName(rule), fixture, rule, classes, List.of(alsoBroken));
    }

    private static String ruleName(ArchRule rule) {
        for (var field : PledgeArchitectureRules.class.getFields()) {
            try {
                if (field.get(null) == rule) {
                    return field.getName();
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return rule.getDescription();
    }
}
