package fi.perhekeskus.referral.directory;

import java.util.UUID;

/** Whether an agency belongs to the network (checked against the event store, not a view). */
public interface AgencyRegistry {

    boolean isRegistered(UUID agencyId);
}
