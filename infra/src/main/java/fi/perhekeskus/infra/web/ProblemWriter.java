package fi.perhekeskus.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes a problem+json answer from below Spring MVC (servlet filters, the security firewall,
 * the container's error dispatch), where no controller advice runs. The detail is always a
 * fixed text of ours: nothing of the request or of an exception is echoed.
 */
public class ProblemWriter {

    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(request, response, status, detail, List.of());
    }

    /** The same, with the fields at fault named in {@code errors}. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
                      List<ProblemDetailsAdvice.FieldError> errors) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        localise(problem, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), response);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    /** Puts the problem in the language the caller asked for, and says which one it is in. */
    public static void localise(ProblemDetail problem, String acceptLanguage, HttpServletResponse response) {
        Locale language = ProblemLanguage.shared().localise(problem, ProblemLanguage.of(acceptLanguage));
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
