package fi.perhekeskus.infra.consistency;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import fi.perhekeskus.infra.web.PlatformProblem;
import org.springframework.web.ErrorResponseException;

/** A view did not reach the caller's writes in time: 503 with Retry-After, never a stale answer. */
public class ViewBehindException extends ErrorResponseException implements PlatformProblem {

    public ViewBehindException(String processingGroup) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the view is catching up with recent changes; try again shortly");
        problem.setTitle("Service Unavailable");
        return problem;
    }
}
