package org.pledge.platform.web.openapi;

import java.util.LinkedHashSet;
import java.util.List;

import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;

/** Schemas written by hand, for OpenAPI 3.1 (JSON Schema 2020-12: {@code type} from {@code types}). */
final class Schemas {

    private Schemas() {
    }

    static Schema<Object> of(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setSpecVersion(SpecVersion.V31);
        schema.setType(type);
        schema.setTypes(new LinkedHashSet<>(List.of(type)));
        return schema;
    }

    static Schema<Object> object() {
        return of("object");
    }

    static Schema<Object> string() {
        return of("string");
    }

    static Schema<Object> integer() {
        return of("integer").format("int32");
    }

    static Schema<Object> array(Schema<?> items) {
        Schema<Object> array = of("array");
        array.setItems(items);
        return array;
    }

    static Schema<Object> ref(String componentSchema) {
        Schema<Object> ref = new Schema<>();
        ref.setSpecVersion(SpecVersion.V31);
        ref.set$ref("#/components/schemas/" + componentSchema);
        return ref;
    }
}
