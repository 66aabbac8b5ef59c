package fi.perhekeskus.infra.web;

import org.springframework.http.HttpStatusCode;

/** Our own fixed detail texts, for errors whose cause must not be echoed to the caller. */
final class ProblemTexts {

    static final String INVALID = "the request is not valid";
    static final String NOT_FOUND = "no such resource";
    static final String UNEXPECTED = "an unexpected error occurred";

    private ProblemTexts() {
    }

    static String detailOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> INVALID;
            case 401 -> "a valid bearer token is required";
            case 403 -> "your role does not allow this";
            case 404 -> NOT_FOUND;
            case 405 -> "this method is not allowed on this resource";
            case 406 -> "no representation of this resource matches the Accept header";
            case 408 -> "the request took too long to arrive";
            case 409 -> "the request conflicts with the resource's state";
            case 413 -> RequestBodyLimit.tooLargeDetail(RequestBodyLimit.DEFAULT_MAX_BYTES);
            case 414 -> "the request's address is too long";
            case 415 -> "this content type is not supported here; send application/json";
            case 422 -> "the request breaks a business rule";
            case 431 -> "the request's headers are too large";
            case 503 -> "the service is not available right now";
            default -> status.is4xxClientError() ? INVALID : UNEXPECTED;
        };
    }
}
