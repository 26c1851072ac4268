package org.pledge.guarantee.policy.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.guarantee.policy.api.DefineGuaranteePolicyCommand;
import org.pledge.guarantee.policy.api.Exclusion;
import org.pledge.guarantee.policy.api.GuaranteePolicyDefinedEvent;
import org.pledge.guarantee.policy.api.InvalidPolicyException;
import org.pledge.guarantee.policy.api.PayoutMethod;
import org.pledge.guarantee.policy.api.PolicyTerms;
import org.pledge.guarantee.policy.api.RefundTier;
import org.pledge.platform.axon.CommandTargets;

class GuaranteePolicyTest {

    private static final Instant AT = Instant.parse("2025-03-01T12:00:00Z");
    private static final List<RefundTier> TIERS = List.of(new RefundTier(1, 10, new BigDecimal("25")), new RefundTier(11, null, new BigDecimal("50")));
    private static final PolicyTerms TERMS = terms(TIERS, "50.00", "500.00", List.of(PayoutMethod.ORIGINAL_PAYMENT_METHOD, PayoutMethod.BANK_TRANSFER));

    private FixtureConfiguration<GuaranteePolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GuaranteePolicy.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
    }

    private static PolicyTerms terms(List<RefundTier> tiers, String auto, String second, List<PayoutMethod> methods) {
        return new PolicyTerms(true, tiers, Set.of(Exclusion.WITHDRAWN), "CAD", new BigDecimal(auto), new BigDecimal(second), methods);
    }

    private static DefineGuaranteePolicyCommand define(PolicyTerms terms) {
        return new DefineGuaranteePolicyCommand("PASSPORT", terms, false, "admin-1", AT);
    }

    @Test
    void seed_createsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new DefineGuaranteePolicyCommand("PASSPORT", TERMS, true, "configuration", AT))
                .expectEvents(new GuaranteePolicyDefinedEvent("PASSPORT", 1, TERMS, "configuration", AT))
                .expectResultMessagePayload(1);
    }

    @Test
    void seed_neverChangesAnExistingPolicy() {
        PolicyTerms changed = terms(TIERS, "10.00", "500.00", TERMS.payoutMethods());
        fixture.given(new GuaranteePolicyDefinedEvent("PASSPORT", 1, TERMS, "configuration", AT),
                        new GuaranteePolicyDefinedEvent("PASSPORT", 2, changed, "admin-1", AT))
                .when(new DefineGuaranteePolicyCommand("PASSPORT", TERMS, true, "configuration", AT))
                .expectNoEvents()
                .expectResultMessagePayload(2);
    }

    @Test
    void theSameTerms_changeNothing_evenWrittenDifferently() {
        PolicyTerms same = terms(List.of(new RefundTier(11, null, new BigDecimal("50.0")), new RefundTier(1, 10, new BigDecimal("25.00"))),
                "50", "500.0", TERMS.payoutMethods());
        fixture.given(new GuaranteePolicyDefinedEvent("PASSPORT", 1, TERMS, "configuration", AT))
                .when(define(same))
                .expectNoEvents()
                .expectResultMessagePayload(1);
    }

    @Test
    void otherTerms_makeTheNextVersion_withTiersInOrder() {
        PolicyTerms changed = terms(List.of(new RefundTier(6, null, new BigDecimal("100")), new RefundTier(1, 5, new BigDecimal("50"))),
                "50.00", "500.00", TERMS.payoutMethods());
        PolicyTerms ordered = terms(List.of(new RefundTier(1, 5, new BigDecimal("50")), new RefundTier(6, null, new BigDecimal("100"))),
                "50.00", "500.00", TERMS.payoutMethods());
        fixture.given(new GuaranteePolicyDefinedEvent("PASSPORT", 1, TERMS, "configuration", AT))
                .when(define(changed))
                .expectEvents(new GuaranteePolicyDefinedEvent("PASSPORT", 2, ordered, "admin-1", AT))
                .expectResultMessagePayload(2);
    }

    @Test
    void overlappingTiers_areRefused() {
        fixture.givenNoPriorActivity()
                .when(define(terms(List.of(new RefundTier(1, 10, BigDecimal.TEN), new RefundTier(10, null, BigDecimal.ONE)), "0", "0",
                        TERMS.payoutMethods())))
                .expectException(InvalidPolicyException.class)
                .expectExceptionMessage("tiers from 1 and from 10 business days overlap")
                .expectNoEvents();
    }

    @Test
    void aTierAfterAnOpenEndedOne_isRefused() {
        fixture.givenNoPriorActivity()
                .when(define(terms(List.of(new RefundTier(1, null, BigDecimal.TEN), new RefundTier(20, null, BigDecimal.ONE)), "0", "0",
                        TERMS.payoutMethods())))
                .expectException(InvalidPolicyException.class)
                .expectNoEvents();
    }

    @Test
    void invertedLimits_areRefused() {
        fixture.givenNoPriorActivity()
                .when(define(terms(TIERS, "500.00", "50.00", TERMS.payoutMethods())))
                .expectException(InvalidPolicyException.class)
                .expectExceptionMessage("the second-approval limit is at or above the auto-approval limit")
                .expectNoEvents();
    }

    @Test
    void noPayoutMethod_isRefused_forAGuaranteedPolicy() {
        fixture.givenNoPriorActivity()
                .when(define(terms(TIERS, "0", "0", List.of())))
                .expectException(InvalidPolicyException.class)
                .expectNoEvents();
    }

    @Test
    void noTier_isRefused_forAGuaranteedPolicy() {
        fixture.givenNoPriorActivity()
                .when(define(terms(List.of(), "0", "0", TERMS.payoutMethods())))
                .expectException(InvalidPolicyException.class)
                .expectNoEvents();
    }
}
