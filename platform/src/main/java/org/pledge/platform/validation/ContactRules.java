package org.pledge.platform.validation;

import java.util.regex.Pattern;

/**
 * Contact points. An email address is a documented, deliberately strict subset of RFC 5321/5322 that every mail
 * system accepts, so nothing it holds can break out of a mail header:
 * <ul>
 *   <li>at most {@value #EMAIL_MAX_LENGTH} characters in all, at most 64 before the {@code @};</li>
 *   <li>local part: dot-separated runs of ASCII letters, digits and {@code !#$%&'*+/=?^_`{|}~-} (no quoted strings,
 *       no comments, no white space, no leading, trailing or double dot);</li>
 *   <li>domain: two or more labels of ASCII letters, digits and inner hyphens (1–63 each), the last one 2–63
 *       letters (an internationalised domain is written in its {@code xn--} form); no IP literals.</li>
 * </ul>
 * The pattern's repetitions are all bounded, so a long input is refused in bounded time.
 */
public final class ContactRules {

    public static final int EMAIL_MAX_LENGTH = 254;

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

    /** A whole email address (see the class comment); use with {@code @Size(max = EMAIL_MAX_LENGTH)}. */
    public static final String EMAIL = "(?=[^@]{1,64}@)" + ATOM + "(?:\\." + ATOM + "){0,31}"
            + "@(?:" + LABEL + "\\.){1,126}[A-Za-z]{2,63}";

    public static final String EMAIL_MESSAGE = "must be an email address such as name@example.org (ASCII, no spaces or control characters)";

    private static final Pattern EMAIL_PATTERN = Pattern.compile(EMAIL);

    public static final int LANGUAGE_TAG_MAX_LENGTH = 35;

    /**
     * The shape of a BCP 47 language tag (letters, digits, hyphen-separated subtags of 1–8, the first 2–8 letters);
     * {@link #isLanguageTag} also checks it is well-formed by {@link java.util.Locale.Builder#setLanguageTag}.
     */
    public static final String LANGUAGE_TAG = "[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,16}";

    public static final String LANGUAGE_TAG_MESSAGE = "must be a BCP 47 language tag such as fr-CA";

    private static final Pattern LANGUAGE_TAG_PATTERN = Pattern.compile(LANGUAGE_TAG);

    private ContactRules() {
    }

    /** True when {@code email} is an email address by the rules above. */
    public static boolean isEmail(String email) {
        return email != null && email.length() <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.matcher(email).matches();
    }

    public static final int POSTAL_ADDRESS_MAX_LENGTH = 512;
    public static final int POSTAL_ADDRESS_MAX_LINES = 8;
    public static final int POSTAL_ADDRESS_MAX_LINE_LENGTH = 100;
    public static final String POSTAL_ADDRESS_MESSAGE = "must be at most 8 lines (separated by line breaks) of at most 100 characters, "
            + "without other control characters";

    /**
     * True when {@code address} is a postal address: multi-line text ({@link TextRules#MULTI_LINE}) of at most
     * {@value #POSTAL_ADDRESS_MAX_LENGTH} characters and, once its line breaks are LF, at most
     * {@value #POSTAL_ADDRESS_MAX_LINES} lines of at most {@value #POSTAL_ADDRESS_MAX_LINE_LENGTH} characters each, not
     * all blank. Every script is allowed.
     */
    public static boolean isPostalAddress(String address) {
        if (!TextRules.isMultiLine(address, POSTAL_ADDRESS_MAX_LENGTH) || address.isBlank()) {
            return false;
        }
        String[] lines = address.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lines.length > POSTAL_ADDRESS_MAX_LINES) {
            return false;
        }
        for (String line : lines) {
            if (line.length() > POSTAL_ADDRESS_MAX_LINE_LENGTH) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code tag} is a well-formed BCP 47 language tag of at most 35 characters with a language. */
    public static boolean isLanguageTag(String tag) {
        if (tag == null || tag.length() > LANGUAGE_TAG_MAX_LENGTH || !LANGUAGE_TAG_PATTERN.matcher(tag).matches()) {
            return false;
        }
        try {
            return !new java.util.Locale.Builder().setLanguageTag(tag).build().getLanguage().isEmpty();
        } catch (java.util.IllformedLocaleException e) {
            return false;
        }
    }
}
