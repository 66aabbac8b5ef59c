package fi.perhekeskus.contract.docs;

import fi.perhekeskus.contract.EventCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed AsyncAPI document and JSON Schemas must be what the records generate. After a
 * compatible change to an event, regenerate them with
 * {@code mvn -pl core-domain test -Dtest=ContractDocumentsTest -Dcontract.write=true}.
 */
class ContractDocumentsTest {

    @Test
    void committedContractDocumentsMatchTheEventRecords() throws IOException {
        if (Boolean.getBoolean("contract.write")) {
            ContractDocuments.main(new String[0]);
        }
        Map<Path, String> generated = ContractDocuments.generate();
        for (Map.Entry<Path, String> file : generated.entrySet()) {
            Path committed = ContractDocuments.OUTPUT.resolve(file.getKey());
            assertThat(committed).as("missing contract document %s", committed).exists();
            assertThat(Files.readString(committed)).as("contract document %s is stale", committed)
                    .isEqualTo(file.getValue());
        }
        // Schemas of older versions stay published: their records may still be on the topics.
        try (var schemas = Files.list(ContractDocuments.OUTPUT.resolve("schemas"))) {
            schemas.map(p -> p.getFileName().toString()).forEach(file -> {
                String name = file.replaceAll("^fi\\.perhekeskus\\.\\w+\\.(\\w+)\\.v(\\d+)\\.json$", "$1");
                int version = Integer.parseInt(file.replaceAll("^.*\\.v(\\d+)\\.json$", "$1"));
                assertThat(EventCatalog.events()).as("schema %s belongs to no event", file)
                        .anySatisfy(e -> {
                            assertThat(EventCatalog.nameOf(e)).isEqualTo(name);
                            assertThat(EventCatalog.versionOf(e)).isGreaterThanOrEqualTo(version);
                        });
            });
        }
    }
}
