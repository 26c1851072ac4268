package org.pledge.feedback.feedback.comment;

import java.util.List;
import java.util.Set;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;

/**
 * A comment as text: every HTML tag and attribute gone, the content of scripts, styles and other non-text elements
 * gone, entities decoded to the characters they stand for, and the text kept. Parsed by the OWASP Java HTML Sanitizer
 * (its lenient HTML parser: broken and nested tags, unclosed quotes), whose policy lets no element through but the
 * block elements that separate text (they become line breaks); the text itself is collected as characters, never as
 * HTML. Line breaks are kept, other runs of blanks become one space, control characters go.
 */
public final class CommentSanitiser {

    private static final Set<String> BREAKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "ul", "ol", "table", "hr");
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder().allowElements(BREAKS.toArray(String[]::new)).toFactory();

    /** The text of {@code html}; null stays null. */
    public String sanitise(String html) {
        if (html == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(html.length());
        HtmlStreamEventReceiver collector = new HtmlStreamEventReceiver() {
            @Override
            public void openDocument() {
            }

            @Override
            public void closeDocument() {
            }

            @Override
            public void openTag(String elementName, List<String> attrs) {
                text.append('\n');
            }

            @Override
            public void closeTag(String elementName) {
                text.append('\n');
            }

            @Override
            public void text(String characters) {
                text.append(characters);
            }
        };
        HtmlSanitizer.sanitize(html, POLICY.apply(collector));
        return tidy(text);
    }

    /** Control characters out, blanks collapsed within a line, at most one empty line in a row, trimmed. */
    static String tidy(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int newlines = 0;
        boolean blank = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    continue;
                }
                newlines++;
                blank = false;
                continue;
            }
            if (Character.getType(c) == Character.FORMAT) {
                continue; // zero-width and direction marks: invisible, and a way to hide an address from the masker
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                blank = true;
                continue;
            }
            if (out.length() > 0) {
                if (newlines > 0) {
                    out.append(newlines > 1 ? "\n\n" : "\n");
                } else if (blank) {
                    out.append(' ');
                }
            }
            newlines = 0;
            blank = false;
            out.append(c);
        }
        return out.toString();
    }
}
