package fi.perhekeskus.referral.directory;

import java.util.Optional;
import java.util.UUID;

/** The current offer of a service, read from its aggregate inside the calling unit of work. */
public interface ServiceCatalog {

    Optional<ServiceOffer> offer(UUID serviceId);
}
