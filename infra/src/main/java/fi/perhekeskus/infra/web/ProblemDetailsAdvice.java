package fi.perhekeskus.infra.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import fi.perhekeskus.infra.serialization.StorableText;
import com.fasterxml.jackson.databind.JsonMappingException;
import fi.perhekeskus.domain.DomainException;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.NotPartyException;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.domain.UnknownException;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error is {@code application/problem+json} (RFC 9457) with {@code status}, {@code title},
 * {@code detail} and, for validation, {@code errors: [{field, message}]}. The status follows the
 * exception's type, never its message. Texts are in the caller's language ({@link ProblemLanguage}).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    public record FieldError(String field, String message) {
    }

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<Object> domain(DomainException e, WebRequest request) {
        HttpStatus status = statusOf(e);
        return problem(status, e.getMessage(), null, request);
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<Object> command(CommandExecutionException e, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof DomainException domain) {
            return domain(domain, request);
        }
        if (cause instanceof AggregateNotFoundException) {
            return problem(HttpStatus.NOT_FOUND, ProblemTexts.NOT_FOUND, null, request);
        }
        if (cause instanceof AggregateStreamCreationException
                || cause instanceof EventStoreException stored && isUniqueViolation(stored)) {
            return problem(HttpStatus.CONFLICT, "it exists already", null, request);
        }
        if (cause instanceof ConcurrencyException) {
            // Retried by the command gateway; still losing after its retries, the caller may try again.
            return problem(HttpStatus.CONFLICT, "it was changed at the same time by another request; try again",
                    null, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<Object> concurrent(ConcurrencyException e, WebRequest request) {
        return problem(HttpStatus.CONFLICT, "it was changed at the same time by another request; try again",
                null, request);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    public ResponseEntity<Object> created(AggregateStreamCreationException e, WebRequest request) {
        return problem(HttpStatus.CONFLICT, "it exists already", null, request);
    }

    /**
     * A resource whose id is derived from what it is about (one per key, such as a service's plan for
     * a year) exists already: the event store's unique key refused the second, also when both came
     * at once.
     */
    @ExceptionHandler(EventStoreException.class)
    public ResponseEntity<Object> exists(EventStoreException e, WebRequest request) {
        if (!isUniqueViolation(e)) {
            return unexpected(e, request);
        }
        return problem(HttpStatus.CONFLICT, "it exists already", null, request);
    }

    /** PostgreSQL's unique_violation (23505) anywhere in the chain: the event store's key refused the append. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException e, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, ProblemTexts.NOT_FOUND, null, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> accessDenied(AccessDeniedException e, WebRequest request) {
        return problem(HttpStatus.FORBIDDEN, "your role does not allow this", null, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> constraint(ConstraintViolationException e, WebRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, ProblemTexts.INVALID, errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTexts.INVALID,
                List.of(new FieldError(e.getName(), "is not a valid value")), request);
    }

    /** The firewall checks parameter values only when they are read, which is here, in MVC. */
    @ExceptionHandler(RequestRejectedException.class)
    public ResponseEntity<Object> rejected(RequestRejectedException e, WebRequest request) {
        log.debug("Request rejected by the firewall: {}", e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, FirewallRejections.DETAIL, null, request);
    }

    @ExceptionHandler(InvalidFieldException.class)
    public ResponseEntity<Object> invalidField(InvalidFieldException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTexts.INVALID,
                List.of(new FieldError(e.field(), e.getMessage())), request);
    }

    /** A library's message may name classes or echo input: the caller gets our own text. */
    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Object> illegalArgument(IllegalArgumentException e, WebRequest request) {
        log.debug("Refused as not valid", e);
        return problem(HttpStatus.BAD_REQUEST, ProblemTexts.INVALID, null, request);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTexts.UNEXPECTED, null, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, ProblemTexts.INVALID, errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (RequestBodyLimit.BodyTooLargeException.isCauseOf(e)) {
            // A body without Content-Length that streamed past the limit.
            return problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    RequestBodyLimit.tooLargeDetail(RequestBodyLimit.DEFAULT_MAX_BYTES), null, request);
        }
        List<FieldError> errors = null;
        if (e.getCause() instanceof JsonMappingException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = StorableText.isRefusal(mismatch) ? StorableText.REFUSED
                    : mismatch instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()
                    ? "must be one of " + List.of(invalid.getTargetType().getEnumConstants())
                    : "has the wrong type";
            errors = List.of(new FieldError(field, message));
        }
        return problem(HttpStatus.BAD_REQUEST, "the body is not valid JSON for this request", errors, request);
    }

    /**
     * Every exception Spring MVC handles itself (a missing parameter, a wrong method or media type,
     * an unknown path, a failed parameter constraint...) funnels through here: its default detail
     * is replaced by our fixed text, with the offending parameter named where there is one.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (e instanceof PlatformProblem && e instanceof ErrorResponse own) {
            return createResponseEntity(own.getBody(), headers, status, request);
        }
        List<FieldError> errors = null;
        if (e instanceof MissingServletRequestParameterException missing) {
            errors = List.of(new FieldError(missing.getParameterName(), "is required"));
        } else if (e instanceof MissingRequestHeaderException missing) {
            errors = List.of(new FieldError(missing.getHeaderName(), "is required"));
        } else if (e instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            errors = List.of(new FieldError(mismatch.getPropertyName(), "is not a valid value"));
        } else if (e instanceof HandlerMethodValidationException invalid) {
            errors = parameterErrors(invalid);
        }
        if (status.is5xxServerError()) {
            log.error("Unexpected error", e);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ProblemTexts.detailOf(status));
        if (errors != null && !errors.isEmpty()) {
            problem.setProperties(Map.of("errors", errors));
        }
        return createResponseEntity(problem, headers, status, request);
    }

    private static List<FieldError> parameterErrors(HandlerMethodValidationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldError(name, error.getDefaultMessage())));
        }
        return errors;
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        if (headers != null) {
            problemHeaders.putAll(headers);
        }
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (body instanceof ProblemDetail problem) {
            Locale asked = ProblemLanguage.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            problemHeaders.setContentLanguage(ProblemLanguage.shared().localise(problem, asked));
            problemHeaders.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
        return new ResponseEntity<>(body, problemHeaders, status);
    }

    private ResponseEntity<Object> problem(HttpStatus status, String detail, List<FieldError> errors,
                                           WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperties(Map.of("errors", errors));
        }
        return createResponseEntity(problem, null, status, request);
    }

    private static HttpStatus statusOf(DomainException e) {
        if (e instanceof IllegalTransitionException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof RuleViolationException) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (e instanceof NotPartyException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof UnknownException) {
            return HttpStatus.NOT_FOUND;
        }
        throw new IllegalStateException("unmapped domain exception " + e.getClass());
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
