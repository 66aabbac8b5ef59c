package fi.perhekeskus.reporting;

/** Names of the projections (processing groups). */
public final class Projections {

    public static final String DIRECTORY = "directory-projection";

    private Projections() {
    }
}
