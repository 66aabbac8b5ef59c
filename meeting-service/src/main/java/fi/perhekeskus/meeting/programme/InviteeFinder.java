package fi.perhekeskus.meeting.programme;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The port through which a programme finds the families to invite by age: those living in one of the
 * service's municipalities with a child born in the given months. Consent is checked by the
 * aggregate, not here.
 */
public interface InviteeFinder {

    /** Families in a municipality of the service with a child born from {@code bornFrom} to {@code bornTo}. */
    List<UUID> familiesWithChildBorn(UUID serviceId, YearMonth bornFrom, YearMonth bornTo);
}
