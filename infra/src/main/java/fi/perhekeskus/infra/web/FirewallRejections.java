package fi.perhekeskus.infra.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/**
 * A request Spring Security's firewall refuses ({@code //}, {@code ;}, an encoded {@code .} or
 * {@code /} in the path, a control character in a header) gets 400 problem+json like every other
 * error, not the container's error page. The firewall's reason is logged, never answered.
 */
public class FirewallRejections implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

    static final String DETAIL = "the request's address or headers contain characters that are not allowed";

    private final ProblemWriter problems;

    public FirewallRejections(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.debug("Request rejected by the firewall: {}", e.getMessage());
        problems.write(request, response, HttpStatus.BAD_REQUEST, DETAIL);
    }
}
