package org.pledge.platform.privacy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import org.pledge.platform.api.PersonalData;

/**
 * The Jackson module behind the platform's Axon serializers (events, snapshots and sagas, messages) that keeps
 * {@link PersonalData} values encrypted in storage, through {@link PersonalDataCipher}: each marked component is
 * written in the cipher's stored form (or as the marker once its subject is erased), and every object of a type with
 * marked components is read back with them revealed. Registered only on the Axon serializers' mapper, never on the
 * web's {@code ObjectMapper} (an API answer or a Kafka record carries the values themselves, or the marker).
 */
public final class PersonalDataModule extends SimpleModule {

    public PersonalDataModule(PersonalDataCipher cipher) {
        super("PledgePersonalData");
        setSerializerModifier(new Encrypting(cipher));
        setDeserializerModifier(new Revealing(cipher));
    }

    private static final class Encrypting extends BeanSerializerModifier {
        private final PersonalDataCipher cipher;

        Encrypting(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                         List<BeanPropertyWriter> writers) {
            PersonalDataFields fields = PersonalDataFields.of(description.getBeanClass());
            if (!fields.any()) {
                return writers;
            }
            Set<String> unmatched = new HashSet<>();
            fields.marked().forEach(m -> unmatched.add(m.name()));
            List<BeanPropertyWriter> changed = new ArrayList<>(writers.size());
            for (BeanPropertyWriter writer : writers) {
                PersonalDataFields.Marked marked = fields.marked().stream()
                        .filter(m -> m.name().equals(writer.getName()) || m.name().equals(writer.getMember().getName()))
                        .findFirst().orElse(null);
                if (marked == null) {
                    changed.add(writer);
                } else {
                    unmatched.remove(marked.name());
                    changed.add(new EncryptingWriter(writer, fields, marked.subject(), cipher));
                }
            }
            if (!unmatched.isEmpty()) {
                throw new PersonalDataException("personal data of " + description.getBeanClass().getName() + " " + unmatched
                        + " would be written by Jackson under another name: keep marked components under their own names");
            }
            return changed;
        }
    }

    /** Writes a marked value in its stored form; the subject is read from the same object. */
    private static final class EncryptingWriter extends BeanPropertyWriter {
        private final transient PersonalDataFields fields;
        private final String subject;
        private final transient PersonalDataCipher cipher;

        EncryptingWriter(BeanPropertyWriter base, PersonalDataFields fields, String subject, PersonalDataCipher cipher) {
            super(base);
            this.fields = fields;
            this.subject = subject;
            this.cipher = cipher;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider provider) throws Exception {
            Object value = get(bean);
            if (value == null) {
                super.serializeAsField(bean, gen, provider); // null as the mapper writes nulls
                return;
            }
            String subjectRef = fields.subjectValue(bean, subject);
            if (subjectRef == null || subjectRef.isBlank()) {
                throw new PersonalDataException(bean.getClass().getName() + "." + getName() + " is personal data of the subject in '"
                        + subject + "', which is empty: it cannot be stored");
            }
            String stored = cipher.protect(subjectRef, (String) value);
            gen.writeFieldName(_name);
            gen.writeString(stored);
        }
    }

    private static final class Revealing extends BeanDeserializerModifier {
        private final PersonalDataCipher cipher;

        Revealing(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            PersonalDataFields fields = PersonalDataFields.of(description.getBeanClass());
            return fields.any() ? new RevealingDeserializer(deserializer, fields, cipher) : deserializer;
        }
    }

    /** Reads the object as the mapper would, then reveals its marked values. */
    private static final class RevealingDeserializer extends DelegatingDeserializer {
        private final transient PersonalDataFields fields;
        private final transient PersonalDataCipher cipher;

        RevealingDeserializer(JsonDeserializer<?> delegate, PersonalDataFields fields, PersonalDataCipher cipher) {
            super(delegate);
            this.fields = fields;
            this.cipher = cipher;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new RevealingDeserializer(newDelegatee, fields, cipher);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return fields.reveal(_delegatee.deserialize(p, ctxt), cipher);
        }

        @SuppressWarnings("unchecked")
        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
            return fields.reveal(((JsonDeserializer<Object>) _delegatee).deserialize(p, ctxt, intoValue), cipher);
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
                throws IOException {
            return fields.reveal(_delegatee.deserializeWithType(p, ctxt, typeDeserializer), cipher);
        }
    }
}
