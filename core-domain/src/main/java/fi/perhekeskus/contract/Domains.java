package fi.perhekeskus.contract;

/**
 * The event domains, each of which is also a topic. Events name their domain from here rather than
 * from {@link EventCatalog}, which lists the events: so the catalog depends on the events and no
 * event depends on the catalog.
 */
public final class Domains {

    public static final String REFERRAL = "referral";
    public static final String MEETING = "meeting";

    private Domains() {
    }
}
