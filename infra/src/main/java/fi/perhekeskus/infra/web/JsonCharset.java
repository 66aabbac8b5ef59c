package fi.perhekeskus.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body declared in a charset other than UTF-8 (RFC 8259 allows no other between systems) is
 * 415. Spring's JSON reader ignores a declared UTF-16 or UTF-32 and detects the encoding from the
 * bytes, so such a request would otherwise be read as if it had said UTF-8.
 */
public class JsonCharset extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public JsonCharset(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (declaresOtherThanUtf8(request.getContentType())) {
            problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "a JSON body is UTF-8; send application/json without another charset");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean declaresOtherThanUtf8(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException malformed) {
            return false; // MVC refuses it in its own words
        }
        String charset = type.getParameter("charset");
        boolean json = "json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json");
        return json && charset != null && !charset.replace("\"", "").equalsIgnoreCase(StandardCharsets.UTF_8.name());
    }
}
