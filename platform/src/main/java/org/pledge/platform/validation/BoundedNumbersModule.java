package org.pledge.platform.validation;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Jackson's number-length limit applies to JSON numbers only; a number written as a string ({@code "amount":
 * "1111…"}) is parsed by {@code new BigDecimal(text)}, whose cost grows with the square of its length. This module
 * applies the same limit ({@code StreamReadConstraints.maxNumberLength}) to strings read as {@link BigDecimal} or
 * {@link BigInteger}, before parsing; the failure is the same {@link StreamConstraintsException}, without the value.
 */
public final class BoundedNumbersModule extends SimpleModule {

    public BoundedNumbersModule() {
        super("pledge-bounded-numbers");
        addDeserializer(BigDecimal.class, new Bounded<>(BigDecimal.class, NumberDeserializers.BigDecimalDeserializer.instance));
        addDeserializer(BigInteger.class, new Bounded<>(BigInteger.class, NumberDeserializers.BigIntegerDeserializer.instance));
    }

    private static final class Bounded<T> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<T> delegate;

        Bounded(Class<T> type, JsonDeserializer<T> delegate) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                int max = p.streamReadConstraints().getMaxNumberLength();
                if (p.getTextLength() > max) {
                    throw new StreamConstraintsException("Number value length (" + p.getTextLength()
                            + ") exceeds the maximum allowed (" + max + ")");
                }
            }
            return delegate.deserialize(p, ctxt);
        }
    }
}
