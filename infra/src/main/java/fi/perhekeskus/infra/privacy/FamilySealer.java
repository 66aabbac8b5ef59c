package fi.perhekeskus.infra.privacy;

import fi.perhekeskus.contract.Sealed;

import java.util.Optional;
import java.util.UUID;

/**
 * Crypto-shredding: every family has its own data key, and each personal value (names, birth dates,
 * identity codes, free text that may name people) is sealed with it before it reaches an event, a
 * log or a topic. Erasing the family destroys the key, after which every copy is unreadable.
 *
 * <p>Keys are kept per UUID, so any data subject with an id can have one: meeting-service seals a
 * group programme's own free text (session notes, feedback comments) under the programme's id, and
 * erasing that key shreds the programme's notes without touching any family's.
 */
public interface FamilySealer {

    /** Seals a personal value with the family's key, creating the key on first use. */
    Sealed seal(UUID familyId, String plaintext);

    /**
     * The plaintext, or empty when the family was erased (its key destroyed); {@link #DROPPED} for a
     * plain-text value of an older event version that an upcaster dropped.
     */
    Optional<String> open(UUID familyId, Sealed sealed);

    /** Destroys the family's key for good. Idempotent. */
    void erase(UUID familyId);

    boolean isErased(UUID familyId);

    /** What readers see in place of a value whose key was destroyed. */
    String ERASED = "[erased]";

    /** What readers see in place of a value dropped by an upcaster ({@link Sealed#DROPPED}). */
    String DROPPED = "[dropped]";
}
