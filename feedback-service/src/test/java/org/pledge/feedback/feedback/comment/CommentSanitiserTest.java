package org.pledge.feedback.feedback.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and tricky HTML becomes its text, nothing more: expectations worked out by hand. */
class CommentSanitiserTest {

    private final CommentSanitiser sanitiser = new CommentSanitiser();

    static Stream<Arguments> hostileAndTrickyHtml() {
        return Stream.of(
                arguments("plain text", "Waited too long.", "Waited too long."),
                arguments("script dropped with its content", "Hi<script>alert('x')</script> there", "Hi there"),
                arguments("script in upper case", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>ok", "ok"),
                arguments("event handler on an image", "<img src=x onerror=alert(1)>Nice staff", "Nice staff"),
                arguments("event handler on a bold tag", "<b onmouseover=\"steal()\">Great</b> service", "Great service"),
                arguments("javascript link keeps its text", "<a href=\"javascript:alert(1)\">click me</a>", "click me"),
                arguments("link text kept, address dropped", "see <a href='http://evil.example'>this</a>", "see this"),
                arguments("style dropped with its content", "<style>body{display:none}</style>Fine", "Fine"),
                arguments("iframe dropped", "<iframe src=\"javascript:alert(1)\"></iframe>Fine", "Fine"),
                arguments("svg with onload dropped", "<svg onload=alert(1)><circle/></svg>Fine", "Fine"),
                arguments("entities decoded to text", "Fish &amp; chips &lt;3 &eacute;t&eacute; &#233;", "Fish & chips <3 été é"),
                arguments("encoded script stays text, harmless", "&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
                arguments("nested tags", "<div><p><b><i>Very</i> slow</b></p></div>", "Very slow"),
                arguments("unclosed tag", "Slow <b>really slow", "Slow really slow"),
                // an unclosed quote swallows the rest into the attribute: nothing of it is text
                arguments("broken tag", "Slow <b class=\"x>really</b> slow", "Slow"),
                arguments("paragraphs apart by an empty line", "<p>First</p><p>Second</p>", "First\n\nSecond"),
                arguments("line break tag", "One<br>Two", "One\nTwo"),
                arguments("comment dropped", "Good<!-- <script>x</script> -->job", "Goodjob"),
                arguments("mentions javascript, kept", "The javascript on your site is broken", "The javascript on your site is broken"),
                arguments("mentions javascript: as text, kept", "Typing javascript: in the box did nothing",
                        "Typing javascript: in the box did nothing"),
                arguments("less-than in text kept", "3 < 5 and 5 > 3", "3 < 5 and 5 > 3"),
                arguments("blanks collapsed", "  lots   of    space  ", "lots of space"),
                arguments("zero-width characters removed", "ma\u200Brie", "marie"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileAndTrickyHtml")
    void sanitise_keepsTheTextOnly(String name, String input, String expected) {
        assertThat(sanitiser.sanitise(input)).isEqualTo(expected);
    }
}
