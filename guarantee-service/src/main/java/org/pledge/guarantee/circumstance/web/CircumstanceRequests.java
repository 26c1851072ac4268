package org.pledge.guarantee.circumstance.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.guarantee.claim.api.Adjustment;
import org.pledge.platform.validation.TextRules;

/** Bodies of the exceptional circumstances endpoints. */
final class CircumstanceRequests {

    private CircumstanceRequests() {
    }

    /**
     * {@code POST /api/exceptional-circumstances}. The shape (types, lengths, patterns) is checked here (400); the rules
     * (at least one known service type, from ≤ to, the business days that go with the adjustment, a label) by the
     * circumstance (422 {@code circumstance.<rule>}).
     */
    @Schema(name = "CircumstanceDeclaration")
    record Declaration(
            @Schema(description = "The service types it covers (each with a guarantee policy), at least one", example = "[\"PASSPORT\"]")
            @Size(max = 50) List<@NotNull @Size(max = 64) @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,63}",
                    message = "must be a service type code such as PASSPORT") String> serviceTypes,
            @Schema(description = "First day of the range (a local date in the business time zone, inclusive)", example = "2026-03-02")
            LocalDate from,
            @Schema(description = "Last day of the range (inclusive; at most 731 days after from)", example = "2026-03-13")
            LocalDate to,
            @Schema(description = "What happened, one line", example = "Labour disruption at the passport print centre")
            @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String label,
            @Schema(description = "SUBTRACT_BUSINESS_DAYS (with businessDays ≥ 1) or EXCLUDE (nothing is refunded)")
            Adjustment adjustment,
            @Schema(description = "Business days of lateness to subtract (1..260); absent or 0 with EXCLUDE", example = "5")
            @Min(0) @Max(100000) Integer businessDays) {
    }
}
