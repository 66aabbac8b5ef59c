package fi.perhekeskus.infra.testing;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenAPI document a running service serves ({@code GET /v3/api-docs}) against the one committed
 * under {@code docs/openapi/<service>.json}, from which the clients are generated: the committed
 * contract must be the true one. With {@code -Dperhekeskus.openapi.write=true} the served document is
 * written over the committed one instead (see docs/README.md, "Regenerating").
 */
public final class CommittedOpenApi {

    public static final String WRITE = "perhekeskus.openapi.write";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CommittedOpenApi() {
    }

    /** The repository's root: where the reactor's top pom is, above the working directory. */
    public static Path repositoryRoot() {
        Path at = Path.of("").toAbsolutePath();
        while (at != null && !(Files.exists(at.resolve("docs")) && Files.exists(at.resolve("core-domain")))) {
            at = at.getParent();
        }
        if (at == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return at;
    }

    public static Path committed(String service) {
        return repositoryRoot().resolve("docs/openapi/" + service + ".json");
    }

    public static void assertServedEqualsCommitted(int port, String service) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        compare(service, committed(service), canonical(document));
        compare(service, committed(service).resolveSibling(service + ".md"), index(service, document));
    }

    private static void compare(String service, Path file, String served) throws IOException {
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(file, served, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!committed.equals(served)) {
            fail("docs/openapi/" + file.getFileName() + " is not what " + service + " serves: "
                    + firstDifference(committed, served) + "\nRegenerate it with: mvn -B -pl " + service
                    + " -am verify -Dit.test=OpenApiDocumentIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
                    + " -Dfailsafe.failIfNoSpecifiedTests=false -D" + WRITE + "=true");
        }
    }

    /** The short human index of a document: one line per operation, in path order. */
    public static String index(String service, JsonNode document) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(service).append(" HTTP API\n\n")
                .append("Generated from [").append(service).append(".json](").append(service)
                .append(".json) by OpenApiDocumentIT; do not edit by hand. Roles are the token roles the operation "
                        + "admits (further rules, such as \"of the programme's agencies\", are in its summary); "
                        + "*public* needs no token. Error answers of every operation: see the document.\n\n")
                .append("| method | path | operationId | roles | what it does |\n|---|---|---|---|---|\n");
        Map<String, JsonNode> paths = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(e -> paths.put(e.getKey(), e.getValue()));
        paths.forEach((path, item) -> List.of("get", "post", "put", "patch", "delete").forEach(method -> {
            JsonNode operation = item.path(method);
            if (operation.isMissingNode()) {
                return;
            }
            List<String> roles = new ArrayList<>();
            operation.path("x-roles").forEach(r -> roles.add(r.asText()));
            boolean open = operation.path("security").isArray() && operation.path("security").isEmpty();
            String who = open ? "*public*" : roles.isEmpty() ? "any valid token" : String.join(", ", roles);
            out.append("| ").append(method.toUpperCase(java.util.Locale.ROOT)).append(" | `").append(path)
                    .append("` | `").append(operation.path("operationId").asText()).append("` | ").append(who)
                    .append(" | ").append(operation.path("summary").asText().replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        }));
        return out.toString();
    }

    /** Keys sorted at every level, two-space indent, LF, a final newline: a stable text to diff. */
    public static String canonical(JsonNode document) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer(printer).writeValueAsString(sorted(document)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            return JSON.createArrayNode().addAll(items);
        }
        return node;
    }

    private static String firstDifference(String committed, String served) {
        if (committed.isEmpty()) {
            return "the file is missing";
        }
        String[] a = committed.split("\n", -1);
        String[] b = served.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "line " + (i + 1) + " is\n    " + a[i].strip() + "\nbut is served as\n    " + b[i].strip();
            }
        }
        return "the committed file has " + a.length + " lines, the served one " + b.length;
    }
}
