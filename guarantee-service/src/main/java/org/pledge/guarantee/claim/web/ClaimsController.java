package org.pledge.guarantee.claim.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.pledge.guarantee.claim.api.BankAccount;
import org.pledge.guarantee.claim.api.ClaimStatus;
import org.pledge.guarantee.claim.api.DecideRefundCommand;
import org.pledge.guarantee.claim.api.RecordPayoutDetailsCommand;
import org.pledge.guarantee.claim.query.ClaimDocument;
import org.pledge.guarantee.claim.query.GuaranteeClaims;
import org.pledge.platform.security.CurrentActor;
import org.pledge.platform.validation.TextRules;
import org.pledge.platform.web.IdempotencyKey;
import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Guarantee claims: read by finance and auditors, decided by finance (four eyes, enforced by the claim itself: the
 * approver is the token's subject), given a bank account by the channel. Each write needs an {@code Idempotency-Key}
 * and answers once the claim's read model shows it.
 */
@RestController
@Validated
@Tag(name = "Guarantee claims", description = "Claims opened by missed guaranteed standards, their approval and payout")
class ClaimsController {

    static final String ID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String KEY_DOC = "Client-chosen key (at most 128 characters), remembered per claim: a retry with the same key and body "
            + "is answered as before without acting twice";

    private final GuaranteeClaims claims;
    private final ClaimWrites writes;

    ClaimsController(GuaranteeClaims claims, ClaimWrites writes) {
        this.claims = claims;
        this.writes = writes;
    }

    @GetMapping("/api/claims")
    @Operation(operationId = "listClaims", summary = "List claims, by claim id, a page at a time",
            description = "Filtered by status and service type when given; without history.")
    ClaimViews.ClaimPage list(@Parameter(description = "A claim status") @RequestParam(required = false) ClaimStatus status,
                              @Parameter(description = "A service type code") @RequestParam(required = false)
                              @Pattern(regexp = "[A-Z0-9_-]{1,64}") String serviceType,
                              @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
                              @Parameter(description = "Claims per page (1..200)") @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        String s = status == null ? null : status.name();
        return new ClaimViews.ClaimPage(claims.page(s, serviceType, page, size).stream().map(d -> ClaimViews.ClaimView.of(d, false)).toList(),
                page, size, claims.count(s, serviceType));
    }

    @GetMapping("/api/claims/{claimId}")
    @Operation(operationId = "getClaim", summary = "Read a claim with its history")
    @ApiResponse(responseCode = "200", description = "The claim")
    @ApiResponse(responseCode = "404", description = "`claim.not-found`: no such claim")
    ClaimViews.ClaimView get(@PathVariable @Pattern(regexp = ID_PATTERN) String claimId) {
        return ClaimViews.ClaimView.of(existing(claimId), true);
    }

    @PostMapping("/api/claims/{claimId}/approvals")
    @Operation(operationId = "decideClaim", summary = "Approve or reject a claim's refund",
            description = "As the token's subject. Above the auto-approval limit one approval pays the refund; above the second "
                    + "limit two, by two different finance users. Whoever changed the claim last never approves it, and nobody "
                    + "approves twice. A rejection needs a reason and is final. After a failed payment a new approval issues a new refund.")
    @ApiResponse(responseCode = "200", description = "Done (or a replay of a done request: header `Idempotent-Replayed: true`): the claim",
            headers = @Header(name = "Idempotent-Replayed", description = "`true` when this answers a retry without acting again",
                    schema = @Schema(type = "string", allowableValues = "true")))
    @ApiResponse(responseCode = "403", description = "`claim.four-eyes` (you changed the claim last) or `claim.already-approved` "
            + "(you approved it already)")
    @ApiResponse(responseCode = "404", description = "`claim.not-found`: no such claim")
    @ApiResponse(responseCode = "409", description = "`claim.not-awaiting-approval`, `claim.idempotency-key-reused` or "
            + "`claim.request-in-progress`")
    @ApiResponse(responseCode = "422", description = "`claim.reason-required` (a rejection without reason) or `claim.no-payout-method`")
    ResponseEntity<ClaimViews.ClaimView> decide(@PathVariable @Pattern(regexp = ID_PATTERN) String claimId,
                                                @Parameter(description = KEY_DOC) @RequestHeader(IdempotencyKey.HEADER)
                                                @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key,
                                                @Valid @RequestBody ClaimRequests.DecisionRequest body) {
        existing(claimId);
        String by = CurrentActor.current().map(CurrentActor::subject).orElseThrow();
        String reason = body.reason() == null || body.reason().isBlank() ? null : TextRules.multiLine(body.reason());
        boolean replay = writes.send(claimId, "approvals", key, body, now -> new DecideRefundCommand(claimId, body.decision(), by, reason, now));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (replay) {
            ok.header("Idempotent-Replayed", "true");
        }
        return ok.body(ClaimViews.ClaimView.of(existing(claimId), true));
    }

    @PostMapping("/api/claims/{claimId}/payout-details")
    @Operation(operationId = "recordPayoutDetails", summary = "Give the bank account a transfer refund goes to",
            description = "By the client's channel, for the claim's applicant. Stored encrypted (personal data), never shown back: "
                    + "the claim shows only that an account was given. Replaces an earlier account until a refund is sent; "
                    + "a refund waiting for an account is sent at once.")
    @ApiResponse(responseCode = "204", description = "Recorded (or a replay: header `Idempotent-Replayed: true`)")
    @ApiResponse(responseCode = "404", description = "`claim.not-found`: no such claim")
    @ApiResponse(responseCode = "409", description = "`claim.not-open`, `claim.refund-under-way`, `claim.closed`, "
            + "`claim.idempotency-key-reused` or `claim.request-in-progress`")
    @ApiResponse(responseCode = "422", description = "`claim.iban-invalid`, `claim.bic-invalid` or `claim.holder-mismatch` (not the "
            + "claim's applicant)")
    ResponseEntity<Void> payoutDetails(@PathVariable @Pattern(regexp = ID_PATTERN) String claimId,
                                       @Parameter(description = KEY_DOC) @RequestHeader(IdempotencyKey.HEADER)
                                       @Pattern(regexp = IdempotencyKey.PATTERN, message = IdempotencyKey.MESSAGE) String key,
                                       @Valid @RequestBody ClaimRequests.PayoutDetails body) {
        existing(claimId);
        String by = CurrentActor.current().map(CurrentActor::subject).orElseThrow();
        BankAccount account = new BankAccount(body.applicantReference(), TextRules.singleLine(body.holderName()), ClaimRequests.iban(body.iban()),
                ClaimRequests.bic(body.bic()));
        boolean replay = writes.send(claimId, "payout-details", key, body, now -> new RecordPayoutDetailsCommand(claimId, account, by, now));
        ResponseEntity.HeadersBuilder<?> done = ResponseEntity.noContent();
        if (replay) {
            done.header("Idempotent-Replayed", "true");
        }
        return done.build();
    }

    private ClaimDocument existing(String claimId) {
        return claims.find(claimId).orElseThrow(() -> new ClaimNotFound(claimId));
    }

    static class ClaimNotFound extends PledgeException {
        ClaimNotFound(String claimId) {
            super("claim.not-found", HttpStatus.NOT_FOUND, "no claim " + claimId);
        }
    }
}
