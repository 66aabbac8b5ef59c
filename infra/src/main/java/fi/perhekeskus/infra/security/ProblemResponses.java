package fi.perhekeskus.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.net.URI;

/** 401 and 403 from the security filters, as problem+json like every other error. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized(ObjectMapper mapper) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            // The decoder's own message names libraries and token internals: not for the caller.
            write(mapper, request, response, HttpStatus.UNAUTHORIZED, "a valid bearer token is required");
        };
    }

    static AccessDeniedHandler forbidden(ObjectMapper mapper) {
        return (request, response, e) -> write(mapper, request, response, HttpStatus.FORBIDDEN,
                e instanceof AuthorizationDeniedException denied
                        && denied.getAuthorizationResult() instanceof RegisteredAgencyAuthorization.UnregisteredAgency
                        ? "the token's agency is not registered on the platform; it may read only the public directory"
                        : "your role does not allow this");
    }

    private static void write(ObjectMapper mapper, HttpServletRequest request, HttpServletResponse response,
                              HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        ProblemWriter.localise(problem, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), response);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
