package fi.perhekeskus.infra.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.perhekeskus.infra.fuzz.OpenApiOperations.Operation;
import fi.perhekeskus.infra.fuzz.OpenApiOperations.Parameter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates malformed requests for every operation of an OpenAPI document, from one seed: a
 * nearly valid request built from the operation's schemas, then broken. Each request that is not a
 * read gets at least one defect that must refuse it (a path id that is not one, a body that cannot
 * be this operation's, a query value outside its type or bounds, a content type that is not JSON);
 * on top come defects that a lenient reader may let through (unknown and duplicate keys, odd text,
 * extreme numbers and dates, odd headers). Requests go out as every role and as no one.
 */
public final class MalformedRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int KIB = 1024;
    private static final int BODY_LIMIT = 256 * KIB;

    private final OpenApiOperations api;
    private final Map<String, String> tokens;
    private final Map<String, List<String>> known;
    private final SplittableRandom random;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param tokens a bearer token per role name, {@code null} for a request without one
     * @param known  real values for path parameters, by {@code "path prefix#name"} or by {@code name}: used only
     *               where another defect must refuse the request, so that validation runs on real resources
     */
    public MalformedRequests(OpenApiOperations api, Map<String, String> tokens, Map<String, List<String>> known,
                             long seed) {
        this.api = api;
        this.tokens = new LinkedHashMap<>(tokens);
        this.known = known;
        this.random = new SplittableRandom(seed);
    }

    /** The operations that can be malformed: every read, and every write with something to break. */
    public List<Operation> operations() {
        return api.all().stream().filter(o -> o.isSafe() || !fatalPlaces(o).isEmpty()).toList();
    }

    /** {@code count} requests, spread evenly over {@link #operations()}. */
    public List<FuzzRequest> generate(int count) {
        List<Operation> operations = operations();
        List<FuzzRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(request(i, operations.get(i % operations.size())));
        }
        return requests;
    }

    private List<String> fatalPlaces(Operation operation) {
        List<String> places = new ArrayList<>();
        if (!operation.in("path").isEmpty()) {
            places.add("path");
        }
        if (operation.hasBody()) {
            places.add("body");
            places.add("body");
            if (operation.bodyRequired()) {
                places.add("content-type");
            }
        }
        if (operation.in("query").stream().anyMatch(this::canRefuse)) {
            places.add("query");
        }
        return places;
    }

    private FuzzRequest request(int number, Operation operation) {
        List<String> defects = new ArrayList<>();
        List<String> places = fatalPlaces(operation);
        String fatalAt = places.isEmpty() ? null : pick(places);
        List<Map.Entry<String, String>> headers = new ArrayList<>();

        String role = pick(new ArrayList<>(tokens.keySet()));
        if (tokens.get(role) != null) {
            headers.add(Map.entry("Authorization", "Bearer " + tokens.get(role)));
        }

        String target = path(operation, "path".equals(fatalAt), defects) + query(operation, "query".equals(fatalAt), defects);

        byte[] body = null;
        String contentType = null;
        if (operation.hasBody()) {
            body = body(operation, "body".equals(fatalAt), defects);
            contentType = pick(EdgeValues.JSON_CONTENT_TYPES);
        } else if (chance(0.1)) {
            body = ("{\"unexpected\": " + (chance(0.5) ? "[1, 2" : "\"body\"}")).getBytes(StandardCharsets.UTF_8);
            contentType = "application/json";
            defects.add("body where none is declared");
        }
        if ("content-type".equals(fatalAt)) {
            contentType = chance(0.15) ? null : pick(EdgeValues.WRONG_CONTENT_TYPES);
            defects.add("content type " + contentType);
        }
        if (contentType != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        oddHeaders(operation, headers, defects);
        return new FuzzRequest(number, operation, role, operation.method(), target, List.copyOf(headers), body,
                List.copyOf(defects), fatalAt != null);
    }

    // ---- path -------------------------------------------------------------------------------------

    private String path(Operation operation, boolean fatal, List<String> defects) {
        List<Parameter> parameters = operation.in("path");
        Parameter broken = fatal ? pick(parameters) : null;
        String path = operation.path();
        for (Parameter parameter : parameters) {
            String value;
            if (parameter == broken) {
                boolean uuid = "uuid".equals(api.plain(parameter.schema()).path("format").asText());
                value = uuid && chance(0.2) ? pick(EdgeValues.UNKNOWN_UUIDS)
                        : uuid || chance(0.6) ? pick(EdgeValues.BAD_UUIDS) : oddText();
                if (chance(0.05)) {
                    value = "x".repeat(pick(List.of(300, 5_000, 9_000)));
                }
                defects.add("path " + parameter.name() + "=" + FuzzRequest.cut(value, 40));
            } else {
                List<String> real = known(operation, parameter.name());
                value = !real.isEmpty() && !fatal && chance(0.8) ? pick(real) : UUID.randomUUID().toString();
            }
            path = path.replace("{" + parameter.name() + "}", encodePathValue(value));
        }
        return path;
    }

    /** The values under the longest {@code "prefix#name"} whose prefix starts the path, else under {@code name}. */
    private List<String> known(Operation operation, String name) {
        List<String> best = known.getOrDefault(name, List.of());
        int longest = -1;
        for (Map.Entry<String, List<String>> entry : known.entrySet()) {
            int hash = entry.getKey().indexOf('#');
            String prefix = hash < 0 ? null : entry.getKey().substring(0, hash);
            if (prefix != null && entry.getKey().substring(hash + 1).equals(name)
                    && operation.path().startsWith(prefix) && prefix.length() > longest) {
                best = entry.getValue();
                longest = prefix.length();
            }
        }
        return best;
    }

    /** Percent-encodes everything but a few raw forms (an encoded NUL or dot) sent as they are on purpose. */
    private static String encodePathValue(String value) {
        if (value.equals("%00") || value.equals("%2e%2e")) {
            return value;
        }
        return encode(value);
    }

    // ---- query ------------------------------------------------------------------------------------

    private boolean canRefuse(Parameter parameter) {
        JsonNode schema = api.plain(parameter.schema());
        String type = api.typeOf(schema);
        return parameter.required() || schema.has("enum") || schema.has("maxLength") || schema.has("minimum")
                || schema.has("maximum") || List.of("integer", "number", "boolean").contains(type)
                || List.of("uuid", "date", "date-time").contains(schema.path("format").asText());
    }

    private String query(Operation operation, boolean fatal, List<String> defects) {
        List<Parameter> parameters = operation.in("query");
        List<Parameter> refusable = parameters.stream().filter(this::canRefuse).toList();
        Parameter broken = fatal ? pick(refusable) : null;
        List<String> pairs = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (parameter == broken) {
                String value = refusingValue(parameter);
                if (value == null) {
                    defects.add("query " + parameter.name() + " missing");
                    continue;
                }
                defects.add("query " + parameter.name() + "=" + FuzzRequest.cut(value, 40));
                pairs.add(encode(parameter.name()) + "=" + encode(value));
            } else if (parameter.required() || chance(0.55)) {
                String value = chance(0.5) ? validText(parameter.schema()) : oddText();
                pairs.add(encode(parameter.name()) + "=" + encode(value));
            }
        }
        if (chance(0.1) && !pairs.isEmpty()) {
            pairs.add(pairs.get(random.nextInt(pairs.size())).split("=")[0] + "=" + encode(oddText()));
            defects.add("query parameter twice");
        }
        if (chance(0.1)) {
            pairs.add(encode(pick(List.of("unknown", "$where", "limit[]", "a.b", "__proto__"))) + "=" + encode(oddText()));
            defects.add("unknown query parameter");
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** A value of the parameter's type that its declaration refuses, or {@code null} for leaving it out. */
    private String refusingValue(Parameter parameter) {
        JsonNode schema = api.plain(parameter.schema());
        String type = api.typeOf(schema);
        String format = schema.path("format").asText();
        List<String> choices = new ArrayList<>();
        if (parameter.required()) {
            choices.add(null);
        }
        if (schema.has("enum")) {
            choices.add(pick(List.of("PURPLE", "green ", "RED,GREEN", "null", "0", "ÄÖ")));
        }
        if (schema.has("maxLength")) {
            choices.add("q".repeat(schema.get("maxLength").asInt() + 1 + random.nextInt(50)));
        }
        if (schema.has("minimum")) {
            choices.add(new java.math.BigDecimal(schema.get("minimum").asText()).subtract(java.math.BigDecimal.ONE)
                    .toPlainString());
        }
        if (schema.has("maximum")) {
            choices.add(new java.math.BigDecimal(schema.get("maximum").asText()).add(java.math.BigDecimal.ONE)
                    .toPlainString());
        }
        if (type.equals("integer")) {
            choices.add(pick(List.of("abc", "1.5", "2147483648", "-2147483649", "9223372036854775808", "1e309",
                    "NaN", "0x10", " ", "1_000")));
        }
        if (type.equals("number")) {
            choices.add(pick(List.of("abc", "1e309x", "--1", "0x", " ")));
        }
        if (type.equals("boolean")) {
            choices.add(pick(List.of("maybe", "2", "truee", "ÄÖ")));
        }
        switch (format) {
            case "uuid" -> choices.add(pick(EdgeValues.BAD_UUIDS));
            case "date" -> choices.add(pick(List.of("99999-12-31", "2026-02-30", "2026-13-01", "not-a-date",
                    "26-01-01", "2026/01/01", "0000-00-00")));
            case "date-time" -> choices.add(pick(List.of("2026-01-01 10:00", "2026-01-01T25:00:00Z",
                    "99999-12-31T00:00:00Z", "yesterday")));
            default -> {
            }
        }
        // A blank value reads as no value at all: it refuses nothing.
        choices.removeIf(c -> c != null && c.isBlank());
        return choices.isEmpty() ? null : choices.get(random.nextInt(choices.size()));
    }

    private String validText(JsonNode schema) {
        JsonNode value = valid(schema, 0);
        return value.isTextual() ? value.asText() : value.isContainerNode() ? "x" : value.asText();
    }

    private String oddText() {
        String value = pick(EdgeValues.TEXT);
        if (chance(0.06)) {
            value = value + "é".repeat(pick(List.of(250, 2_100, 12_000)));
        }
        return value;
    }

    // ---- body -------------------------------------------------------------------------------------

    private byte[] body(Operation operation, boolean fatal, List<String> defects) {
        JsonNode schema = operation.bodySchema();
        JsonNode value = valid(schema, 0);
        int noise = random.nextInt(4);
        for (int i = 0; i < noise; i++) {
            value = lenientDefect(value, defects);
        }
        if (!fatal) {
            return bytes(value, chance(0.15), defects);
        }
        // Top-level and syntax defects replace the body; the others break one field of it.
        return switch (random.nextInt(12)) {
            case 0 -> syntaxDefect(value, defects);
            case 1 -> bytes(topLevelDefect(value, api.typeOf(schema), defects), false, defects);
            case 2 -> oversized(value, schema, defects);
            default -> bytes(fieldDefect(value, schema, defects), chance(0.15), defects);
        };
    }

    /** A valid-looking instance of {@code schema}: every required property, some optional ones. */
    private JsonNode valid(JsonNode schemaRef, int depth) {
        JsonNode schema = api.plain(schemaRef);
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        if (depth > 8) {
            return NODES.nullNode();
        }
        String type = api.typeOf(schema);
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                     properties.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    if (required.contains(property.getKey()) || chance(0.7)) {
                        object.set(property.getKey(), valid(property.getValue(), depth + 1));
                    }
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(schema.path("minItems").asInt(1), 1);
                for (int i = 0; i < items; i++) {
                    array.add(valid(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer": {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 10;
                return NODES.numberNode(min + (max > min ? random.nextLong(Math.min(max - min, 10) + 1) : 0));
            }
            case "number":
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 1.5);
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            case "string": {
                String format = schema.path("format").asText();
                return NODES.textNode(switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
                    case "date-time" -> "2026-05-1" + random.nextInt(10) + "T10:00:00Z";
                    case "email" -> "neuvola@example.fi";
                    default -> {
                        int max = schema.has("maxLength") ? schema.get("maxLength").asInt() : 20;
                        int min = schema.path("minLength").asInt(1);
                        yield "Tampere".repeat(3).substring(0, Math.max(min, Math.min(max, 7)));
                    }
                });
            }
            default:
                return NODES.textNode("x");
        }
    }

    /** Breaks one field so that the body cannot be read as this operation's or cannot pass its rules. */
    private JsonNode fieldDefect(JsonNode value, JsonNode schema, List<String> defects) {
        List<Leaf> leaves = new ArrayList<>();
        collect(value, schema, "", leaves);
        List<Runnable> breaks = new ArrayList<>();
        for (Leaf leaf : leaves) {
            JsonNode s = api.plain(leaf.schema());
            String type = api.typeOf(s);
            String format = s.path("format").asText();
            if (leaf.parent() == null) {
                continue;
            }
            if (s.has("enum")) {
                breaks.add(() -> leaf.set(NODES.textNode(pick(List.of("PURPLE", "yellow", "YELLOW ", "ÄÖ", "\u0000"))),
                        defects, "enum"));
            }
            if (s.has("maxLength")) {
                int over = s.get("maxLength").asInt() + 1 + (chance(0.3) ? random.nextInt(150 * KIB) : random.nextInt(20));
                breaks.add(() -> leaf.set(NODES.textNode(pick(List.of("x", "ä", "😀")).repeat(over)), defects, "too long"));
            }
            if (type.equals("string") && format.isEmpty() && !s.has("enum")) {
                // Valid JSON, and text in every other way, but no store can hold it (StorableText).
                breaks.add(() -> leaf.set(NODES.textNode(pick(List.of("Tam\u0000pere", "\u0000", "nimi\u0000"))),
                        defects, "U+0000 in text"));
            }
            if (s.has("minLength") && s.get("minLength").asInt() > 0) {
                breaks.add(() -> leaf.set(NODES.textNode(""), defects, "empty"));
            }
            if (s.has("minimum") && type.equals("integer")) {
                breaks.add(() -> leaf.set(NODES.numberNode(s.get("minimum").asLong() - 1 - random.nextInt(3)), defects, "below minimum"));
            }
            if (s.has("maximum") && type.equals("integer")) {
                breaks.add(() -> leaf.set(NODES.numberNode(s.get("maximum").asLong() + 1), defects, "over maximum"));
            }
            if (type.equals("integer")) {
                boolean int64 = format.equals("int64");
                breaks.add(() -> leaf.set(pick(List.<JsonNode>of(NODES.numberNode(new java.math.BigInteger(
                                int64 ? "9223372036854775808" : "2147483648")),
                        NODES.numberNode(new java.math.BigInteger("-9223372036854775809")),
                        NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(400))),
                        NODES.textNode("abc"), NODES.textNode("1e309"))), defects, "integer out of range"));
            }
            if (type.equals("array")) {
                breaks.add(() -> leaf.set(NODES.textNode("x"), defects, "string for a list"));
                int maxItems = s.path("maxItems").asInt(-1);
                if (maxItems >= 0 && leaf.node() != null && leaf.node().isArray() && !leaf.node().isEmpty()) {
                    breaks.add(() -> {
                        ArrayNode many = NODES.arrayNode();
                        for (int i = 0; i <= maxItems; i++) {
                            many.add(leaf.node().get(0).deepCopy());
                        }
                        leaf.set(many, defects, "over maxItems");
                    });
                }
            }
            if (type.equals("object")) {
                breaks.add(() -> leaf.set(NODES.arrayNode().add(1), defects, "list for an object"));
            }
            if (format.equals("uuid")) {
                breaks.add(() -> leaf.set(NODES.textNode(pick(EdgeValues.BAD_UUIDS)), defects, "bad uuid"));
            }
            if (format.equals("date")) {
                breaks.add(() -> leaf.set(NODES.textNode(pick(List.of("99999-12-31", "2026-02-30", "not-a-date",
                        "2026-13-01", "26-1-1", "1.1.2026"))), defects, "bad date"));
            }
            if (format.equals("date-time")) {
                breaks.add(() -> leaf.set(NODES.textNode(pick(List.of("2026-01-01 10:00", "2026-01-01T25:00:00Z",
                        "+99999-12-31T00:00:00Z", "yesterday"))), defects, "bad date-time"));
            }
            if (List.of("string", "integer", "number", "boolean").contains(type)) {
                breaks.add(() -> leaf.set(pick(List.<JsonNode>of(json.createObjectNode().put("$gt", ""),
                        NODES.arrayNode().add("a").add("b"), NODES.objectNode())), defects, "container for a scalar"));
                breaks.add(() -> leaf.set(deepArray(pick(List.of(64, 600, 1_200, 3_000))), defects, "deeply nested"));
            }
            if (leaf.required()) {
                breaks.add(() -> leaf.remove(defects));
                breaks.add(() -> leaf.set(NODES.nullNode(), defects, "null"));
            }
        }
        if (breaks.isEmpty()) {
            defects.add("deeply nested body");
            return deepArray(2_000);
        }
        pick(breaks).run();
        return value;
    }

    /** Defects a lenient reader may accept: never the only one of a write. */
    private JsonNode lenientDefect(JsonNode value, List<String> defects) {
        if (!value.isObject()) {
            return value;
        }
        List<Leaf> leaves = new ArrayList<>();
        collect(value, null, "", leaves);
        leaves.removeIf(l -> l.parent() == null);
        int kind = random.nextInt(5);
        if (kind == 0 || leaves.isEmpty()) {
            ((ObjectNode) value).set(pick(List.of("unknownField", "__proto__", "$set", "id", "status")),
                    NODES.textNode(oddText()));
            defects.add("unknown field");
            return value;
        }
        Leaf leaf = pick(leaves);
        JsonNode odd = switch (kind) {
            case 1 -> NODES.textNode(oddText());
            case 2 -> pick(List.<JsonNode>of(NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(2147483647),
                    NODES.numberNode(1.0E308), NODES.numberNode(-0.0), NODES.numberNode(4.9E-324), NODES.textNode("NaN")));
            case 3 -> NODES.textNode(pick(List.of("0000-01-01", "1900-01-01", "2200-12-31", "1899-12-31", "2201-01-01")));
            default -> NODES.nullNode();
        };
        leaf.set(odd, defects, "odd value");
        return value;
    }

    /** A body of another shape than the operation's: a list for an object, a scalar, deep nesting. */
    private JsonNode topLevelDefect(JsonNode value, String type, List<String> defects) {
        defects.add("top level");
        boolean list = type.equals("array");
        return switch (random.nextInt(7)) {
            case 0 -> list ? NODES.objectNode() : NODES.arrayNode().add(value);
            case 1 -> NODES.textNode("text");
            case 2 -> NODES.numberNode(42);
            case 3 -> NODES.nullNode();
            case 4 -> list ? NODES.arrayNode().add(NODES.arrayNode()) : NODES.arrayNode();
            case 5 -> NODES.booleanNode(true);
            // Unknown keys are skipped, so only nesting past the reader's depth limit refuses an object.
            default -> list ? deepObject(pick(List.of(200, 1_100))) : deepObject(pick(List.of(1_100, 4_000)));
        };
    }

    private byte[] syntaxDefect(JsonNode value, List<String> defects) {
        String text = render(value);
        defects.add("syntax");
        String broken = switch (random.nextInt(10)) {
            case 0 -> text.substring(0, Math.max(0, text.length() - 1 - random.nextInt(Math.max(1, text.length()))));
            case 1 -> text + "}}";
            case 2 -> text.replaceFirst(":", "=");
            case 3 -> text.replace('"', '\'');
            case 4 -> text.endsWith("}") && text.length() > 2 ? text.substring(0, text.length() - 1) + ",}" : "{,}";
            case 5 -> text.replaceFirst(":", ": NaN, \"x\":");
            case 6 -> "/* comment */" + text;
            case 7 -> "{\"a\" \"b\"}";
            case 8 -> text.replaceFirst(",", ",\u0000");
            default -> "";
        };
        if (broken.equals(text)) {
            broken = text + "x";
        }
        byte[] bytes = broken.getBytes(StandardCharsets.UTF_8);
        if (chance(0.2) && bytes.length > 4) {
            // Not UTF-8 at all: a lone continuation byte and a truncated sequence.
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bytes, 0, bytes.length / 2);
            out.write(0xC3);
            out.write(0x28);
            out.write(0xFF);
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            defects.add("invalid UTF-8");
            return out.toByteArray();
        }
        return bytes;
    }

    /** Over the body limit, or just under it with the excess in a field. */
    private byte[] oversized(JsonNode value, JsonNode schema, List<String> defects) {
        boolean over = chance(0.6);
        int size = over ? BODY_LIMIT + 1 + random.nextInt(40 * KIB) : BODY_LIMIT - 2 * KIB - random.nextInt(10 * KIB);
        String padding = "x".repeat(size);
        JsonNode padded;
        if (value.isObject() && value.fields().hasNext() && !over) {
            // Under the limit: a field of the API far too long for any bound it has (an unknown field
            // added as noise has no bound, and a reader may ignore it).
            List<Leaf> leaves = new ArrayList<>();
            collect(value, schema, "", leaves);
            leaves.removeIf(l -> l.parent() == null || !l.node().isTextual() || l.schema().isMissingNode());
            if (!leaves.isEmpty()) {
                pick(leaves).set(NODES.textNode(padding), defects, "huge string");
                return bytes(value, false, defects);
            }
        }
        if (!over) {
            padded = NODES.arrayNode().add(value).add(padding);
            defects.add("huge body " + size / KIB + " KiB");
        } else {
            padded = value.isObject() ? ((ObjectNode) value.deepCopy()).put("padding", padding)
                    : NODES.arrayNode().add(value).add(padding);
            defects.add("body over 256 KiB");
        }
        return bytes(padded, false, defects);
    }

    private byte[] bytes(JsonNode value, boolean duplicateKey, List<String> defects) {
        String text = render(value);
        if (duplicateKey && value.isObject() && value.fields().hasNext()) {
            Map.Entry<String, JsonNode> first = value.fields().next();
            // The first of two equal keys: a reader that keeps the last one reads the rest as before.
            text = "{" + json.valueToTree(first.getKey()).toString() + ":" + NODES.textNode(oddText()) + "," + text.substring(1);
            defects.add("duplicate key " + first.getKey());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /*
     * Nesting deeper than a JSON writer allows is written by hand: the tree holds a placeholder
     * that render() replaces with the nested text.
     */
    private static final java.util.regex.Pattern DEEP = java.util.regex.Pattern.compile("\"\u27e6deep-(array|object)-(\\d+)\u27e7\"");

    private static JsonNode deepArray(int depth) {
        return NODES.textNode("\u27e6deep-array-" + depth + "\u27e7");
    }

    private static JsonNode deepObject(int depth) {
        return NODES.textNode("\u27e6deep-object-" + depth + "\u27e7");
    }

    private static String render(JsonNode value) {
        String text = value.toString();
        java.util.regex.Matcher deep = DEEP.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (deep.find()) {
            int depth = Integer.parseInt(deep.group(2));
            String nested = deep.group(1).equals("array") ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
            deep.appendReplacement(rendered, java.util.regex.Matcher.quoteReplacement(nested));
        }
        deep.appendTail(rendered);
        return rendered.toString();
    }

    // ---- leaves of a body -------------------------------------------------------------------------

    /** A place in the body: a property of an object or an item of a list, with its schema. */
    private record Leaf(JsonNode parent, String key, int index, JsonNode node, JsonNode schema, boolean required,
                        String path) {

        void set(JsonNode value, List<String> defects, String what) {
            if (parent instanceof ObjectNode object) {
                object.set(key, value);
            } else if (parent instanceof ArrayNode array) {
                array.set(index, value);
            }
            defects.add(what + " at " + path);
        }

        void remove(List<String> defects) {
            if (parent instanceof ObjectNode object) {
                object.remove(key);
            }
            defects.add("missing " + path);
        }
    }

    private void collect(JsonNode node, JsonNode schemaRef, String path, List<Leaf> leaves) {
        collect(null, null, -1, node, schemaRef, false, path, leaves);
    }

    private void collect(JsonNode parent, String key, int index, JsonNode node, JsonNode schemaRef, boolean required,
                         String path, List<Leaf> leaves) {
        JsonNode schema = schemaRef == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : api.plain(schemaRef);
        leaves.add(new Leaf(parent, key, index, node, schema, required, path.isEmpty() ? "$" : path));
        if (node == null || leaves.size() > 500) {
            return;
        }
        if (node.isObject()) {
            List<String> requiredNames = new ArrayList<>();
            schema.path("required").forEach(r -> requiredNames.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode fieldSchema = schema.path("properties").path(field.getKey());
                collect(node, field.getKey(), -1, field.getValue(), fieldSchema.isMissingNode() ? null : fieldSchema,
                        requiredNames.contains(field.getKey()), path + "." + field.getKey(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode items = schema.path("items");
                collect(node, null, i, node.get(i), items.isMissingNode() ? null : items, false,
                        path + "[" + i + "]", leaves);
            }
        }
    }

    // ---- headers ----------------------------------------------------------------------------------

    private void oddHeaders(Operation operation, List<Map.Entry<String, String>> headers, List<String> defects) {
        if (!operation.isSafe() && chance(0.35)) {
            String key = chance(0.3) ? UUID.randomUUID().toString() : pick(EdgeValues.IDEMPOTENCY_KEYS);
            headers.add(Map.entry("Idempotency-Key", headerSafe(key)));
            if (chance(0.15)) {
                headers.add(Map.entry("Idempotency-Key", UUID.randomUUID().toString()));
                defects.add("two Idempotency-Keys");
            }
            defects.add("Idempotency-Key " + FuzzRequest.cut(key, 20));
        }
        if (chance(0.15)) {
            String accept = pick(EdgeValues.ACCEPTS);
            if (!accept.isEmpty()) {
                headers.add(Map.entry("Accept", accept));
                defects.add("Accept " + accept);
            }
        }
        if (chance(0.1)) {
            headers.add(Map.entry(pick(List.of("X-Forwarded-For", "X-Request-Id", "Accept-Language", "Origin",
                    "X-HTTP-Method-Override", "Forwarded")), headerSafe(oddText())));
            defects.add("odd header");
        }
    }

    /** What a client library lets through in a header value: Latin-1, no control characters. */
    private static String headerSafe(String value) {
        StringBuilder safe = new StringBuilder();
        for (char c : value.toCharArray()) {
            safe.append(c >= 0x20 && c != 0x7f && c <= 0xff ? c : '?');
        }
        String text = safe.toString().strip();
        return text.isEmpty() ? "?" : text;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
