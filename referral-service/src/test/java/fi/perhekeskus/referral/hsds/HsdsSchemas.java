package fi.perhekeskus.referral.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The official HSDS 3.0 schemas (committed under {@code src/test/resources/hsds/3.0}, see its
 * README): each response schema is taken from the standard's own {@code openapi.json}, whose
 * references to the published schema files resolve to the committed copies. Formats (uuid,
 * date-time, uri, email) are asserted, not only annotated.
 */
final class HsdsSchemas {

    private static final String PUBLISHED = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";
    private static final String COMMITTED = "classpath:hsds/3.0/";

    /** The response schemas of the HSDS OpenAPI's GET operations, by the operation's path. */
    enum Response {
        ROOT("/"),
        SERVICES("/services"),
        SERVICE("/services/{id}"),
        ORGANIZATIONS("/organizations"),
        ORGANIZATION("/organizations/{id}"),
        TAXONOMIES("/taxonomies"),
        TAXONOMY("/taxonomies/{id}"),
        TAXONOMY_TERMS("/taxonomy_terms"),
        TAXONOMY_TERM("/taxonomy_terms/{id}");

        final String operationPath;

        Response(String operationPath) {
            this.operationPath = operationPath;
        }

        String pointer() {
            return "#/paths/" + operationPath.replace("~", "~0").replace("/", "~1")
                    + "/get/responses/200/content/application~1json/schema";
        }
    }

    private static final AtomicInteger VALIDATED = new AtomicInteger();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(PUBLISHED, COMMITTED)));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<Response, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private HsdsSchemas() {
    }

    /** The schema errors of a body (empty when valid); counts only valid bodies. */
    static Set<ValidationMessage> errors(Response response, JsonNode body) {
        Set<ValidationMessage> errors = schema(response).validate(body);
        if (errors.isEmpty()) {
            VALIDATED.incrementAndGet();
        }
        return errors;
    }

    /** Responses found valid so far in this JVM. */
    static int validated() {
        return VALIDATED.get();
    }

    private static JsonSchema schema(Response response) {
        return SCHEMAS.computeIfAbsent(response, r -> {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(COMMITTED + "openapi.json" + r.pointer()), CONFIG);
            // Resolve every reference now: a schema file that is missing must fail here, not pass as unknown.
            schema.initializeValidators();
            return schema;
        });
    }
}
