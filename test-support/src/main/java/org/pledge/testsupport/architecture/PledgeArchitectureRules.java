package org.pledge.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The boundaries that every Pledge module keeps, as ArchUnit rules. A service gets all of them with one line in a
 * test class {@code ArchitectureTest} in its root package:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "org.pledge.<service>", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     @ArchTest
 *     static final ArchTests pledge = ArchTests.in(PledgeArchitectureRules.class);
 * }
 * }</pre>
 *
 * <p>The rules know no service by name. A class's <em>module</em> is the package right under {@code org.pledge}
 * ({@code cases}, {@code feedback}, {@code platform}, {@code contracts}); its <em>feature</em> is the package under
 * that ({@code org.pledge.cases.casefile}, {@code org.pledge.platform.eventstore}). A service's feature is split into
 * {@code api} (commands, events, queries and the values they carry), {@code command}, {@code query},
 * {@code integration} and {@code web}, beside the service's {@code config}.
 *
 * <p>What each rule catches, in the words of its failure:
 * <ul>
 *   <li>{@link #FEATURES_ARE_FREE_OF_CYCLES}: two features that depend on each other, however indirectly.</li>
 *   <li>{@link #FEATURES_MEET_THROUGH_THEIR_API}: a class that reaches into another feature's {@code command},
 *       {@code query}, {@code web}, {@code integration}, {@code config} or any other sub-package but {@code api}
 *       (a feature's own top package, which in the platform is its face, stays open).</li>
 *   <li>{@link #NO_MODULE_IMPORTS_ANOTHER_SERVICE}: a class that uses a package of {@code org.pledge} other than its
 *       own module, {@code org.pledge.platform}, {@code org.pledge.contracts} and {@code org.pledge.audit} (the
 *       audit-verifier library).</li>
 *   <li>{@link #CONTRACTS_AND_APIS_ARE_FREE_OF_FRAMEWORKS}: a Spring, Axon or MongoDB type in
 *       {@code org.pledge.contracts} or in any {@code api} package.</li>
 *   <li>{@link #INTEGRATION_EVENTS_ARE_PUBLISHED_FROM_INTEGRATION_PACKAGES}: a contract event record, the contract's
 *       {@code Money}, the platform's publishing API or a broker client used outside an {@code integration} package
 *       (the platform's own {@code messaging} is where publishing is made).</li>
 *   <li>{@link #INTERNAL_EVENTS_STAY_INSIDE_THE_SERVICE}: a contract that uses a service's or the platform's
 *       types, so that an internal event could travel inside a contract record.</li>
 *   <li>{@link #CONTROLLERS_DO_NOT_TOUCH_AGGREGATES_OR_COLLECTIONS}: a controller in a {@code web} package that uses
 *       a {@code command} class (an aggregate and its collaborators), an Axon repository or event store, or a MongoDB
 *       type: controllers send commands and run queries.</li>
 *   <li>{@link #TIME_COMES_FROM_THE_INJECTED_CLOCK}: {@code Instant.now()}, {@code LocalDate.now()} and the other
 *       {@code now()} without a {@code Clock}, {@code System.currentTimeMillis()}, {@code new Date()}; and
 *       {@code Clock.systemUTC()} and its kin outside a {@code config} package, where the injected clock is made.</li>
 * </ul>
 */
public final class PledgeArchitectureRules {

    private static final String ROOT = "org.pledge.";
    private static final Set<String> SHARED_MODULES = Set.of("platform", "contracts", "audit");
    private static final String[] FRAMEWORKS = {"org.springframework..", "org.axonframework..", "com.mongodb..", "org.bson..",
            "de.bwaldvogel.mongo.."};

    private PledgeArchitectureRules() {
    }

    /** No cycles between the features of a module ({@code org.pledge.<module>.<feature>}). */
    @ArchTest
    public static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = slices()
            .matching("org.pledge.(*).(*)..").namingSlices("feature $2 of $1")
            .should().beFreeOfCycles()
            .allowEmptyShould(true)
            .because("features depend on each other in one direction only");

    /** A feature uses another feature's {@code api} only, never its {@code command}, {@code query} or the rest. */
    @ArchTest
    public static final ArchRule FEATURES_MEET_THROUGH_THEIR_API = classes()
            .should(new ArchCondition<JavaClass>("use another feature only through its api package") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass().getBaseComponentType();
                        List<String> from = pledgeSegments(origin.getPackageName());
                        List<String> to = pledgeSegments(target.getPackageName());
                        if (from.size() < 4 || to.size() < 5 || !from.get(2).equals(to.get(2)) || from.get(3).equals(to.get(3))
                                || "api".equals(to.get(4))) {
                            continue;
                        }
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + ": feature " + from.get(3) + " reaches into feature " + to.get(3) + "'s " + to.get(4)));
                    }
                }
            })
            .allowEmptyShould(true)
            .because("a feature's api is its only door (commands, events, queries and the values they carry)");

    /** A module uses only itself, the platform and the contracts of {@code org.pledge}. */
    @ArchTest
    public static final ArchRule NO_MODULE_IMPORTS_ANOTHER_SERVICE = classes()
            .should(new ArchCondition<JavaClass>("use no other service") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    List<String> from = pledgeSegments(origin.getPackageName());
                    if (from.size() < 3) {
                        return;
                    }
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        List<String> to = pledgeSegments(dependency.getTargetClass().getBaseComponentType().getPackageName());
                        if (to.size() >= 3 && !to.get(2).equals(from.get(2)) && !SHARED_MODULES.contains(to.get(2))) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                    + ": module " + from.get(2) + " uses module " + to.get(2)));
                        }
                    }
                }
            })
            .allowEmptyShould(true)
            .because("services meet only through contracts on the broker; what they share is the platform");

    /** Contracts and every {@code api} package carry no Spring, Axon or MongoDB type. */
    @ArchTest
    public static final ArchRule CONTRACTS_AND_APIS_ARE_FREE_OF_FRAMEWORKS = noClasses()
            .that().resideInAnyPackage("org.pledge.contracts..", "..api..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .allowEmptyShould(true)
            .because("commands, events, queries and contracts are plain records that outlive any framework");

    /** Only an {@code integration} package (and the platform's messaging) maps to and publishes contract events. */
    @ArchTest
    public static final ArchRule INTEGRATION_EVENTS_ARE_PUBLISHED_FROM_INTEGRATION_PACKAGES = noClasses()
            .that().resideOutsideOfPackages("..integration..", "org.pledge.contracts..", "org.pledge.platform.messaging..")
            .should().dependOnClassesThat(publishingTypes())
            .allowEmptyShould(true)
            .because("internal events become contract events at one edge, a feature's integration package");

    /** Contracts know no service and no platform type: an internal event cannot ride inside a contract record. */
    @ArchTest
    public static final ArchRule INTERNAL_EVENTS_STAY_INSIDE_THE_SERVICE = noClasses()
            .that().resideInAPackage("org.pledge.contracts..")
            .should().dependOnClassesThat(DescribedPredicate.describe("are of another org.pledge module",
                    (JavaClass c) -> pledgeSegments(c.getPackageName()).size() > 2 && !"contracts".equals(pledgeSegments(c.getPackageName()).get(2))))
            .allowEmptyShould(true)
            .because("internal events never leave the service: only contract records do");

    /** Controllers send commands and run queries; aggregates, event streams and collections are not theirs. */
    @ArchTest
    public static final ArchRule CONTROLLERS_DO_NOT_TOUCH_AGGREGATES_OR_COLLECTIONS = noClasses()
            .that().resideInAPackage("..web..")
            .and().areMetaAnnotatedWith("org.springframework.stereotype.Controller")
            .should().dependOnClassesThat().resideInAnyPackage("org.pledge..command..", "com.mongodb..", "org.bson..",
                    "org.springframework.data.mongodb..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.eventsourcing.eventstore.EventStore")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.modelling.command.Repository")
            .allowEmptyShould(true)
            .because("a controller sends commands and runs queries; it never loads an aggregate or reads a collection");

    /** Time is read from the injected {@code java.time.Clock}, never from the system. */
    @ArchTest
    public static final ArchRule TIME_COMES_FROM_THE_INJECTED_CLOCK = classes()
            .should(readTimeOnlyFromAClock())
            .allowEmptyShould(true)
            .because("tests move time by the injected Clock; a direct read of the system time escapes them");

    private static final Set<String> DATE_TIME_TYPES = Set.of("java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.LocalTime", "java.time.ZonedDateTime", "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.Year",
            "java.time.YearMonth", "java.time.MonthDay");

    private static ArchCondition<JavaClass> readTimeOnlyFromAClock() {
        return new ArchCondition<>("read the time only from a Clock") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                boolean wiring = segments(origin.getPackageName()).contains("config");
                for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
                    AccessTarget target = access.getTarget();
                    String owner = target.getOwner().getName();
                    String name = target.getName();
                    List<JavaClass> parameters = target instanceof AccessTarget.CodeUnitAccessTarget unit ? unit.getRawParameterTypes() : List.of();
                    boolean withClock = parameters.stream().anyMatch(p -> p.isAssignableTo(java.time.Clock.class));
                    if (DATE_TIME_TYPES.contains(owner) && "now".equals(name) && !withClock
                            || "java.lang.System".equals(owner) && "currentTimeMillis".equals(name)
                            || "java.util.Date".equals(owner) && "<init>".equals(name) && parameters.isEmpty()) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription() + ": reads the system time; use the injected Clock"));
                    } else if (!wiring && "java.time.Clock".equals(owner) && name.startsWith("system")) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()
                                + ": a system Clock is made once, where it is wired (a config package), and injected"));
                    }
                }
            }
        };
    }

    private static DescribedPredicate<JavaClass> publishingTypes() {
        Set<String> names = Set.of("org.pledge.contracts.Money", "org.pledge.platform.messaging.publish.IntegrationEventMapper",
                "org.pledge.platform.messaging.publish.OutboundIntegrationEvent",
                "org.pledge.platform.messaging.publish.IntegrationEventSender",
                "org.springframework.cloud.stream.function.StreamBridge", "org.springframework.kafka.core.KafkaTemplate");
        return DescribedPredicate.describe("are contract events or the contracts' Money, or publish to the broker",
                c -> names.contains(c.getName()) || c.getPackageName().startsWith("org.pledge.contracts.")
                        || c.getPackageName().startsWith("org.apache.kafka.clients.producer"));
    }

    /** All the rules, for a test that evaluates them on classes of its own (see {@code PledgeArchitectureRulesTest}). */
    public static List<ArchRule> all() {
        return List.of(FEATURES_ARE_FREE_OF_CYCLES, FEATURES_MEET_THROUGH_THEIR_API, NO_MODULE_IMPORTS_ANOTHER_SERVICE,
                CONTRACTS_AND_APIS_ARE_FREE_OF_FRAMEWORKS, INTEGRATION_EVENTS_ARE_PUBLISHED_FROM_INTEGRATION_PACKAGES,
                INTERNAL_EVENTS_STAY_INSIDE_THE_SERVICE, CONTROLLERS_DO_NOT_TOUCH_AGGREGATES_OR_COLLECTIONS,
                TIME_COMES_FROM_THE_INJECTED_CLOCK);
    }

    /** The segments of a package of {@code org.pledge}; none for any other package. */
    private static List<String> pledgeSegments(String packageName) {
        return packageName.startsWith(ROOT) ? segments(packageName) : List.of();
    }

    private static List<String> segments(String packageName) {
        return packageName.isEmpty() ? List.of() : List.of(packageName.split("\\."));
    }
}
