package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.infra.privacy.FamilySealer;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * A group programme's own free text — why a session moved or was cancelled, families' feedback
 * comments — belongs to no family, yet may name people. It is sealed under the programme's own key
 * (the sealer keys any subject by its id), so it travels and is stored only sealed, and destroying
 * the programme's key shreds every copy at once without touching any family's data.
 */
@Component
public class ProgrammeNotes {

    private final FamilySealer sealer;

    public ProgrammeNotes(FamilySealer sealer) {
        this.sealer = sealer;
    }

    /** The text sealed with the programme's key; null for no text. */
    public Sealed seal(UUID programmeId, String text) {
        return text == null || text.isBlank() ? null : sealer.seal(programmeId, text);
    }

    /** The text, "[erased]" once the programme's key is destroyed, or null for none. */
    public String open(UUID programmeId, String ciphertext) {
        return ciphertext == null ? null
                : sealer.open(programmeId, new Sealed(ciphertext)).orElse(FamilySealer.ERASED);
    }
}
