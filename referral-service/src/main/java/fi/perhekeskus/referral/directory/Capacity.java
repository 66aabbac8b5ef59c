package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.CapacityStatus;
import fi.perhekeskus.contract.directory.ServiceKind;

import java.time.Instant;

/**
 * A service's capacity as the directory shows it. A new service starts OPEN (it is listed to take
 * families), a GROUP service CLOSED until a programme of it is scheduled; the time is the listing's.
 */
public record Capacity(CapacityStatus status, Integer waitWeeks, Instant updatedAt) {

    /** The most weeks a waitlist may announce: two years. */
    public static final int MAX_WAIT_WEEKS = 104;

    public static CapacityStatus initial(ServiceKind kind) {
        return kind == ServiceKind.GROUP ? CapacityStatus.CLOSED : CapacityStatus.OPEN;
    }
}
