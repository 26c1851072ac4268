package org.pledge.cases.catalogue.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.platform.validation.ContactRules;
import org.pledge.platform.validation.LanguageTag;
import org.pledge.platform.validation.MoneyValue;
import org.pledge.platform.validation.SaneInstant;
import org.pledge.platform.validation.TextRules;
import org.pledge.platform.validation.ValidMoney;

/** Bodies of the catalogue's PUT endpoints (the business rules are the aggregates'; these check shape only). */
final class CatalogueRequests {

    private CatalogueRequests() {
    }

    @Schema(name = "ServiceTypeFeeRequest")
    @ValidMoney
    record Fee(@Schema(description = "Zero or more, at most the currency's decimals, below pledge.money.max-amount", example = "120.00")
               @NotNull BigDecimal amount,
               @Schema(description = "ISO 4217", example = "CAD") @NotBlank @Size(max = 3) String currency) implements MoneyValue {
    }

    @Schema(name = "ServiceTypeRequest")
    record ServiceType(
            @Schema(description = "Names by BCP 47 language tag; en and fr required; any script, one line each") @NotEmpty @Size(max = 20)
            Map<@Size(max = ContactRules.LANGUAGE_TAG_MAX_LENGTH) @Pattern(regexp = ContactRules.LANGUAGE_TAG, message = ContactRules.LANGUAGE_TAG_MESSAGE) @LanguageTag String,
                    @NotBlank @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String> names,
            @NotNull @Valid Fee fee,
            @Schema(description = "e.g. '10 business days', '30 calendar days' (1..3660) or an ISO 8601 duration up to P3660D", example = "\"10 business days\"")
            @NotBlank @Size(max = 64) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String standard,
            @Schema(description = "Same forms as the standard, never shorter; optional")
            @Size(max = 64) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String legalTimeLimit,
            @Schema(description = "Share of the standard after which a case is at risk, in (0, 1], at most 6 decimals; default 0.8", example = "0.8")
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 6) BigDecimal atRiskShare,
            @NotNull Boolean guaranteed,
            @NotBlank @Size(max = 64) @Pattern(regexp = CALENDAR_ID_PATTERN, message = "must be a calendar id: letters, digits, '-' or '_'") String calendarId,
            @Schema(description = "Default: kept, or now for a new service type; 1900-01-01 .. 2200-01-01") @SaneInstant Instant availableFrom) {
    }

    @Schema(name = "CalendarRequest")
    record Calendar(@Schema(example = "America/Toronto") @NotBlank @Size(max = 64)
                    @Pattern(regexp = ZONE_PATTERN, message = "must be a time zone id such as America/Toronto") String zone,
                    @Schema(description = "Default SATURDAY, SUNDAY") @Size(max = 6) Set<@NotNull DayOfWeek> weekendDays,
                    @Schema(description = "At most 1000 dates, years 1900..2199") @NotNull @Size(max = 1000) Set<@NotNull @SaneInstant LocalDate> holidays) {
    }

    /** An IANA zone id (Area/Location) or an offset such as UTC+01:00: letters, digits, '/', '_', '+', '-', ':'. */
    static final String ZONE_PATTERN = "[A-Za-z0-9/_+:-]{1,64}";

    static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9_-]{0,63}";
    static final String CALENDAR_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

}
