package fi.perhekeskus.infra.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request: what is sent, as whom, and which of its defects the generator made sure
 * must refuse it ({@code fatal}); a request without a fatal defect is only ever a read.
 */
public record FuzzRequest(int number, OpenApiOperations.Operation operation, String role, String method,
                          String target, List<Map.Entry<String, String>> headers, byte[] body,
                          List<String> defects, boolean fatal) {

    /** What to print for a failure: enough to see the request, not 300 KiB of it. */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append('#').append(number).append(' ').append(method).append(' ').append(cut(target, 300))
                .append(" as ").append(role).append(" defects=").append(defects);
        headers.forEach(h -> text.append("\n    ").append(h.getKey()).append(": ")
                .append(h.getKey().equalsIgnoreCase("Authorization") ? "Bearer <" + role + ">" : cut(h.getValue(), 120)));
        if (body != null) {
            text.append("\n    body (").append(body.length).append(" bytes): ")
                    .append(cut(new String(body, StandardCharsets.UTF_8), 300));
        }
        return text.toString();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + ")";
    }
}
