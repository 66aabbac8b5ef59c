package fi.perhekeskus.infra.web;

/**
 * Marks an {@link org.springframework.web.ErrorResponse} whose problem body is written by the
 * platform itself, in our own words: answered as it is, not replaced by the fixed text that stands
 * in for Spring's and libraries' messages.
 */
public interface PlatformProblem {
}
