package fi.perhekeskus.contract.docs;

import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/events.md, the integrators' table of the topics and their events, is what the event catalog
 * says. Regenerate it with {@code mvn -B -pl core-domain test -Dtest=EventTableTest -Dcontract.write=true}.
 */
class EventTableTest {

    static final Path FILE = Path.of("../docs/events.md");

    @Test
    void theCommittedEventTableIsTheCatalogs() throws IOException {
        String table = table();
        if (Boolean.getBoolean("contract.write")) {
            Files.writeString(FILE, table, StandardCharsets.UTF_8);
        }
        assertThat(FILE).as("docs/events.md; regenerate it with mvn -B -pl core-domain test -Dtest=EventTableTest "
                + "-Dcontract.write=true").exists();
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("docs/events.md is stale; regenerate it with mvn -B -pl core-domain test -Dtest=EventTableTest "
                        + "-Dcontract.write=true").isEqualTo(table);
    }

    static String table() throws IOException {
        StringBuilder out = new StringBuilder("""
                # Kafka topics and events

                Generated from the event catalog (`EventCatalog` in core-domain) by `EventTableTest`; do not edit
                by hand. The machine-readable contract is the AsyncAPI 3.0 document
                [`asyncapi.yaml`](../core-domain/src/main/resources/META-INF/resources/contract/asyncapi.yaml) with
                a JSON Schema per event and version in
                [`schemas/`](../core-domain/src/main/resources/META-INF/resources/contract/schemas) (every service
                also serves them at `/contract/asyncapi.yaml` and `/contract/schemas/<type>.json`).

                Records are CloudEvents 1.0 in Kafka binary mode: the value is the event's JSON; the headers are
                `ce_specversion`, `ce_id`, `ce_type` (the type below), `ce_source`, `ce_time`, `ce_subject` (the
                aggregate id) and `content-type: application/json`; the record key is the aggregate id, so one
                aggregate's events are in order on one partition. Publishing is transactional: read with
                `isolation.level=read_committed`. A changed event gets a new version (`.v2`); older versions are
                upcast by the services and their schemas stay published. *sealed* fields are encrypted with the
                family's own key (never readable personal data); a field marked `?` may be null.

                """);
        for (String topic : List.of(Topics.REFERRAL_EVENTS, Topics.MEETING_EVENTS)) {
            out.append("## `").append(topic).append("`\n\n| event | CloudEvents type | fields | meaning |\n|---|---|---|---|\n");
            for (Class<?> event : EventCatalog.events()) {
                if (!EventCatalog.topicOf(event).equals(topic)) {
                    continue;
                }
                List<String> fields = new ArrayList<>();
                for (RecordComponent component : event.getRecordComponents()) {
                    fields.add("`" + component.getName() + (component.isAnnotationPresent(Nullable.class) ? "?" : "")
                            + "` " + typeName(component.getGenericType()));
                }
                String description = ContractDocuments.description(event);
                out.append("| ").append(EventCatalog.nameOf(event)).append(" | `").append(EventCatalog.typeOf(event))
                        .append("` | ").append(String.join(", ", fields)).append(" | ")
                        .append(description == null ? "" : firstSentence(description).replace("|", "\\|"))
                        .append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return typeName(parameterized.getActualTypeArguments()[0]) + "[]";
        }
        String name = ((Class<?>) type).getSimpleName();
        return name.equals("Sealed") ? "sealed" : name;
    }

    private static String firstSentence(String text) {
        String plain = text.replaceFirst("^\\*\\s*", "").replaceAll("\\{@\\w+ ([^}]*)}", "$1");
        int end = plain.indexOf(". ");
        return end < 0 ? plain : plain.substring(0, end + 1);
    }
}
