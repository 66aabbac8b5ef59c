package fi.perhekeskus.infra.secrets;

/**
 * A secret the service needs is missing or unusable. The service refuses to start rather than run
 * on a secret written in its source; the message names the variable to set.
 */
public class InvalidSecretException extends IllegalStateException {

    private final String variable;
    private final String property;

    public InvalidSecretException(String variable, String property, String problem) {
        super(problem + ": set the environment variable " + variable + " (or property " + property + ")");
        this.variable = variable;
        this.property = property;
    }

    public String variable() {
        return variable;
    }

    public String property() {
        return property;
    }
}
