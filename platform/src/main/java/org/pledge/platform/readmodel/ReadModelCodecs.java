package org.pledge.platform.readmodel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * The codecs read models are read and written with: the driver's defaults
 * ({@link MongoClientSettings#getDefaultCodecRegistry()}, whatever registry the client was configured with), so records go through the driver's record codec ({@code @BsonId} component as {@code _id},
 * {@code @BsonProperty} for another name, null components left out), {@code Instant} as a BSON date (milliseconds),
 * enums by name, {@code int}/{@code long} as int32/int64, nested records as embedded documents. A read model adds the
 * explicit codecs its stored shape needs in front of them, e.g. {@link #bigDecimalAsString()} where amounts are stored
 * as strings, or {@link #localDateAsString()} for ISO dates.
 */
public final class ReadModelCodecs {

    private ReadModelCodecs() {
    }

    /** The driver's default codecs, with {@code first} taking precedence for their types. */
    public static CodecRegistry registry(Codec<?>... first) {
        return first.length == 0 ? MongoClientSettings.getDefaultCodecRegistry()
                : CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(first), MongoClientSettings.getDefaultCodecRegistry());
    }

    /** Collection {@code name} of {@code database}, read and written as {@code type} with {@link #registry}. */
    public static <T> MongoCollection<T> collection(MongoDatabase database, String name, Class<T> type, Codec<?>... first) {
        return collection(database.getCollection(name), type, first);
    }

    /** {@code collection}, read and written as {@code type} with {@link #registry}. */
    public static <T> MongoCollection<T> collection(MongoCollection<?> collection, Class<T> type, Codec<?>... first) {
        return collection.withDocumentClass(type).withCodecRegistry(registry(first));
    }

    /** A {@link BigDecimal} as its plain string ({@code "120.00"}: exact, scale kept), never Decimal128. */
    public static Codec<BigDecimal> bigDecimalAsString() {
        return new AsString<>(BigDecimal.class, BigDecimal::toPlainString, BigDecimal::new);
    }

    /** A {@link LocalDate} as its ISO-8601 string ({@code "2025-12-25"}), never a BSON date at midnight UTC. */
    public static Codec<LocalDate> localDateAsString() {
        return new AsString<>(LocalDate.class, LocalDate::toString, LocalDate::parse);
    }

    /** A value stored as a BSON string. */
    private record AsString<T>(Class<T> type, Function<T, String> write, Function<String, T> read) implements Codec<T> {

        @Override
        public void encode(BsonWriter writer, T value, EncoderContext context) {
            writer.writeString(write.apply(value));
        }

        @Override
        public T decode(BsonReader reader, DecoderContext context) {
            return read.apply(reader.readString());
        }

        @Override
        public Class<T> getEncoderClass() {
            return type;
        }
    }
}
