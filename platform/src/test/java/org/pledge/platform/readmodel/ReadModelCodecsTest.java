package org.pledge.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonString;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.pojo.annotations.BsonId;
import org.junit.jupiter.api.Test;

class ReadModelCodecsTest {

    public record Fee(BigDecimal amount, String currency) {
    }

    public record Row(@BsonId String id, Fee fee, List<LocalDate> holidays, DayOfWeek day, Instant at) {
    }

    @Test
    void amountsAndDates_areStoredAsStrings_andComeBackExactly() {
        Codec<Row> codec = ReadModelCodecs.registry(ReadModelCodecs.bigDecimalAsString(), ReadModelCodecs.localDateAsString())
                .get(Row.class);
        Row row = new Row("r", new Fee(new BigDecimal("120.00"), "CAD"), List.of(LocalDate.of(2025, 12, 25)), DayOfWeek.SATURDAY,
                Instant.parse("2025-06-02T14:00:00.123Z"));

        BsonDocument stored = new BsonDocument();
        codec.encode(new BsonDocumentWriter(stored), row, EncoderContext.builder().build());

        assertThat(stored.getDocument("fee").get("amount")).isEqualTo(new BsonString("120.00")); // scale kept, not Decimal128
        assertThat(stored.getArray("holidays").get(0)).isEqualTo(new BsonString("2025-12-25"));
        assertThat(stored.get("day")).isEqualTo(new BsonString("SATURDAY"));
        assertThat(stored.get("at")).isEqualTo(new BsonDateTime(Instant.parse("2025-06-02T14:00:00.123Z").toEpochMilli()));
        Row back = codec.decode(new BsonDocumentReader(stored), DecoderContext.builder().build());
        assertThat(back).isEqualTo(row);
        assertThat(back.fee().amount().scale()).isEqualTo(2);
    }
}
