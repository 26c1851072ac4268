package org.pledge.systemtests;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A service's live OpenAPI document ({@code GET /v3/api-docs}, public): its write operations with their parameters and
 * request-body schemas, and the schemas' {@code $ref}s resolved.
 */
final class ApiDocs {

    static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");

    /** A parameter as declared: {@code in} is path, query or header. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One write operation; {@code bodySchema} is missing when it takes no body. */
    record Operation(String service, String method, String path, List<Parameter> parameters, JsonNode bodySchema, ApiDocs docs) {

        String key() {
            return service + " " + method + " " + path;
        }

        boolean hasBody() {
            return !bodySchema.isMissingNode();
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private final String service;
    private final JsonNode document;

    private ApiDocs(String service, JsonNode document) {
        this.service = service;
        this.document = document;
    }

    static ApiDocs read(String service, URI uri) {
        Api.Response response = Api.get(uri, null);
        if (response.status() != 200) {
            throw new AssertionError(service + ": GET " + uri + " answered " + response.status() + ": " + response.body());
        }
        return new ApiDocs(service, response.json());
    }

    List<Operation> writeOperations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!WRITE_METHODS.contains(op.getKey())) {
                return;
            }
            List<Parameter> parameters = new ArrayList<>();
            for (JsonNode p : op.getValue().path("parameters")) {
                JsonNode parameter = resolve(p);
                parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                        parameter.path("required").asBoolean(false), resolve(parameter.path("schema"))));
            }
            JsonNode content = resolve(op.getValue().path("requestBody")).path("content");
            JsonNode schema = content.has("application/json") ? content.path("application/json").path("schema")
                    : content.elements().hasNext() ? content.elements().next().path("schema") : MissingNode.getInstance();
            operations.add(new Operation(service, op.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters),
                    schema, this));
        }));
        return operations;
    }

    /** {@code schema} with its {@code $ref} (to this document's components) followed, as often as it takes. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 20 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new AssertionError(service + ": a $ref outside the document: " + ref);
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
