package org.pledge.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.junit.jupiter.api.Test;

class RecordFieldsTest {

    public record Stored(@BsonId String key, @BsonProperty("lastSequence") Long version, Instant at) {
    }

    @Test
    void names_areThoseTheDriversRecordCodecWrites() {
        RecordFields fields = RecordFields.of(Stored.class);

        assertThat(fields.name("key")).isEqualTo("_id");
        assertThat(fields.name("version")).isEqualTo("lastSequence");
        assertThat(fields.name("at")).isEqualTo("at");
        assertThat(fields.names()).containsExactly("_id", "lastSequence", "at");

        BsonDocument written = new BsonDocument();
        ReadModelCodecs.registry().get(Stored.class)
                .encode(new BsonDocumentWriter(written), new Stored("k", 3L, Instant.EPOCH), EncoderContext.builder().build());
        assertThat(written.keySet()).containsExactlyElementsOf(fields.names());
    }

    @Test
    void aNameOfNoComponent_isRefused() {
        assertThatThrownBy(() -> RecordFields.of(Stored.class).name("lastSequence"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Stored has no component lastSequence");
    }

    record Hidden(String a) {
    }

    @Test
    void aRecordTheDriverCannotRead_isRefused() {
        assertThatThrownBy(() -> RecordFields.of(Hidden.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be public");
    }
}
