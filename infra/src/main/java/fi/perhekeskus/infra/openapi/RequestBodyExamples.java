package fi.perhekeskus.infra.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An example for every JSON request body that has none, built from its schema: required fields
 * always, optional ones where a sample of the platform's own fits (personal identity codes never),
 * enums at their first value, numbers within their bounds. An example the controller declares wins.
 */
final class RequestBodyExamples {

    private static final Map<String, Object> SAMPLES = Map.ofEntries(
            Map.entry("name", "Hervannan perhekeskus"),
            Map.entry("municipality", "Tampere"),
            Map.entry("municipalities", "Tampere"),
            Map.entry("servedMunicipalities", "Tampere"),
            Map.entry("organizerName", "Pirkanmaan hyvinvointialue"),
            Map.entry("description", "Home visits for families with a new baby"),
            Map.entry("reason", "The family asked for support with the baby's sleep"),
            Map.entry("note", "First contact by phone"),
            Map.entry("comment", "Good evening, thank you"),
            Map.entry("topic", "Sleep and daily rhythm"),
            Map.entry("location", "Hervanta family centre, group room 2"),
            Map.entry("address", "Insinöörinkatu 38, Tampere"),
            Map.entry("openingHours", "Mon-Fri 9-12"),
            Map.entry("givenBy", "parent"),
            Map.entry("purpose", "referral to family services"),
            Map.entry("givenName", "Aino"),
            Map.entry("familyName", "Virtanen"),
            Map.entry("workerId", "worker-17"),
            Map.entry("responsibleWorker", "family worker Laine"),
            Map.entry("languages", "fi"),
            Map.entry("email", "family@example.org"),
            Map.entry("phone", "+358 40 123 4567"),
            Map.entry("contact", Map.of()),
            Map.entry("action", "Book a home visit"),
            Map.entry("legalBasis", "Child Welfare Act, section 25"),
            Map.entry("needsAssessed", "SLEEP"),
            Map.entry("ageFromMonths", 0),
            Map.entry("ageToMonths", 12),
            Map.entry("capacityFamilies", 12),
            Map.entry("plannedFamilies", 10),
            Map.entry("from", 0),
            Map.entry("to", 6),
            Map.entry("adults", 2),
            Map.entry("children", 1),
            Map.entry("fathers", 1),
            Map.entry("families", 8),
            Map.entry("familyPresent", true),
            Map.entry("firstContactOn", "2027-03-02"),
            Map.entry("startsAt", "2027-03-02T15:00:00Z"),
            Map.entry("endsAt", "2027-03-02T16:30:00Z"));

    /** Fields that are not input though a schema shows them (bean-validation helper getters). */
    private static final Set<String> NOT_INPUT = Set.of("ageRangeOrdered");

    private RequestBodyExamples() {
    }

    static void add(OpenAPI openApi, Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        if (json == null || json.getExample() != null || (json.getExamples() != null && !json.getExamples().isEmpty())
                || json.getSchema() == null) {
            return;
        }
        Object example = value(openApi, "", json.getSchema(), 0);
        if (example != null) {
            json.setExample(example);
        }
    }

    private static Object value(OpenAPI openApi, String field, Schema<?> schema, int depth) {
        Schema<?> at = resolve(openApi, schema);
        if (at == null || depth > 6) {
            return null;
        }
        if (at.getExample() != null) {
            return at.getExample();
        }
        if (at.getEnum() != null && !at.getEnum().isEmpty()) {
            return at.getEnum().get(0);
        }
        String type = type(at);
        switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (at.getProperties() != null) {
                    List<String> required = at.getRequired() == null ? List.of() : at.getRequired();
                    at.getProperties().forEach((name, property) -> {
                        if (NOT_INPUT.contains(name) || (!required.contains(name) && !SAMPLES.containsKey(name))) {
                            return;
                        }
                        Object v = value(openApi, name, property, depth + 1);
                        if (v != null) {
                            object.put(name, v);
                        }
                    });
                }
                return object;
            }
            case "array" -> {
                Object item = value(openApi, field, at.getItems(), depth + 1);
                List<Object> list = new ArrayList<>();
                if (item != null) {
                    list.add(item);
                }
                return list;
            }
            case "integer", "number" -> {
                long sample = SAMPLES.get(field) instanceof Integer i ? i : 1;
                BigDecimal min = at.getMinimum();
                BigDecimal max = at.getMaximum();
                if (min != null && sample < min.longValue()) {
                    sample = min.longValue();
                }
                if (max != null && sample > max.longValue()) {
                    sample = max.longValue();
                }
                return sample;
            }
            case "boolean" -> {
                return SAMPLES.get(field) instanceof Boolean b ? b : Boolean.TRUE;
            }
            case "string" -> {
                return string(field, at);
            }
            default -> {
                return null;
            }
        }
    }

    private static Object string(String field, Schema<?> schema) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        Object sample = SAMPLES.get(field);
        if (sample instanceof String s && (format.isEmpty() || format.equals("email") || !(sample instanceof Map))) {
            if (format.isEmpty() || format.equals("email") || format.equals("date") || format.equals("date-time")) {
                return s;
            }
        }
        return switch (format) {
            case "uuid" -> uuid(field);
            case "date" -> field.equals("validUntil") ? "2028-03-01" : "2027-03-02";
            case "date-time" -> "2027-03-02T15:00:00Z";
            case "email" -> "family@example.org";
            case "uri" -> "https://example.org/";
            default -> field.equals("role") ? "PARENT" : "text";
        };
    }

    /** The same field names the same sample id everywhere: examples that fit together. */
    private static String uuid(String field) {
        return switch (field) {
            case "agencyId", "agencyIds" -> "6f1c9a56-0a4e-4a49-9d42-0c3a3c8f9e11";
            case "familyId" -> "0b6d3c6e-7f0a-4c1e-9a53-5d2b8f4e7a10";
            case "serviceId" -> "3a8e2f14-5c6b-4d7e-8f90-1a2b3c4d5e6f";
            case "consentId" -> "9d4c1b2a-3e5f-4a6b-8c7d-0e1f2a3b4c5d";
            case "referralId" -> "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
            case "memberIds" -> "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
            default -> "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";
        };
    }

    private static Schema<?> resolve(OpenAPI openApi, Schema<?> schema) {
        Schema<?> at = schema;
        for (int hops = 0; at != null && at.get$ref() != null && hops < 10; hops++) {
            String name = at.get$ref().substring(at.get$ref().lastIndexOf('/') + 1);
            at = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null ? null
                    : openApi.getComponents().getSchemas().get(name);
        }
        return at;
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().stream().filter(t -> !t.equals("null")).findFirst().orElse("null");
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        return schema.getItems() != null ? "array" : "";
    }
}
