package org.pledge.cases.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A published service standard: N business days, N calendar days, or an exact ISO-8601 duration.
 *
 * <p>String form (what {@link #parse} accepts and {@link #toString} writes; case-insensitive, any
 * whitespace between words):
 * <ul>
 *   <li>{@code "10 business days"} (singular {@code "1 business day"} also accepted and written)</li>
 *   <li>{@code "30 calendar days"} ({@code "1 calendar day"})</li>
 *   <li>an ISO-8601 duration as {@link Duration#parse} reads it, e.g. {@code "PT2M"}, {@code "PT48H"},
 *       {@code "P2D"} (= 48 hours of elapsed time, not two calendar days); written by
 *       {@link Duration#toString}</li>
 * </ul>
 * The string form is what events carry, so it is stable: {@code parse(s.toString()).equals(s)}.
 */
public sealed interface ServiceStandard {

    /** Upper bound for day standards (ten years of calendar days), so that no count runs away. */
    int MAX_DAYS = 3660;

    /** Upper bound for duration standards: as long as the longest day standard, so no deadline overflows. */
    Duration MAX_DURATION = Duration.ofDays(MAX_DAYS);

    /** N business days of the case's business calendar. */
    record BusinessDays(int days) implements ServiceStandard {
        public BusinessDays {
            requireDays(days);
        }

        @Override
        public String toString() {
            return days + (days == 1 ? " business day" : " business days");
        }
    }

    /** N calendar days (every day counts; the calendar only gives the time zone). */
    record CalendarDays(int days) implements ServiceStandard {
        public CalendarDays {
            requireDays(days);
        }

        @Override
        public String toString() {
            return days + (days == 1 ? " calendar day" : " calendar days");
        }
    }

    /** An exact amount of elapsed time, regardless of days and zones. */
    record Elapsed(Duration duration) implements ServiceStandard {
        public Elapsed {
            Objects.requireNonNull(duration, "duration");
            if (duration.isZero() || duration.isNegative()) {
                throw new InvalidServiceLevelException(InvalidServiceLevelException.STANDARD_NOT_POSITIVE,
                        "a duration standard must be positive, was " + duration);
            }
            if (duration.compareTo(MAX_DURATION) > 0) {
                throw new InvalidServiceLevelException(InvalidServiceLevelException.STANDARD_TOO_LONG,
                        "a duration standard may not exceed " + MAX_DURATION + ", was " + duration);
            }
        }

        @Override
        public String toString() {
            return duration.toString();
        }
    }

    static ServiceStandard businessDays(int days) {
        return new BusinessDays(days);
    }

    static ServiceStandard calendarDays(int days) {
        return new CalendarDays(days);
    }

    static ServiceStandard elapsed(Duration duration) {
        return new Elapsed(duration);
    }

    /** True for business-day and calendar-day standards, whose deadlines fall at local midnight. */
    default boolean countsDays() {
        return !(this instanceof Elapsed);
    }

    /**
     * Reads the documented string form.
     *
     * @throws InvalidServiceLevelException {@code sla.standard.unparseable}, {@code sla.standard.not-positive}
     *                                      or {@code sla.standard.too-long}
     */
    static ServiceStandard parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.STANDARD_UNPARSEABLE, "no service standard given");
        }
        if (text.length() > 64) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.STANDARD_UNPARSEABLE, "a service standard has at most 64 characters");
        }
        String normalized = text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        Matcher days = Forms.DAYS.matcher(normalized);
        if (days.matches()) {
            int n;
            try {
                n = Integer.parseInt(days.group(1));
            } catch (NumberFormatException tooBig) {
                throw new InvalidServiceLevelException(InvalidServiceLevelException.STANDARD_TOO_LONG, "too many days: " + text);
            }
            return "business".equals(days.group(2)) ? new BusinessDays(n) : new CalendarDays(n);
        }
        if (normalized.startsWith("p") || normalized.startsWith("-p")) {
            try {
                return new Elapsed(Duration.parse(normalized.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException | ArithmeticException e) {
                // fall through to the generic message
            }
        }
        throw new InvalidServiceLevelException(InvalidServiceLevelException.STANDARD_UNPARSEABLE,
                "not a service standard (expected e.g. '10 business days', '30 calendar days' or 'PT2M'): " + text);
    }

    private static void requireDays(int days) {
        if (days < 1) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.STANDARD_NOT_POSITIVE,
                    "a day standard needs at least one day, was " + days);
        }
        if (days > MAX_DAYS) {
            throw new InvalidServiceLevelException(InvalidServiceLevelException.STANDARD_TOO_LONG,
                    "a day standard may not exceed " + MAX_DAYS + " days, was " + days);
        }
    }

    /** Holder for the patterns (interfaces cannot have private static fields). */
    final class Forms {
        static final Pattern DAYS = Pattern.compile("(\\d{1,9}) (business|calendar) days?");

        private Forms() {
        }
    }
}
