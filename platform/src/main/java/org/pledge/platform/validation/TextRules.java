package org.pledge.platform.validation;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Free text from outside: every script is allowed (Latin, Arabic, Chinese, Devanagari, emoji, ...), control
 * characters are not.
 *
 * <ul>
 *   <li><b>Single-line text</b> ({@link #SINGLE_LINE}): no C0 or C1 control character (U+0000–U+001F, U+007F–U+009F,
 *       so no CR, LF or TAB), no line or paragraph separator (U+2028, U+2029), no bidirectional embedding, override or
 *       isolate control (U+202A–U+202E, U+2066–U+2069) and no unpaired surrogate. What names, references, codes and
 *       contact points must be: nothing in them can start a new line of a mail header or a log, nor reorder how a
 *       reader sees the text.</li>
 *   <li><b>Multi-line text</b> ({@link #MULTI_LINE}): the same, except that line breaks (LF, CR LF, CR) are allowed;
 *       {@link #multiLine} turns CR LF and a lone CR into LF.</li>
 * </ul>
 * The patterns are one negated character class each, which {@code java.util.regex} matches in a loop (no recursion,
 * no backtracking), so checking a long string costs linear time and cannot overflow the stack. Put them on request
 * fields with {@code @Pattern(regexp = TextRules.SINGLE_LINE)} (OpenAPI shows the pattern) next to a {@code @Size}.
 * Lengths are in UTF-16 code units, as {@code @Size} counts them.
 */
public final class TextRules {

    /** A whole single-line text (see the class comment). */
    public static final String SINGLE_LINE = "[^\\p{Cc}\\p{Cs}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]*";

    /** A whole multi-line text: as {@link #SINGLE_LINE}, plus LF and CR. */
    public static final String MULTI_LINE = "[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\p{Cs}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]*";

    /** The message of a violated text pattern. */
    public static final String SINGLE_LINE_MESSAGE = "must be one line of text without control characters";
    public static final String MULTI_LINE_MESSAGE = "must be text without control characters other than line breaks";

    private static final Pattern SINGLE = Pattern.compile(SINGLE_LINE);
    private static final Pattern MULTI = Pattern.compile(MULTI_LINE);

    private TextRules() {
    }

    /** True when {@code text} is single-line text of at most {@code maxLength} UTF-16 units (null is not). */
    public static boolean isSingleLine(String text, int maxLength) {
        return text != null && text.length() <= maxLength && SINGLE.matcher(text).matches();
    }

    /** True when {@code text} is multi-line text of at most {@code maxLength} UTF-16 units (null is not). */
    public static boolean isMultiLine(String text, int maxLength) {
        return text != null && text.length() <= maxLength && MULTI.matcher(text).matches();
    }

    /** The single-line text in Unicode NFC, with leading and trailing white space removed; null stays null. */
    public static String singleLine(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    /** The multi-line text in Unicode NFC, with CR LF and lone CR turned into LF and outer white space removed. */
    public static String multiLine(String text) {
        if (text == null) {
            return null;
        }
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(lf, Normalizer.Form.NFC).strip();
    }
}
