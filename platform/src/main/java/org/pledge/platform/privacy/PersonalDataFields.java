package org.pledge.platform.privacy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pledge.platform.api.PersonalData;

/**
 * Which components of a type hold personal data ({@link PersonalData}) and of which subject, checked once per type: a
 * marked component must be a {@code String}, and its subject must name a {@code String} component of the same type
 * that is not marked itself; anything else is a {@link PersonalDataException} naming the type and component. A
 * service may call {@link #of} at start-up (or in a test) for its marked types; the serializers call it when they first
 * meet a type.
 */
public final class PersonalDataFields {

    private static final ClassValue<PersonalDataFields> CACHE = new ClassValue<>() {
        @Override
        protected PersonalDataFields computeValue(Class<?> type) {
            return inspect(type);
        }
    };

    /** A marked component and the component naming its subject. */
    public record Marked(String name, String subject) {
    }

    private final Class<?> type;
    private final List<Marked> marked;
    private final Map<String, Field> fields;
    private final Constructor<?> canonical;

    private PersonalDataFields(Class<?> type, List<Marked> marked, Map<String, Field> fields, Constructor<?> canonical) {
        this.type = type;
        this.marked = marked;
        this.fields = fields;
        this.canonical = canonical;
    }

    /** The personal data of {@code type} (none for most types); fails when a mark is wrong. */
    public static PersonalDataFields of(Class<?> type) {
        return CACHE.get(type);
    }

    public List<Marked> marked() {
        return marked;
    }

    /** Whether the type has any personal data. */
    public boolean any() {
        return !marked.isEmpty();
    }

    /** The subject reference that {@code bean}'s component {@code subject} holds. */
    String subjectValue(Object bean, String subject) {
        return (String) read(bean, subject);
    }

    /**
     * {@code bean} with every marked value as {@code cipher} reveals it: decrypted, the marker when its key is gone, a
     * value in clear as itself unless its subject is erased. The same object when nothing changes; a new record (through
     * its canonical constructor), or the object changed in place when it is not a record.
     */
    Object reveal(Object bean, PersonalDataCipher cipher) {
        if (bean == null || bean.getClass() != type) {
            return bean;
        }
        Map<String, String> changed = new LinkedHashMap<>();
        Boolean subjectErased = null;
        for (Marked m : marked) {
            String stored = (String) read(bean, m.name());
            if (stored == null || PersonalData.ERASED.equals(stored)) {
                continue;
            }
            String value;
            if (PersonalDataCipher.isCiphertext(stored)) {
                value = cipher.reveal(stored);
            } else {
                if (subjectErased == null) {
                    subjectErased = cipher.isErased(subjectValue(bean, m.subject()));
                }
                value = subjectErased ? PersonalData.ERASED : stored; // stored in clear before encryption
            }
            if (!value.equals(stored)) {
                changed.put(m.name(), value);
            }
        }
        return changed.isEmpty() ? bean : with(bean, changed);
    }

    private Object with(Object bean, Map<String, String> changed) {
        try {
            if (canonical == null) {
                for (Map.Entry<String, String> e : changed.entrySet()) {
                    fields.get(e.getKey()).set(bean, e.getValue());
                }
                return bean;
            }
            RecordComponent[] components = type.getRecordComponents();
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                args[i] = changed.containsKey(name) ? changed.get(name) : fields.get(name).get(bean);
            }
            return canonical.newInstance(args);
        } catch (IllegalAccessException | InstantiationException e) {
            throw new PersonalDataException("cannot rebuild " + type.getName() + " with its personal data revealed", e);
        } catch (InvocationTargetException e) {
            throw new PersonalDataException("the constructor of " + type.getName() + " refused its revealed personal data",
                    e.getCause());
        }
    }

    private Object read(Object bean, String name) {
        try {
            return fields.get(name).get(bean);
        } catch (IllegalAccessException e) {
            throw new PersonalDataException("cannot read " + type.getName() + "." + name, e);
        }
    }

    private static PersonalDataFields inspect(Class<?> type) {
        List<Field> all = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    all.add(f);
                }
            }
        }
        List<Marked> marked = new ArrayList<>();
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field f : all) {
            byName.putIfAbsent(f.getName(), f);
        }
        for (Field f : all) {
            PersonalData mark = f.getAnnotation(PersonalData.class);
            if (mark == null) {
                continue;
            }
            String where = type.getName() + "." + f.getName();
            if (f.getType() != String.class) {
                throw new PersonalDataException("@PersonalData on " + where + ": only String components can be personal data "
                        + "(encrypted field by field), this one is " + f.getType().getName()
                        + "; split it into String components, or keep the data out of the event");
            }
            Field subject = byName.get(mark.subject());
            if (subject == null || subject.getType() != String.class) {
                throw new PersonalDataException("@PersonalData(subject = \"" + mark.subject() + "\") on " + where
                        + ": the subject must name a String component of " + type.getName());
            }
            if (subject.isAnnotationPresent(PersonalData.class)) {
                throw new PersonalDataException("@PersonalData(subject = \"" + mark.subject() + "\") on " + where
                        + ": the subject reference is itself marked as personal data; it must be a reference that is not");
            }
            marked.add(new Marked(f.getName(), mark.subject()));
        }
        if (marked.isEmpty()) {
            return new PersonalDataFields(type, List.of(), Map.of(), null);
        }
        for (Field f : byName.values()) {
            f.setAccessible(true);
        }
        Constructor<?> canonical = null;
        if (type.isRecord()) {
            Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new PersonalDataException("record " + type.getName() + " has no canonical constructor", e);
            }
        } else {
            for (Marked m : marked) {
                if (Modifier.isFinal(byName.get(m.name()).getModifiers())) {
                    throw new PersonalDataException("@PersonalData on " + type.getName() + "." + m.name()
                            + ": a class that is not a record must keep personal data in a non-final field");
                }
            }
        }
        return new PersonalDataFields(type, List.copyOf(marked), Map.copyOf(byName), canonical);
    }
}
