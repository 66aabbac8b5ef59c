package fi.perhekeskus.infra.security;

/** The roles a token can carry (claim {@code roles}). */
public enum Role {
    /** Acts for its agency. */
    WORKER,
    /** Runs the network: agencies, services, programmes. */
    COORDINATOR,
    /** Reads aggregate reports only. */
    ANALYST
}
