package fi.perhekeskus.infra.web;

import fi.perhekeskus.infra.serialization.StorableText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A query or form parameter (its name or a value) with text no store can hold ({@link StorableText})
 * is 400, naming the parameter, before any controller sees it. JSON bodies get the same rule from
 * the body's reader.
 */
public class StorableParameters extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public StorableParameters(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!storable(parameter.getKey(), parameter.getValue())) {
                // A name that cannot be stored is not echoed either.
                String field = StorableText.isStorable(parameter.getKey()) ? parameter.getKey() : "?";
                problems.write(request, response, HttpStatus.BAD_REQUEST, ProblemTexts.INVALID,
                        List.of(new ProblemDetailsAdvice.FieldError(field, StorableText.REFUSED)));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean storable(String name, String[] values) {
        if (!StorableText.isStorable(name)) {
            return false;
        }
        for (String value : values) {
            if (!StorableText.isStorable(value)) {
                return false;
            }
        }
        return true;
    }
}
