package org.pledge.guarantee.policy.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.guarantee.policy.api.DefineGuaranteePolicyCommand;
import org.pledge.guarantee.policy.api.PolicyRules;
import org.pledge.guarantee.policy.query.MongoGuaranteePolicies;
import org.pledge.platform.security.CurrentActor;
import org.pledge.platform.web.IdempotencyKey;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guarantee policies: read by admin, finance and auditors, changed by admin. A PUT with the terms of the current
 * version changes nothing (200, same version); other terms make version n+1 (200), a new service type version 1
 * (201). So a retry is harmless; the {@code Idempotency-Key} is required like on every write of the service. It answers
 * once the read model shows the version, so the next case event is decided under it.
 */
@RestController
@Validated
@Tag(name = "Guarantee policies", description = "What a missed standard refunds, per service type (versioned)")
class PolicyController {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final MongoGuaranteePolicies policies;
    private final Clock clock;

    PolicyController(CommandGateway commands, MongoGuaranteePolicies policies, Clock clock) {
        this.commands = commands;
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping("/api/guarantee-policies")
    @Operation(operationId = "listGuaranteePolicies", summary = "List the current policy of every service type")
    List<PolicyViews.PolicyView> list() {
        return policies.all().stream().map(PolicyViews.PolicyView::of).toList();
    }

    @PutMapping("/api/guarantee-policies/{serviceType}")
    @Operation(operationId = "defineGuaranteePolicy", summary = "Set a service type's guarantee policy",
            description = "The same terms as the current version change nothing; other terms make the next version. Claims "
                    + "record the version they were decided under.")
    @ApiResponse(responseCode = "200", description = "Changed (a new version) or unchanged: the policy")
    @ApiResponse(responseCode = "201", description = "Created (version 1): the policy",
            headers = @Header(name = "Location", description = "/api/guarantee-policies/{serviceType}", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "422", description = "A policy rule refused it: `policy.tiers-overlap`, `policy.tiers-required`, "
            + "`policy.percent-out-of-range`, `policy.tier-invalid`, `policy.limits-inverted`, `policy.limit-negative`, "
            + "`policy.currency-invalid`, `policy.payout-method-unknown`, `policy.payout-methods-required`, "
            + "`policy.payout-methods-repeated`, `policy.exclusion-unknown`, `policy.service-type-invalid`")
    ResponseEntity<PolicyViews.PolicyView> define(
            @PathVariable @Pattern(regexp = PolicyRules.SERVICE_TYPE_PATTERN) String serviceType,
            @Parameter(description = "Client-chosen key (at most 128 characters); a retry with the same body changes nothing")
            @RequestHeader(IdempotencyKey.HEADER) @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key,
            @Valid @RequestBody PolicyRequests.Policy body) {
        int before = policies.stored(serviceType).map(p -> p.version()).orElse(0);
        String by = CurrentActor.current().map(CurrentActor::subject).orElse("unknown");
        int version = commands.sendAndWait(new DefineGuaranteePolicyCommand(serviceType, body.terms(), false, by, clock.instant()));
        policies.awaitVersion(serviceType, version, VISIBLE_WITHIN);
        PolicyViews.PolicyView view = policies.stored(serviceType).map(PolicyViews.PolicyView::of)
                .orElseThrow(() -> new IllegalStateException("policy " + serviceType + " not visible"));
        return before == 0 && version == 1
                ? ResponseEntity.created(URI.create("/api/guarantee-policies/" + serviceType)).body(view)
                : ResponseEntity.ok(view);
    }
}
