package org.pledge.guarantee.claim.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.pledge.guarantee.claim.query.GuaranteeClaims;
import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cost of missed promises: refunds paid and pending per service type and month (finance, auditors, operations). */
@RestController
@Validated
@Tag(name = "Refund totals", description = "Paid and pending refunds per service type and month")
class RefundTotalsController {

    static final int MAX_MONTHS = 120;

    private final GuaranteeClaims claims;

    RefundTotalsController(GuaranteeClaims claims) {
        this.claims = claims;
    }

    @GetMapping("/api/refund-totals")
    @Operation(operationId = "getRefundTotals", summary = "Refund totals per service type and month",
            description = "Months `from`..`to` inclusive (YYYY-MM, in the business time zone `pledge.guarantee.zone`). A paid refund "
                    + "counts in the month it was paid; a pending one (decided, awaiting approval, payout details or payment, or "
                    + "failed) in the month it was decided. Per currency.")
    @ApiResponse(responseCode = "200", description = "The totals, by service type, month and currency")
    @ApiResponse(responseCode = "400", description = "`refund-totals.month-invalid`: not YYYY-MM, `to` before `from`, or more than 120 months")
    ClaimViews.RefundTotalsView totals(@Parameter(description = "First month, YYYY-MM", example = "2025-01") @RequestParam String from,
                                       @Parameter(description = "Last month, YYYY-MM", example = "2025-12") @RequestParam String to) {
        YearMonth first = month(from);
        YearMonth last = month(to);
        if (last.isBefore(first) || first.plusMonths(MAX_MONTHS).isBefore(last)) {
            throw new BadMonths("`to` is not before `from`, at most " + MAX_MONTHS + " months apart");
        }
        return new ClaimViews.RefundTotalsView(first.toString(), last.toString(), claims.zone().getId(),
                claims.totals(first, last).stream().map(ClaimViews.RefundTotalView::of).toList());
    }

    private static YearMonth month(String value) {
        try {
            if (value.length() != 7) {
                throw new BadMonths("months are YYYY-MM");
            }
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadMonths("months are YYYY-MM");
        }
    }

    static class BadMonths extends PledgeException {
        BadMonths(String detail) {
            super("refund-totals.month-invalid", HttpStatus.BAD_REQUEST, detail);
        }
    }
}
