package org.pledge.console.shell;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.pledge.console.config.ConsoleProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times, money and percentages written in the person's locale (English or French, Canada), for templates:
 * {@code ${@fmt.money(claim.amount, claim.currency)}}, {@code ${@fmt.dateTime(case.deadline)}}. Amounts come from the
 * services as decimal strings and stay {@link BigDecimal}s: money is never a double.
 */
@Component("fmt")
public class ConsoleFormats {

    private final ZoneId zone;

    public ConsoleFormats(ConsoleProperties properties) {
        this.zone = properties.zone();
    }

    /** {@code 6.25} CAD: "$6.25" in English, "6,25 $" in French. Null or blank: an empty string. */
    public String money(Object amount, String currency) {
        if (amount == null || amount.toString().isBlank()) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(Currency.getInstance(currency));
        return format.format(new BigDecimal(amount.toString()));
    }

    /** A decimal percentage ({@code "87.5"}): "87.5%" / "87,5 %". */
    public String percent(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale());
        format.setMaximumFractionDigits(1);
        return format.format(new BigDecimal(value.toString()).movePointLeft(2));
    }

    /** An instant ({@code 2026-12-06T15:04:05Z} or an {@link Instant}) as a date and time in the console's zone. */
    public String dateTime(Object instant) {
        if (instant == null || instant.toString().isBlank()) {
            return "";
        }
        Instant at = instant instanceof Instant i ? i : Instant.parse(instant.toString());
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale()).withZone(zone)
                .format(at);
    }

    /** A date ({@code 2026-12-06} or a {@link LocalDate}) in the person's locale. */
    public String date(Object date) {
        if (date == null || date.toString().isBlank()) {
            return "";
        }
        LocalDate day = date instanceof LocalDate d ? d : LocalDate.parse(date.toString());
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(day);
    }

    /** A whole number with the locale's grouping ("12,345" / "12 345"). */
    public String number(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        return NumberFormat.getNumberInstance(locale()).format(new BigDecimal(value.toString()));
    }

    public ZoneId zone() {
        return zone;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
