package fi.perhekeskus.infra.web;

import org.springframework.http.HttpHeaders;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat refuses some requests before any servlet sees them (an encoded {@code /} or {@code \}
 * in the path, a control character in a header): its error page becomes problem+json too, with
 * our fixed text for the status in place of Tomcat's HTML report.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            OutputStream out = response.getOutputStream();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ProblemTexts.detailOf(status));
            ProblemWriter.localise(problem, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), response);
            JSON.writeValue(out, problem);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was taken: nothing more to tell the client.
        }
    }
}
