package org.pledge.cases.catalogue.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledge.platform.axon.EventRevisions;

/** Catalogue events are stored forever: revision 1, and a round trip through Axon's Jackson serializer gives them back equal. */
class CatalogueEventSerializationTest {

    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .revisionResolver(new EventRevisions())
            .build();

    static Stream<Object> events() {
        return Stream.of(
                new ServiceTypeDefinedEvent("PASSPORT", 2, Map.of("en", "Passport", "fr", "Passeport", "fr-CA", "Passeport"),
                        Money.of("120.00", "CAD"), "10 business days", "20 business days", new BigDecimal("0.8"), true, "CA-ON",
                        Instant.parse("2000-01-01T00:00:00Z"), T),
                new ServiceTypeDefinedEvent("DEMO", 1, Map.of("en", "Demo", "fr", "Démo"), Money.of("0", "JPY"), "PT2M", null,
                        new BigDecimal("0.75"), false, "CA-ON", T, T),
                new BusinessCalendarPublishedEvent("CA-ON", 3, "America/Toronto", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        List.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28")), List.of(LocalDate.parse("2026-12-28")),
                        List.of(LocalDate.parse("2026-12-24")), T));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void event_roundTripsThroughJackson_atRevision1(Object event) {
        SerializedObject<String> serialized = serializer.serialize(event, String.class);

        assertThat(serialized.getType().getRevision()).isEqualTo("1");
        Object back = serializer.deserialize(serialized);
        assertThat(back).isEqualTo(event);
    }
}
