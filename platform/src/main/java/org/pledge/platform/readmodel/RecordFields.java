package org.pledge.platform.readmodel;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * The names under which the MongoDB driver's record codec stores a public record's components: {@code _id} for the component
 * annotated {@link BsonId}, the {@link BsonProperty} value where one is given, else the component's own name.
 *
 * <p>A read model's record declares the names its filters, updates, sorts and indexes use as constants taken from
 * here, so each stored name is spelled once, in the record, and a constant that names no component fails when the
 * record's class is initialised:
 * <pre>
 * public record CaseSummaryDocument(@BsonId String caseId, String status, ...) {
 *     private static final RecordFields FIELDS = RecordFields.of(CaseSummaryDocument.class);
 *     static final String STATUS = FIELDS.name("status");
 * }
 * </pre>
 */
public final class RecordFields {

    private final Class<? extends Record> type;
    /** Stored field name by component name, in component order. */
    private final Map<String, String> stored;

    private RecordFields(Class<? extends Record> type) {
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException(type.getName() + " must be public: the driver's record codec reads its components"
                    + " through their accessors");
        }
        this.type = type;
        Map<String, String> names = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            // the driver's annotations cannot target a record component: javac puts them on its field and accessor
            BsonProperty property = component.getAccessor().getAnnotation(BsonProperty.class);
            String name = component.getAccessor().isAnnotationPresent(BsonId.class) ? "_id"
                    : property != null ? property.value() : component.getName();
            names.put(component.getName(), name);
        }
        this.stored = Collections.unmodifiableMap(names);
    }

    public static RecordFields of(Class<? extends Record> type) {
        return new RecordFields(type);
    }

    /** The stored name of component {@code component}; fails when the record has no such component. */
    public String name(String component) {
        String name = stored.get(component);
        if (name == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no component " + component);
        }
        return name;
    }

    /** Every stored name of the record, in component order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(stored.values()));
    }
}
