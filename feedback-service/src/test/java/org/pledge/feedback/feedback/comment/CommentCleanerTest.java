package org.pledge.feedback.feedback.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sanitising and masking together: what a hostile or careless comment is stored as. */
class CommentCleanerTest {

    private final CommentCleaner cleaner = new CommentCleaner("CA");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            email in a mailto link           | <a href="mailto:marie@example.org">marie@example.org</a> | [email]
            email split by a tag             | marie<b></b>@example.org                              | [email]
            email hidden in entities         | marie&#64;example&#46;org                             | [email]
            phone in a script, gone          | <script>var p='514-555-0123'</script>Thanks           | Thanks
            phone in bold                    | Call <b>514 555 0123</b>                              | Call [phone]
            card in a handler, gone          | <img onerror="x('4111111111111111')" src=x>ok         | ok
            nothing but tags                 | <p></p><br>                                           |
            """)
    void clean_sanitisesThenMasks(String name, String input, String expected) {
        assertThat(cleaner.clean(input)).isEqualTo(expected);
    }
}
