package org.pledge.cases.catalogue.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the catalogue's PUT endpoints (the business rules are the aggregates'; these check shape only). */
final class CatalogueRequests {

    private CatalogueRequests() {
    }

    @Schema(name = "ServiceTypeFeeRequest")
    record Fee(@Schema(example = "120.00") @NotNull BigDecimal amount,
               @Schema(description = "ISO 4217", example = "CAD") @NotBlank @Size(max = 3) String currency) {
    }

    @Schema(name = "ServiceTypeRequest")
    record ServiceType(
            @Schema(description = "Names by BCP 47 language tag; en and fr required") @NotEmpty @Size(max = 20) Map<@Size(max = 35) String, @Size(max = 200) String> names,
            @NotNull @Valid Fee fee,
            @Schema(description = "e.g. '10 business days', '30 calendar days' or an ISO 8601 duration", example = "\"10 business days\"")
            @NotBlank @Size(max = 64) String standard,
            @Schema(description = "Same forms as the standard, never shorter; optional") @Size(max = 64) String legalTimeLimit,
            @Schema(description = "Share of the standard after which a case is at risk, in (0, 1]; default 0.8") BigDecimal atRiskShare,
            @NotNull Boolean guaranteed,
            @NotBlank @Size(max = 64) String calendarId,
            @Schema(description = "Default: kept, or now for a new service type") Instant availableFrom) {
    }

    @Schema(name = "CalendarRequest")
    record Calendar(@Schema(example = "America/Toronto") @NotBlank @Size(max = 64) String zone,
                    @Schema(description = "Default SATURDAY, SUNDAY") Set<DayOfWeek> weekendDays,
                    @NotNull @Size(max = 1000) Set<LocalDate> holidays) {
    }

    static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9_-]{0,63}";
    static final String CALENDAR_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

}
