package org.pledge.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;

import com.mongodb.MongoClientSettings;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.junit.jupiter.api.Test;

class RecordDocumentsTest {

    public record Line(String label, int count) {
    }

    public record Row(@BsonId String id, String name, Instant at, Line line, long seq) {
    }

    private final RecordDocuments<Row> rows = RecordDocuments.of(Row.class, MongoClientSettings.getDefaultCodecRegistry());

    @Test
    void toDocument_namesFieldsAfterComponents_andIdAsUnderscoreId() {
        Document document = rows.toDocument(new Row("r-1", "first", Instant.parse("2025-03-03T14:00:00Z"), new Line("a", 2), 7));

        assertThat(document).containsEntry("_id", "r-1").containsEntry("name", "first").containsEntry("seq", 7L)
                .containsEntry("at", Date.from(Instant.parse("2025-03-03T14:00:00Z")))
                .containsEntry("line", new Document("label", "a").append("count", 2));
    }

    @Test
    void fromDocument_skipsFieldsTheRecordLacks_andLeavesMissingOnesNull() {
        Row row = rows.fromDocument(new Document("_id", "r-2").append("seq", 3L).append("unknown", true));

        assertThat(row).isEqualTo(new Row("r-2", null, null, null, 3));
    }

    @Test
    void changing_givesTheChangeNull_whenThereIsNoDocument_andNullBackForNoChange() {
        assertThat(rows.changing(current -> current).apply(null)).isNull();
        Document created = rows.changing(current -> current == null ? new Row("r-3", "new", null, null, 0) : current).apply(null);
        assertThat(created).containsEntry("_id", "r-3").containsEntry("name", "new").doesNotContainKey("at");
    }
}
