package fi.perhekeskus.infra.idempotency;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import fi.perhekeskus.infra.web.PlatformProblem;
import org.springframework.web.ErrorResponseException;

/** The same Idempotency-Key came with a different request: 422, and nothing is created. */
public class IdempotencyKeyReusedException extends ErrorResponseException implements PlatformProblem {

    public IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_ENTITY, ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "this Idempotency-Key was used for a different request"), null);
    }
}
