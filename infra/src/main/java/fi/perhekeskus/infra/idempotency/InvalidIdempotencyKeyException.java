package fi.perhekeskus.infra.idempotency;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import fi.perhekeskus.infra.web.PlatformProblem;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;

/** An Idempotency-Key must be 1 to 200 visible ASCII characters: 400 naming the header. */
public class InvalidIdempotencyKeyException extends ErrorResponseException implements PlatformProblem {

    public InvalidIdempotencyKeyException() {
        super(HttpStatus.BAD_REQUEST, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request is not valid");
        problem.setProperty("errors", List.of(new fi.perhekeskus.infra.web.ProblemDetailsAdvice.FieldError("Idempotency-Key",
                "must be 1 to " + IdempotentCreation.MAX_KEY_LENGTH + " visible ASCII characters")));
        return problem;
    }
}
