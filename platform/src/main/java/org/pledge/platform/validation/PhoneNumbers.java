package org.pledge.platform.validation;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Phone numbers to E.164 ({@code +15145550123}) with libphonenumber. A number written without its country code is
 * read in the region of the client's language tag ({@code fr-CA} → CA), else in the default region
 * ({@code pledge.phone.default-region}, CA). A number libphonenumber cannot parse, or parses but finds not valid for
 * its region (wrong length, unassigned prefix), is refused. The input is checked to be short single-line text before
 * it is parsed.
 */
public final class PhoneNumbers {

    /** Longer input is refused before parsing (an E.164 number has at most 15 digits; formatting adds some). */
    public static final int MAX_INPUT_LENGTH = 64;
    public static final String DEFAULT_REGION = "CA";

    /**
     * What a phone number may be written with: an optional leading {@code +}, then digits, spaces and the usual
     * separators {@code ( ) . - /}; no letters (so no trailing words that a lenient parser would drop), no extensions.
     */
    public static final String INPUT_PATTERN = "\\+?[0-9 ()./-]{3,40}";
    public static final String MESSAGE = "must be a valid phone number, e.g. +1 514 555 0123 (in E.164 or in the client's country's format)";

    private static final java.util.regex.Pattern INPUT = java.util.regex.Pattern.compile(INPUT_PATTERN);
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    public PhoneNumbers(String defaultRegion) {
        String region = defaultRegion == null ? DEFAULT_REGION : defaultRegion.toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("pledge.phone.default-region is not a region libphonenumber knows: " + defaultRegion);
        }
        this.defaultRegion = region;
    }

    /** With the default region CA. */
    public static PhoneNumbers withDefaults() {
        return new PhoneNumbers(DEFAULT_REGION);
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** The number in E.164, or empty when it is not a valid phone number. */
    public Optional<String> toE164(String raw, String languageTag) {
        if (raw == null || raw.length() > MAX_INPUT_LENGTH || !INPUT.matcher(raw).matches() || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, region(languageTag));
            return UTIL.isValidNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The region of a language tag ({@code fr-CA} → CA) when libphonenumber knows it, else the default region. */
    String region(String languageTag) {
        if (languageTag != null && ContactRules.isLanguageTag(languageTag)) {
            String country = Locale.forLanguageTag(languageTag).getCountry();
            if (!country.isEmpty() && UTIL.getSupportedRegions().contains(country)) {
                return country;
            }
        }
        return defaultRegion;
    }
}
