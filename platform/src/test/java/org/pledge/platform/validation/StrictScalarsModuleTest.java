package org.pledge.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A JSON value is read as the type it was written as, exactly. */
class StrictScalarsModuleTest {

    enum Outcome { APPROVED, REFUSED }

    record Request(String name, Boolean guaranteed, Outcome outcome, Instant receivedAt, LocalDate holiday, BigDecimal amount) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        StrictScalarsModule.applyTo(mapper);
        return mapper;
    }

    @Test
    void valuesOfTheirOwnTypes_areRead_andNumbersMayBeStrings() throws Exception {
        Request read = mapper.readValue("""
                {"name":"Ana","guaranteed":true,"outcome":"REFUSED","receivedAt":"2026-03-01T10:00:00Z",
                 "holiday":"2026-12-25","amount":"120.00"}""", Request.class);

        assertThat(read).isEqualTo(new Request("Ana", true, Outcome.REFUSED, Instant.parse("2026-03-01T10:00:00Z"),
                LocalDate.parse("2026-12-25"), new BigDecimal("120.00")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":42}", "{\"name\":4.2}", "{\"name\":true}", // not text
            "{\"guaranteed\":1}", "{\"guaranteed\":0.0}", // not a boolean
            "{\"outcome\":1}", "{\"outcome\":\"1\"}", // not an enum constant by position
            "{\"receivedAt\":42}", "{\"receivedAt\":4.2}", "{\"holiday\":42}", // not a date or an instant
            "{\"outcome\":\"REFUSED \"}", "{\"outcome\":\" REFUSED\"}", "{\"outcome\":\"REFUSED\\u0000\"}",
            "{\"outcome\":\"REF\\u202eUSED\"}", "{\"outcome\":\"REFUSED\\t\"}", // no trimming of enum constants
            "{\"receivedAt\":\"2026-03-01T10:00:00Z\\u0007\"}", "{\"holiday\":\" 2026-12-25\"}",
            "{\"holiday\":\"2026-12-25\\n\"}" // nor of dates and instants
    })
    void aValueOfAnotherTypeOrWithBlanksOrControlCharacters_isRefused(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Request.class)).isInstanceOf(MismatchedInputException.class);
    }

    record Days(Integer days, int count) {
    }

    @Test
    void aFraction_isRefused_whenTheFieldIsAWholeNumber() throws Exception {
        assertThat(mapper.readValue("{\"days\":5,\"count\":2}", Days.class)).isEqualTo(new Days(5, 2));
        assertThatThrownBy(() -> mapper.readValue("{\"days\":1.000000001}", Days.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"count\":2.5}", Days.class)).isInstanceOf(MismatchedInputException.class);
        // Jackson alone truncates it
        assertThat(new ObjectMapper().readValue("{\"days\":1.000000001}", Days.class).days()).isEqualTo(1);
    }

    @Test
    void withoutTheModule_jacksonWouldHaveTakenThemAll() throws Exception {
        ObjectMapper lenient = new ObjectMapper().registerModule(new JavaTimeModule());
        assertThat(lenient.readValue("{\"name\":42,\"outcome\":1,\"guaranteed\":1}", Request.class))
                .extracting(Request::name, Request::outcome, Request::guaranteed).containsExactly("42", Outcome.REFUSED, true);
        assertThat(lenient.readValue("{\"outcome\":\"REFUSED\\u0000\"}", Request.class).outcome()).isEqualTo(Outcome.REFUSED);
    }
}
