package org.pledge.platform.validation;

import java.io.IOException;
import java.time.temporal.TemporalAccessor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * A JSON value is read as the type it was written as, exactly, or refused (400 {@code request.malformed}); Jackson
 * would otherwise "help":
 * <ul>
 *   <li>a number or boolean is not text ({@code "assignee": 42}), a number is not a boolean ({@code "guaranteed": 1}),
 *       a date or instant ({@code "receivedAt": 42}), nor an enum constant by position ({@code "outcome": 1} or
 *       {@code "1"});</li>
 *   <li>an enum constant, a date, a time, an instant, a duration or a zone written as a string is exactly that: no
 *       leading or trailing blanks and no control characters, which Jackson would trim away ({@code "MAIL\u0000"} read
 *       as {@code MAIL}).</li>
 * </ul>
 * A number written as a string stays allowed for numbers ({@code "amount": "120.00"}: money is documented that way).
 */
public final class StrictScalarsModule extends SimpleModule {

    public StrictScalarsModule() {
        super("pledge-strict-scalars");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return new ExactText(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> raw = beanDesc.getBeanClass();
                boolean time = TemporalAccessor.class.isAssignableFrom(raw) || raw == java.time.Duration.class
                        || raw == java.time.Period.class || java.time.ZoneId.class.isAssignableFrom(raw);
                return time ? new ExactText(deserializer) : deserializer;
            }
        });
    }

    /** Registers the module and the coercion rules on {@code mapper}. */
    public static void applyTo(ObjectMapper mapper) {
        mapper.registerModule(new StrictScalarsModule());
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Enum).setCoercion(shape, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        // a whole number is written as one: 1.000000001 (or 1.0) is refused, never truncated to 1
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    /**
     * Refuses a number (an instant is not seconds since 1970 here) and a string value with blanks around it or control
     * characters in it, then reads it as before.
     */
    private static final class ExactText extends DelegatingDeserializer {

        ExactText(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new ExactText(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                if (!text.equals(text.strip()) || !TextRules.isSingleLine(text, Integer.MAX_VALUE)) {
                    return ctxt.handleWeirdStringValue(handledType(), text,
                            "blanks around the value or control characters in it");
                }
            }
            return super.deserialize(p, ctxt);
        }
    }
}
