package fi.perhekeskus.meeting.invitation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fi.perhekeskus.contract.programme.InvitationAnswer;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** The bodies of the invitation endpoints; a list at most {@value #MAX_FAMILIES} families (docs/contract.md, Limits). */
public final class InvitationRequests {

    public static final int MAX_FAMILIES = 50;

    private InvitationRequests() {
    }

    /** Either {@code familyIds} (1 to 50 families) or {@code byAge: true}, not both. */
    public record Invite(@Size(max = MAX_FAMILIES) List<@NotNull UUID> familyIds, Boolean byAge) {

        @JsonIgnore
        @AssertTrue(message = "give either familyIds (1 to 50) or byAge: true, not both")
        public boolean isEitherListOrByAge() {
            boolean listed = familyIds != null && !familyIds.isEmpty();
            return listed != Boolean.TRUE.equals(byAge);
        }
    }

    public record Answer(@NotNull InvitationAnswer answer) {
    }
}
