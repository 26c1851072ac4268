package org.pledge.feedback.feedback.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Masks what in a comment could identify or reach a person, in this order (each on what the earlier ones left):
 * <ol>
 *   <li>email addresses → {@code [email]};</li>
 *   <li>card numbers: 13 to 19 digits, alone or in groups split by single spaces or dashes, that pass the Luhn check →
 *   {@code [card]};</li>
 *   <li>IBANs (two letters, two check digits, 11 to 30 letters and digits, grouped by fours or not) → {@code [account]};</li>
 *   <li>phone numbers, as libphonenumber finds them in text (national numbers of {@code defaultRegion}, any
 *   international number with {@code +}, with spaces, dots, dashes, brackets, extensions; a bare run of digits only when
 *   it is a valid number) → {@code [phone]};</li>
 *   <li>what is left of long digit runs, account-like: 8 or more digits in a row, or 10 or more in groups split by
 *   single spaces or dashes → {@code [account]}.</li>
 * </ol>
 * Dates ({@code 2025-03-12}), amounts ({@code $120.00}), times and short references stay.
 */
public final class PersonalDataMasker {

    public static final String EMAIL = "[email]";
    public static final String PHONE = "[phone]";
    public static final String CARD = "[card]";
    public static final String ACCOUNT = "[account]";

    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
                    + "\\s?@\\s?(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}[\\p{L}\\p{N}-]{0,62}");
    private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<![\\p{L}\\p{N}])\\d+(?:[ -]\\d+)*(?![\\p{L}\\p{N}])");
    private static final Pattern IBAN = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![\\p{L}\\p{N}])");
    private static final Pattern LONG_RUN = Pattern.compile("(?<![\\p{L}\\p{N}])\\d{8,}(?![\\p{L}\\p{N}])");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** @param defaultRegion the region of national numbers written without a country code (ISO 3166, e.g. {@code CA}) */
    public PersonalDataMasker(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** {@code text} with its personal data masked; null stays null. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = EMAIL_ADDRESS.matcher(text).replaceAll(Matcher.quoteReplacement(EMAIL));
        masked = replaceGroups(masked, 13, 19, true, CARD);
        masked = IBAN.matcher(masked).replaceAll(Matcher.quoteReplacement(ACCOUNT));
        masked = maskPhones(masked);
        masked = LONG_RUN.matcher(masked).replaceAll(Matcher.quoteReplacement(ACCOUNT));
        return replaceGroups(masked, 10, Integer.MAX_VALUE, false, ACCOUNT);
    }

    private String maskPhones(String text) {
        List<int[]> spans = new ArrayList<>();
        for (PhoneNumberMatch match : phones.findNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            // written as a phone number (a +, brackets, separators): possible is enough; bare digits must be a valid number
            if (!match.rawString().chars().allMatch(Character::isDigit) || phones.isValidNumber(match.number())) {
                spans.add(new int[] {match.start(), match.end()});
            }
        }
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (int[] span : spans) {
            out.append(text, at, span[0]).append(PHONE);
            at = span[1];
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Replaces digit groups of {@code min}..{@code max} digits in all (Luhn-valid ones only when {@code luhn}). */
    private static String replaceGroups(String text, int min, int max, boolean luhn, String mask) {
        Matcher matcher = DIGIT_GROUPS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            if (digits.length() >= min && digits.length() <= max && (!luhn || luhnValid(digits))) {
                out.append(text, at, matcher.start()).append(mask);
                at = matcher.end();
            }
        }
        return out.append(text, at, text.length()).toString();
    }

    /** The Luhn (mod 10) check of card numbers. */
    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
