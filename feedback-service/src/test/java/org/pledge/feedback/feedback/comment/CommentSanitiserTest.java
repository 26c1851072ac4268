package org.pledge.feedback.feedback.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile and tricky HTML becomes its text, nothing more: expectations worked out by hand. */
class CommentSanitiserTest {

    private final CommentSanitiser sanitiser = new CommentSanitiser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            plain text                                    | Waited too long.                                          | Waited too long.
            script dropped with its content               | Hi<script>alert('x')</script> there                       | Hi there
            script in upper case                          | <SCRIPT SRC=//evil.example/x.js></SCRIPT>ok               | ok
            event handler on an image                     | <img src=x onerror=alert(1)>Nice staff                    | Nice staff
            event handler on a bold tag                   | <b onmouseover="steal()">Great</b> service                | Great service
            javascript link keeps its text                | <a href="javascript:alert(1)">click me</a>                | click me
            link text kept, address dropped               | see <a href='http://evil.example'>this</a>                | see this
            style dropped with its content                | <style>body{display:none}</style>Fine                     | Fine
            iframe dropped                                | <iframe src="javascript:alert(1)"></iframe>Fine           | Fine
            svg with onload dropped                       | <svg onload=alert(1)><circle/></svg>Fine                  | Fine
            entities decoded to text                      | Fish &amp; chips &lt;3 &eacute;t&eacute; &#233;           | Fish & chips <3 été é
            encoded script stays text, harmless           | &lt;script&gt;alert(1)&lt;/script&gt;                     | <script>alert(1)</script>
            nested tags                                   | <div><p><b><i>Very</i> slow</b></p></div>                 | Very slow
            unclosed tag                                  | Slow <b>really slow                                       | Slow really slow
            broken tag                                    | Slow <b class="x>really</b> slow                          | Slow
            paragraphs apart by an empty line             | <p>First</p><p>Second</p>                                 | "First

            Second"
            line break tag                                | One<br>Two                                                | "One
            Two"
            comment dropped                               | Good<!-- <script>x</script> -->job                        | Goodjob
            mentions javascript, kept                     | The javascript on your site is broken                     | The javascript on your site is broken
            mentions javascript: as text, kept            | Typing javascript: in the box did nothing                 | Typing javascript: in the box did nothing
            less-than in text kept                        | 3 < 5 and 5 > 3                                           | 3 < 5 and 5 > 3
            blanks collapsed                              | "  lots   of    space  "                                  | lots of space
            zero-width characters removed                 | ma\u200Brie                                               | marie
            """)
    void sanitise_keepsTheTextOnly(String name, String input, String expected) {
        assertThat(sanitiser.sanitise(unescape(input))).isEqualTo(expected);
    }

    /** CSV cannot carry invisible characters legibly: {@code \\uXXXX} in a case stands for the character. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i) && i + 6 <= s.length()) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
