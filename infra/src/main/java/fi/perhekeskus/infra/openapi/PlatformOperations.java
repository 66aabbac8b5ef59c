package fi.perhekeskus.infra.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What only the handler method tells: the operation's id, and whether its answer is 201 Created or
 * 204 No Content (springdoc sees a {@link ResponseEntity} and documents 200).
 */
final class PlatformOperations implements OperationCustomizer {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        io.swagger.v3.oas.annotations.Operation declared =
                handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            String id = operationId(handler.getBeanType().getSimpleName(), handler.getMethod().getName());
            String noun = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            // A read named after its noun alone ("networkMeeting") says what it does as getNetworkMeeting.
            if (handler.hasMethodAnnotation(GetMapping.class) && id.equalsIgnoreCase(noun)) {
                id = "get" + noun;
            }
            operation.setOperationId(id);
        }
        statuses(operation, handler);
        List<String> roles = roles(handler);
        if (!roles.isEmpty()) {
            operation.addExtension("x-roles", roles);
        }
        return operation;
    }

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    /** The roles the method's (or else its controller's) {@code @PreAuthorize} names; further checks are in the summary. */
    static List<String> roles(HandlerMethod handler) {
        PreAuthorize rule = handler.getMethodAnnotation(PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null || !rule.value().contains("Role")) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        Matcher matcher = ROLE.matcher(rule.value());
        while (matcher.find()) {
            roles.add(matcher.group(1));
        }
        return roles;
    }

    /**
     * {@code <controller noun><Method>}: ReferralController.make is {@code referralMake}. A method
     * that names its noun already keeps its name; the CSV variant of a report shares the JSON one's
     * operation (one path, two media types), so a {@code Csv} suffix is dropped.
     */
    static String operationId(String controller, String method) {
        String noun = controller.endsWith("Controller")
                ? controller.substring(0, controller.length() - "Controller".length()) : controller;
        String verb = method.endsWith("Csv") ? method.substring(0, method.length() - 3) : method;
        String nounLower = noun.toLowerCase(Locale.ROOT);
        String verbLower = verb.toLowerCase(Locale.ROOT);
        if (noun.isEmpty() || verbLower.contains(nounLower)) {
            return verb;
        }
        if (nounLower.endsWith(verbLower)) {
            return lowerFirst(noun);
        }
        return lowerFirst(noun) + Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
    }

    private static void statuses(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses();
        if (responses == null || !responses.containsKey("200")
                || !ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType())) {
            return;
        }
        ResolvableType body = ResolvableType.forMethodReturnType(handler.getMethod()).getGeneric(0);
        ApiResponse ok = responses.get("200");
        if (body.resolve() == Void.class) {
            responses.remove("200");
            responses.addApiResponse("204", new ApiResponse().description("Done; no content"));
        } else if (handler.hasMethodAnnotation(PostMapping.class) && takesIdempotencyKey(handler)) {
            // A create answers 201 with Location, a replay of its Idempotency-Key the same 201.
            responses.remove("200");
            ok.description("Created (or the same answer again for a repeated Idempotency-Key)");
            ok.addHeaderObject("Location", new Header().description("The created resource").schema(new StringSchema()));
            ok.addHeaderObject("Idempotent-Replayed", new Header()
                    .description("true when this answers a repeated Idempotency-Key").schema(new StringSchema()._enum(List.of("true"))));
            responses.addApiResponse("201", ok);
        }
    }

    private static boolean takesIdempotencyKey(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (header != null && (IDEMPOTENCY_KEY.equalsIgnoreCase(header.name()) || IDEMPOTENCY_KEY.equalsIgnoreCase(header.value()))) {
                return true;
            }
        }
        return false;
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
