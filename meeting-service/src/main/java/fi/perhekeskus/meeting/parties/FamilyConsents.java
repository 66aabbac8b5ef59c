package fi.perhekeskus.meeting.parties;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The families and consents meeting-service has learnt from the referral topic: the port through
 * which aggregates decide who may act on a family.
 *
 * <p>This knowledge arrives from Kafka, so it cannot read referral-service's writes: a family
 * registered (or a consent given) a moment ago may be unknown here for a few hundred
 * milliseconds, and a withdrawal or an erasure takes as long to arrive.
 */
public interface FamilyConsents {

    /** Empty when the family is unknown or erased. */
    Optional<FamilyStanding> standing(UUID familyId, LocalDate today);
}
