package fi.perhekeskus.infra.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations a service's served OpenAPI document ({@code GET /v3/api-docs}) declares, with
 * their parameters and request body schema, {@code $ref}s resolved against its components.
 */
public final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** A path, query or header parameter. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One method on one path template. */
    public record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema,
                            boolean bodyRequired) {

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        public boolean hasBody() {
            return bodySchema != null;
        }

        public boolean isSafe() {
            return method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    public OpenApiOperations(JsonNode document) {
        this.document = document;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<JsonNode> shared = list(path.getValue().path("parameters"));
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    operations.add(operation(method, path.getKey(), operation, shared));
                }
            }
        }
    }

    public List<Operation> all() {
        return List.copyOf(operations);
    }

    /** {@code node} itself, or what its {@code $ref} points to (transitively). */
    public JsonNode resolve(JsonNode node) {
        JsonNode at = node;
        for (int hops = 0; at != null && at.has("$ref") && hops < 20; hops++) {
            String ref = at.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return MissingNode.getInstance();
            }
            at = document.at(ref.substring(1));
        }
        return at == null ? MissingNode.getInstance() : at;
    }

    /** The schema's type: its first non-null type in OpenAPI 3.1, or what its shape says. */
    public String typeOf(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        JsonNode type = resolved.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (resolved.has("properties")) {
            return "object";
        }
        if (resolved.has("items")) {
            return "array";
        }
        for (String composite : List.of("allOf", "oneOf", "anyOf")) {
            if (resolved.path(composite).isArray() && !resolved.path(composite).isEmpty()) {
                return typeOf(resolved.path(composite).get(0));
            }
        }
        return "any";
    }

    /** The schema with composites reduced to their first member. */
    public JsonNode plain(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        for (String composite : List.of("allOf", "oneOf", "anyOf")) {
            if (!resolved.has("properties") && resolved.path(composite).isArray() && !resolved.path(composite).isEmpty()) {
                return plain(resolved.path(composite).get(0));
            }
        }
        return resolved;
    }

    private Operation operation(String method, String path, JsonNode operation, List<JsonNode> shared) {
        List<Parameter> parameters = new ArrayList<>();
        List<JsonNode> declared = new ArrayList<>(shared);
        declared.addAll(list(operation.path("parameters")));
        for (JsonNode p : declared) {
            JsonNode parameter = resolve(p);
            parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                    parameter.path("required").asBoolean(false), parameter.path("schema")));
        }
        JsonNode body = resolve(operation.path("requestBody"));
        JsonNode bodySchema = null;
        if (!body.isMissingNode()) {
            JsonNode content = body.path("content");
            JsonNode media = content.has("application/json") ? content.get("application/json")
                    : content.elements().hasNext() ? content.elements().next() : MissingNode.getInstance();
            bodySchema = media.path("schema").isMissingNode() ? null : media.path("schema");
        }
        return new Operation(method.toUpperCase(Locale.ROOT), path, List.copyOf(parameters), bodySchema,
                body.path("required").asBoolean(false));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
