package org.pledge.cases.catalogue.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.pledge.cases.sla.ServiceStandardClockSpec;
import org.pledge.cases.sla.InvalidServiceLevelException;
import org.pledge.cases.sla.ServiceStandard;

/**
 * A service in the catalogue, with its published promise.
 *
 * @param code           stable code, upper case letters, digits, '-' and '_' (e.g. {@code PASSPORT-ADULT})
 * @param names          display names by BCP 47 language tag; {@code en} and {@code fr} are required,
 *                       more languages are allowed
 * @param fee            the fee charged
 * @param standard       the published service standard
 * @param legalTimeLimit the time limit set by law, or null; kept apart from the standard and never
 *                       shorter than it. To be checked, it must count in the same unit as the standard
 *                       (business days, calendar days or a duration): there is no exact conversion between
 *                       business and calendar days, so a mixed pair is rejected as incomparable.
 * @param atRiskShare    share of the standard after which a case is at risk, in (0, 1]; null means 0.8
 * @param guaranteed     whether missing the standard refunds the fee
 * @param calendarId     the business calendar the standard counts in
 * @param availableFrom  when the service type came into existence (no application can be received before)
 */
public record ServiceType(String code, Map<String, String> names, Money fee, ServiceStandard standard,
                          ServiceStandard legalTimeLimit, BigDecimal atRiskShare, boolean guaranteed, String calendarId,
                          Instant availableFrom) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,63}");

    public ServiceType {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.CODE_INVALID,
                    "a service type code is 1-64 upper-case letters, digits, '-' or '_', was " + code);
        }
        names = validNames(names);
        if (fee == null) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.FEE_MISSING, "service type " + code + " has no fee");
        }
        if (standard == null) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.STANDARD_MISSING, "service type " + code + " has no standard");
        }
        if (legalTimeLimit != null) {
            requireNotShorter(standard, legalTimeLimit);
        }
        atRiskShare = atRiskShare == null ? ServiceStandardClockSpec.DEFAULT_AT_RISK_SHARE : atRiskShare;
        try {
            ServiceStandardClockSpec.requireShare(atRiskShare);
        } catch (InvalidServiceLevelException e) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.AT_RISK_SHARE_INVALID, e.getMessage());
        }
        if (calendarId == null || calendarId.isBlank()) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.CALENDAR_MISSING, "service type " + code + " has no business calendar");
        }
        if (availableFrom == null) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.AVAILABLE_FROM_MISSING,
                    "service type " + code + " has no date from which it exists");
        }
    }

    /** The legal time limit, if the law sets one. */
    public Optional<ServiceStandard> legalLimit() {
        return Optional.ofNullable(legalTimeLimit);
    }

    /** The name in the given language, falling back to the language without region, then to English. */
    public String name(String languageTag) {
        if (languageTag != null) {
            String exact = names.get(languageTag);
            if (exact != null) {
                return exact;
            }
            String language = Locale.forLanguageTag(languageTag).getLanguage();
            if (names.containsKey(language)) {
                return names.get(language);
            }
        }
        return names.get("en");
    }

    private static Map<String, String> validNames(Map<String, String> names) {
        if (names == null || !hasText(names.get("en")) || !hasText(names.get("fr"))) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.NAMES_INVALID, "names in English (en) and French (fr) are required");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        names.forEach((tag, name) -> {
            if (!hasText(name) || !isLanguageTag(tag)) {
                throw new InvalidServiceTypeException(InvalidServiceTypeException.NAMES_INVALID,
                        "names need a BCP 47 language tag and a text, got " + tag);
            }
            copy.put(tag, name.strip());
        });
        return Collections.unmodifiableMap(copy);
    }

    static boolean isLanguageTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return !locale.getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static void requireNotShorter(ServiceStandard standard, ServiceStandard limit) {
        int comparison;
        if (standard instanceof ServiceStandard.BusinessDays s && limit instanceof ServiceStandard.BusinessDays l) {
            comparison = Integer.compare(l.days(), s.days());
        } else if (standard instanceof ServiceStandard.CalendarDays s && limit instanceof ServiceStandard.CalendarDays l) {
            comparison = Integer.compare(l.days(), s.days());
        } else if (standard instanceof ServiceStandard.Elapsed s && limit instanceof ServiceStandard.Elapsed l) {
            comparison = l.duration().compareTo(s.duration());
        } else {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.LEGAL_LIMIT_INCOMPARABLE,
                    "the legal time limit (" + limit + ") must count in the same unit as the standard (" + standard + ")");
        }
        if (comparison < 0) {
            throw new InvalidServiceTypeException(InvalidServiceTypeException.LEGAL_LIMIT_SHORTER,
                    "the legal time limit (" + limit + ") is shorter than the standard (" + standard + ")");
        }
    }
}
