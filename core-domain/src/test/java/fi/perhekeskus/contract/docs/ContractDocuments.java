package fi.perhekeskus.contract.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.Topics;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the integrators' contract from the event records: one JSON Schema (2020-12) per event
 * type and an AsyncAPI 3 document for both topics. The generated files are committed under
 * {@code META-INF/resources/contract} (served by every producing service at {@code /contract/**});
 * {@link ContractDocumentsTest} fails when they drift from the records.
 */
public final class ContractDocuments {

    static final Path SOURCES = Path.of("src/main/java");
    static final Path OUTPUT = Path.of("src/main/resources/META-INF/resources/contract");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ContractDocuments() {
    }

    /** Writes the documents into the source tree: {@code mvn -pl core-domain test -Dcontract.write=true}. */
    public static Map<Path, String> generate() throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        for (Class<?> event : EventCatalog.events()) {
            files.put(Path.of("schemas", EventCatalog.typeOf(event) + ".json"), JSON.writeValueAsString(schema(event)) + "\n");
        }
        files.put(Path.of("asyncapi.yaml"), asyncApi());
        return files;
    }

    static ObjectNode schema(Class<?> event) throws IOException {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://perhekeskus.fi/contract/schemas/" + EventCatalog.typeOf(event) + ".json");
        schema.put("title", EventCatalog.nameOf(event) + " v" + EventCatalog.versionOf(event));
        String description = description(event);
        if (description != null) {
            schema.put("description", description);
        }
        schema.setAll(objectSchema(event));
        return schema;
    }

    private static ObjectNode objectSchema(Class<?> record) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), typeSchema(component.getGenericType()));
            if (!component.isAnnotationPresent(Nullable.class)) {
                required.add(component.getName());
            }
        }
        node.set("required", required);
        // Consumers must accept fields added in later compatible revisions.
        node.put("additionalProperties", true);
        return node;
    }

    private static ObjectNode typeSchema(Type type) {
        ObjectNode node = JSON.createObjectNode();
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            node.put("type", "array");
            node.set("items", typeSchema(parameterized.getActualTypeArguments()[0]));
            return node;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == UUID.class) {
            node.put("type", "string").put("format", "uuid");
        } else if (raw == String.class) {
            node.put("type", "string");
        } else if (raw == Instant.class) {
            node.put("type", "string").put("format", "date-time");
        } else if (raw == LocalDate.class) {
            node.put("type", "string").put("format", "date");
        } else if (raw == java.time.YearMonth.class) {
            node.put("type", "string").put("pattern", "^[0-9]{4}-[0-9]{2}$");
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            node.put("type", "integer");
        } else if (raw == boolean.class || raw == Boolean.class) {
            node.put("type", "boolean");
        } else if (raw == Sealed.class) {
            node.put("type", "string").put("pattern", "^(v1\\.[A-Za-z0-9_-]+|" + Sealed.DROPPED_TEXT + ")$")
                    .put("description", "a personal value sealed with its subject's own key (AES-256-GCM): the "
                            + "family's, or a group programme's for the programme's own notes; opaque to integrators, "
                            + "unreadable for good once the key is destroyed. \"" + Sealed.DROPPED_TEXT + "\" stands "
                            + "for a plain-text value of an older event version, dropped on upcasting");
        } else if (raw.isEnum()) {
            node.put("type", "string");
            ArrayNode values = node.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else if (raw.isRecord()) {
            return objectSchema(raw);
        } else {
            throw new IllegalArgumentException("no schema mapping for " + raw);
        }
        return node;
    }

    private static String asyncApi() throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("""
                # Generated from the event records by ContractDocuments; do not edit by hand.
                asyncapi: 3.0.0
                info:
                  title: Perhekeskus platform events
                  version: 1.0.0
                  description: |
                    The public events of the family-centre platform, the integrators' API. Records are
                    CloudEvents 1.0 in Kafka binary mode: the value is the event's JSON, the attributes are
                    ce_* headers, and the record key is the aggregate id (events of one aggregate are in
                    order on one partition). Events evolve only compatibly: a changed event gets a new
                    version in its type (…v2) and old versions are upcast. No readable personal data is
                    ever published: personal values are sealed strings.
                defaultContentType: application/json
                servers:
                  local:
                    host: 127.0.0.1:9092
                    protocol: kafka
                    description: the local broker started by ./run
                channels:
                """);
        for (String topic : List.of(Topics.REFERRAL_EVENTS, Topics.MEETING_EVENTS)) {
            y.append("  ").append(channelId(topic)).append(":\n");
            y.append("    address: ").append(topic).append("\n");
            y.append("    messages:\n");
            for (Class<?> event : eventsOf(topic)) {
                y.append("      ").append(EventCatalog.nameOf(event)).append(":\n");
                y.append("        $ref: '#/components/messages/").append(messageId(event)).append("'\n");
            }
        }
        y.append("operations:\n");
        for (String topic : List.of(Topics.REFERRAL_EVENTS, Topics.MEETING_EVENTS)) {
            String channel = channelId(topic);
            y.append("  receive").append(Character.toUpperCase(channel.charAt(0))).append(channel.substring(1)).append(":\n");
            y.append("    action: receive\n");
            y.append("    channel:\n      $ref: '#/channels/").append(channel).append("'\n");
            y.append("    summary: Subscribe to ").append(topic).append("\n");
        }
        y.append("""
                components:
                  messageTraits:
                    cloudEvent:
                      headers:
                        type: object
                        required: [ce_specversion, ce_id, ce_type, ce_source, ce_time, content-type]
                        properties:
                          ce_specversion: {type: string, const: "1.0"}
                          ce_id: {type: string, description: the event's unique id; consumers deduplicate by it}
                          ce_type: {type: string, description: "fi.perhekeskus.<domain>.<Event>.v<version>"}
                          ce_source: {type: string, description: the producing service, e.g. /perhekeskus/referral-service}
                          ce_time: {type: string, format: date-time}
                          ce_subject: {type: string, format: uuid, description: the aggregate id (also the record key)}
                          ce_sequence: {type: string, description: the event's sequence number within its aggregate}
                          content-type: {type: string, const: application/json}
                      bindings:
                        kafka:
                          key:
                            type: string
                            format: uuid
                  messages:
                """);
        for (Class<?> event : EventCatalog.events()) {
            y.append("    ").append(messageId(event)).append(":\n");
            y.append("      name: ").append(EventCatalog.typeOf(event)).append("\n");
            y.append("      title: ").append(EventCatalog.nameOf(event)).append("\n");
            String description = description(event);
            if (description != null) {
                y.append("      summary: \"").append(description.replace("\"", "'")).append("\"\n");
            }
            y.append("      traits:\n        - $ref: '#/components/messageTraits/cloudEvent'\n");
            y.append("      payload:\n        schemaFormat: application/schema+json;version=draft-2020-12\n");
            y.append("        schema:\n          $ref: 'schemas/").append(EventCatalog.typeOf(event)).append(".json'\n");
        }
        return y.toString();
    }

    private static List<Class<?>> eventsOf(String topic) {
        return EventCatalog.events().stream().filter(e -> EventCatalog.topicOf(e).equals(topic)).toList();
    }

    private static String channelId(String topic) {
        return topic.equals(Topics.REFERRAL_EVENTS) ? "referralEvents" : "meetingEvents";
    }

    private static String messageId(Class<?> event) {
        return EventCatalog.nameOf(event) + "V" + EventCatalog.versionOf(event);
    }

    /** The first sentence of the record's Javadoc, read from the source. */
    static String description(Class<?> event) throws IOException {
        Path source = SOURCES.resolve(event.getName().replace('.', '/') + ".java");
        if (!Files.exists(source)) {
            return null;
        }
        Matcher javadoc = Pattern.compile("/\\*\\*\\s*(.*?)\\s*\\*/\\s*@EventType", Pattern.DOTALL)
                .matcher(Files.readString(source));
        if (!javadoc.find()) {
            return null;
        }
        return javadoc.group(1).replaceAll("\\s*\\n\\s*\\*\\s*", " ").trim();
    }

    public static void main(String[] args) throws IOException {
        for (Map.Entry<Path, String> file : generate().entrySet()) {
            Path target = OUTPUT.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }
}
