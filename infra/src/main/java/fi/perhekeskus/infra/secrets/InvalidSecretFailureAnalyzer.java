package fi.perhekeskus.infra.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing secret into Spring Boot's short "APPLICATION FAILED TO START" report. */
public class InvalidSecretFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSecretException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the environment variable " + cause.variable() + " (or property " + cause.property()
                        + "). ./run creates one for the installation in .data/secrets.properties.", cause);
    }
}
