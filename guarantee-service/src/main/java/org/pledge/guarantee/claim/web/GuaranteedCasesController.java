package org.pledge.guarantee.claim.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.pledge.guarantee.claim.query.ClaimDocument;
import org.pledge.guarantee.claim.query.GuaranteeClaims;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cases guarantee-service holds a fee for (finance, auditor). */
@RestController
@Validated
@Tag(name = "Guarantee claims", description = "Guarantee claims and refunds")
class GuaranteedCasesController {

    private final GuaranteeClaims claims;

    GuaranteedCasesController(GuaranteeClaims claims) {
        this.claims = claims;
    }

    record GuaranteedCase(String caseId, String serviceType, Fee feePaid) {

        static GuaranteedCase of(ClaimDocument claim) {
            Fee fee = claim.feeAmount() == null ? null : new Fee(claim.feeAmount(), claim.feeCurrency());
            return new GuaranteedCase(claim.caseId(), claim.serviceType(), fee);
        }
    }

    /** An amount as a decimal string and its ISO 4217 currency. */
    @Schema(name = "Money")
    record Fee(String amount, String currency) {
    }

    @GetMapping("/api/claims/cases")
    @Operation(operationId = "listGuaranteedCases", summary = "List the cases whose fee guarantee-service holds",
            description = "The cases with a guaranteed standard and a fee paid, which it may have to refund; at most `limit`.")
    List<GuaranteedCase> cases(@Parameter(description = "At most this many (1..500)")
                               @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return claims.page(limit).stream().map(GuaranteedCase::of).toList();
    }
}
