package fi.perhekeskus.infra.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.List;
import java.util.Set;

/**
 * A write whose answer the caller cannot accept is refused before it runs. Spring negotiates the
 * response's type only after the handler returned, so without this a {@code PUT} with
 * {@code Accept: application/xml} stored its event and then answered 406: a refused request must
 * change nothing.
 */
final class AcceptBeforeWrite implements HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** What a handler without {@code produces} answers with: its JSON body or a problem. */
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!WRITES.contains(request.getMethod()) || !(handler instanceof HandlerMethod method) || !hasBody(method)) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("the Accept header cannot be read");
        }
        List<MediaType> producible = producible(request);
        boolean compatible = acceptable.stream().anyMatch(a -> producible.stream().anyMatch(a::isCompatibleWith));
        if (!compatible) {
            throw new HttpMediaTypeNotAcceptableException(producible);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<MediaType> producible(HttpServletRequest request) {
        Object declared = request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        if (declared instanceof Set<?> types && !types.isEmpty()) {
            return List.copyOf((Set<MediaType>) types);
        }
        return JSON;
    }

    /** An answer without a body (void, {@code ResponseEntity<Void>}) negotiates nothing. */
    private static boolean hasBody(HandlerMethod method) {
        MethodParameter returned = method.getReturnType();
        Class<?> type = returned.getParameterType();
        if (type == void.class || type == Void.class) {
            return false;
        }
        if (ResponseEntity.class.isAssignableFrom(type)) {
            Class<?> body = ResolvableType.forMethodParameter(returned).getGeneric(0).resolve(Object.class);
            return body != Void.class;
        }
        return true;
    }
}
