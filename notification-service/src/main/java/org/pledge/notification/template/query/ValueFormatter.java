package org.pledge.notification.template.query;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

import org.pledge.notification.template.api.PlaceholderType;
import org.pledge.notification.template.config.TemplateProperties;

/**
 * Writes a raw value ({@link PlaceholderType}) for a language:
 * <ul>
 *   <li>DATE: an ISO instant (or offset date-time, or a local date) as the date in the business zone, in the locale's long
 *       form: en-CA {@code January 15, 2027}, fr-CA {@code 15 janvier 2027} (and {@code 1er mars 2027});</li>
 *   <li>MONEY: {@code "<decimal> <ISO currency>"} through {@link BigDecimal} (never a double) in the locale's currency
 *       format: en-CA {@code $1,250.50}, fr-CA {@code 1 250,50 $}. The locale's own currency gets its plain symbol (CLDR
 *       writes {@code $ CA} in fr-CA), others keep theirs ({@code US$30.00}, {@code 30,00 $ US}); non-breaking spaces
 *       are written as plain spaces, which every channel (SMS, PDF fonts) carries;</li>
 *   <li>CODE: the language's wording ({@link CodeWording}); TEXT: as it is.</li>
 * </ul>
 * A missing value is written empty; a DATE or MONEY value that cannot be read is written as it is (never an exception
 * at send time), and {@link #valid} tells the preview which values are malformed.
 */
public final class ValueFormatter {

    private final TemplateProperties properties;
    private final CodeWording wording;

    public ValueFormatter(TemplateProperties properties, CodeWording wording) {
        this.properties = properties;
        this.wording = wording;
    }

    public String format(String language, String placeholder, PlaceholderType type, String raw) {
        if (raw == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> raw;
            case CODE -> wording.word(language, placeholder, raw);
            case DATE -> date(raw).map(d -> date(language, d)).orElse(raw);
            case MONEY -> money(language, raw).orElse(raw);
        };
    }

    /** Whether {@code raw} can be read as a value of {@code type}. */
    public static boolean valid(PlaceholderType type, String raw) {
        return switch (type) {
            case DATE -> raw != null && parseDate(raw, java.time.ZoneOffset.UTC).isPresent();
            case MONEY -> raw != null && parseMoney(raw) != null;
            default -> raw != null;
        };
    }

    private Optional<LocalDate> date(String raw) {
        return parseDate(raw, properties.zone());
    }

    private static Optional<LocalDate> parseDate(String raw, java.time.ZoneId zone) {
        String value = raw.strip();
        try {
            return Optional.of(Instant.parse(value).atZone(zone).toLocalDate());
        } catch (DateTimeException ignored) {
            // not an instant
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).atZoneSameInstant(zone).toLocalDate());
        } catch (DateTimeException ignored) {
            // not an offset date-time
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeException ignored) {
            return Optional.empty();
        }
    }

    String date(String language, LocalDate date) {
        Locale locale = properties.locale(language);
        String written = date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        if ("fr".equals(locale.getLanguage()) && date.getDayOfMonth() == 1 && written.startsWith("1 ")) {
            written = "1er " + written.substring(2); // French writes the first of the month as an ordinal
        }
        return plainSpaces(written);
    }

    private record Money(BigDecimal amount, Currency currency) {
    }

    private static Money parseMoney(String raw) {
        String[] parts = raw.strip().split("\\s+");
        if (parts.length != 2 || !parts[0].matches("-?[0-9]{1,15}(\\.[0-9]{1,6})?") || !parts[1].matches("[A-Z]{3}")) {
            return null;
        }
        try {
            return new Money(new BigDecimal(parts[0]), Currency.getInstance(parts[1]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Optional<String> money(String language, String raw) {
        Money money = parseMoney(raw);
        if (money == null) {
            return Optional.empty();
        }
        Locale locale = properties.locale(language);
        DecimalFormat format = (DecimalFormat) NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        if (isOwnCurrency(locale, money.currency())) {
            DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
            String symbol = plainSpaces(symbols.getCurrencySymbol());
            String suffix = " " + locale.getCountry();
            if (symbol.endsWith(suffix) && symbol.length() > suffix.length()) {
                symbols.setCurrencySymbol(symbol.substring(0, symbol.length() - suffix.length()));
                format.setDecimalFormatSymbols(symbols);
            }
        }
        int digits = Math.max(0, money.currency().getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(Math.max(digits, money.amount().stripTrailingZeros().scale()));
        return Optional.of(plainSpaces(format.format(money.amount())));
    }

    private static boolean isOwnCurrency(Locale locale, Currency currency) {
        try {
            return !locale.getCountry().isEmpty() && currency.equals(Currency.getInstance(locale));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String plainSpaces(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
