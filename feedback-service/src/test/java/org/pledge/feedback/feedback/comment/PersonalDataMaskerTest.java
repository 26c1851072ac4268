package org.pledge.feedback.feedback.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Emails, phones, cards and account numbers in many formats are masked; dates, amounts and short numbers stay. */
class PersonalDataMaskerTest {

    private final PersonalDataMasker masker = new PersonalDataMasker("CA");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain email                      | write to marie@example.org please           | write to [email] please
            email with plus and subdomain    | marie.t+pledge@mail.example.gc.ca           | [email]
            email in upper case              | MARIE@EXAMPLE.ORG                           | [email]
            email with blanks around the at  | marie @ example.org                         | [email]
            accented email                   | élise@exemple.québec                        | [email]
            two emails                       | a@b.co or c.d@e.fr                          | [email] or [email]
            at sign alone stays              | meet @ the office at 10                     | meet @ the office at 10
            north american dashes            | call 514-555-0123 now                       | call [phone] now
            north american brackets          | (514) 555-0123                              | [phone]
            north american dots              | 514.555.0123                                | [phone]
            north american with +1           | +1 514 555 0123                             | [phone]
            north american with 1-           | 1-800-555-0199                              | [phone]
            north american packed            | 5145550123                                  | [phone]
            north american with extension    | 514-555-0123 ext. 42                        | [phone]
            french                           | +33 1 23 45 67 89                           | [phone]
            british                          | +44 20 7946 0958                            | [phone]
            german                           | +49 30 901820                               | [phone]
            visa, spaced                     | card 4111 1111 1111 1111 was charged        | card [card] was charged
            mastercard, dashed               | 5555-5555-5555-4444                         | [card]
            amex, packed                     | 378282246310005                             | [card]
            card that fails luhn is an account | 4111 1111 1111 1112                       | [account]
            long digit run                   | my file 12345678 was lost                   | my file [account] was lost
            grouped digits                   | account 003 12345 6789013                   | account [account]
            iban                             | FR76 3000 6000 0112 3456 7890 189           | [account]
            date stays                       | on 2025-03-12 at 10:30                      | on 2025-03-12 at 10:30
            amount stays                     | paid $120.00 twice                          | paid $120.00 twice
            short numbers stay               | waited 3 hours, 45 minutes, room 204        | waited 3 hours, 45 minutes, room 204
            year stays                       | since 2019                                  | since 2019
            """)
    void mask_replacesPersonalData(String name, String input, String expected) {
        assertThat(masker.mask(input)).isEqualTo(expected);
    }

    @Test
    void luhn_acceptsValidCardNumbers_andRejectsOneDigitOff() {
        assertThat(PersonalDataMasker.luhnValid("79927398713")).isTrue();
        assertThat(PersonalDataMasker.luhnValid("79927398710")).isFalse();
    }
}
