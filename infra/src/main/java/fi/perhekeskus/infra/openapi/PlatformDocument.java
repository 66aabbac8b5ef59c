package fi.perhekeskus.infra.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.util.AntPathMatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The document-wide rules (see {@link OpenApiAutoConfiguration}): which operations need the bearer
 * token, the error answers each can give, and request body examples.
 */
final class PlatformDocument implements OpenApiCustomizer {

    static final String BEARER = "bearerJwt";
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Status, component name, when it is answered. */
    private record Error(String status, String name, String description) {
    }

    private static final Map<String, Error> ERRORS = new LinkedHashMap<>();

    static {
        for (Error e : List.of(
                new Error("400", "BadRequest", "The request is not valid: a parameter or the body breaks its "
                        + "schema or limits; `errors[]` names the fields"),
                new Error("401", "Unauthorized", "No bearer token, or one that is expired, badly signed or lacks "
                        + "the platform's claims"),
                new Error("403", "Forbidden", "The token's role or agency does not allow this"),
                new Error("404", "NotFound", "No such resource (or none the caller may see)"),
                new Error("406", "NotAcceptable", "No representation matches the Accept header"),
                new Error("409", "Conflict", "The resource's state does not allow this step"),
                new Error("413", "PayloadTooLarge", "The body is larger than the platform's limit (256 KiB)"),
                new Error("415", "UnsupportedMediaType", "The body is not application/json (UTF-8)"),
                new Error("422", "UnprocessableEntity", "A business rule refuses the request, or its "
                        + "Idempotency-Key was used before with another body"),
                new Error("503", "ViewCatchingUp", "The view has not caught up with the writes stored before this "
                        + "read within the catch-up timeout (read-your-writes): retry after `Retry-After` seconds"))) {
            ERRORS.put(e.status(), e);
        }
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final List<String> publicPaths;
    private final boolean readsCatchUp;

    PlatformDocument(List<String> publicPaths, boolean readsCatchUp) {
        this.publicPaths = List.copyOf(publicPaths);
        this.readsCatchUp = readsCatchUp;
    }

    static OpenAPI base(String service) {
        return new OpenAPI()
                .info(new Info().title("Perhekeskus " + service).version("v1")
                        .description("The HTTP API of " + service + ". Errors are application/problem+json "
                                + "(RFC 9457). Roles, limits and the events it publishes: docs/ in the repository."))
                .servers(List.of(new Server().url("/").description("this service (locally http://localhost:8081 "
                        + "referral-service, :8082 meeting-service, :8083 reporting-service)")))
                .components(components(new Components()));
    }

    /** The scheme and the problem schemas; added again after springdoc dropped what nothing referred to yet. */
    static Components components(Components components) {
        return components
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").bearerFormat("JWT")
                        .description("A JWT with exp, a non-empty sub and at least one of the roles WORKER, "
                                + "COORDINATOR, ANALYST (claim roles); agency in claim agency"))
                .addSchemas(FIELD_ERROR, new ObjectSchema()
                        .description("One field or parameter that is not valid")
                        .addProperty("field", new StringSchema().description("the field's path or the parameter's name"))
                        .addProperty("message", new StringSchema().description("what is wrong with it"))
                        .required(List.of("field", "message")))
                .addSchemas(PROBLEM, new ObjectSchema()
                        .description("An error, as RFC 9457 problem details")
                        .addProperty("type", new StringSchema().format("uri")._default("about:blank"))
                        .addProperty("title", new StringSchema().description("the status's reason phrase"))
                        .addProperty("status", new IntegerSchema().description("the HTTP status"))
                        .addProperty("detail", new StringSchema().description("what went wrong, in our own words"))
                        .addProperty("instance", new StringSchema().format("uri-reference"))
                        .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(ref(FIELD_ERROR)))
                                .description("the fields or parameters that are not valid (400)"))
                        .required(List.of("type", "title", "status")));
    }

    @Override
    public void customise(OpenAPI openApi) {
        Paths paths = openApi.getPaths();
        if (paths == null) {
            return;
        }
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        components(openApi.getComponents());
        // "/hsds" and "/hsds/" are one resource; the document keeps the form without the slash.
        new ArrayList<>(paths.keySet()).stream()
                .filter(p -> p.length() > 1 && p.endsWith("/") && paths.containsKey(p.substring(0, p.length() - 1)))
                .forEach(paths::remove);
        Map<String, Error> used = new TreeMap<>();
        paths.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean secured = !isPublic(path);
            if (secured) {
                operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            } else {
                operation.setSecurity(new ArrayList<>());
            }
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                operation.setSummary(humanized(operation.getOperationId()));
            }
            errors(path, method, operation, secured).forEach(status -> {
                Error error = ERRORS.get(status);
                used.put(status, error);
                if (operation.getResponses() == null) {
                    operation.setResponses(new ApiResponses());
                }
                operation.getResponses().putIfAbsent(status,
                        new ApiResponse().$ref("#/components/responses/" + error.name()));
            });
            RequestBodyExamples.add(openApi, operation);
        }));
        used.values().forEach(error -> {
            ApiResponse response = new ApiResponse().description(error.description()).content(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(ref(PROBLEM)))));
            if (error.status().equals("503")) {
                response.addHeaderObject("Retry-After", new Header().description("seconds to wait")
                        .schema(new IntegerSchema()));
            }
            openApi.getComponents().addResponses(error.name(), response);
        });
    }

    private List<String> errors(String path, PathItem.HttpMethod method, Operation operation, boolean secured) {
        List<String> statuses = new ArrayList<>();
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && operation.getParameters().stream()
                .map(Parameter::getName).anyMatch(name -> !"Accept".equalsIgnoreCase(name));
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (body || parameters) {
            statuses.add("400");
        }
        if (secured) {
            statuses.add("401");
            statuses.add("403");
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        boolean answersContent = operation.getResponses() != null && operation.getResponses().entrySet().stream()
                .anyMatch(r -> r.getKey().startsWith("2") && r.getValue().getContent() != null
                        && !r.getValue().getContent().isEmpty());
        if (answersContent) {
            statuses.add("406");
        }
        if (write && secured) {
            statuses.add("409");
        }
        if (body) {
            statuses.add("413");
            statuses.add("415");
        }
        if (write && secured) {
            statuses.add("422");
        }
        if (!write && readsCatchUp && !path.startsWith("/api/v1/admin/")) {
            statuses.add("503");
        }
        return statuses;
    }

    private boolean isPublic(String path) {
        return publicPaths.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    private static String humanized(String operationId) {
        if (operationId == null) {
            return "Operation";
        }
        String words = operationId.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String ref(String schema) {
        return "#/components/schemas/" + schema;
    }
}
