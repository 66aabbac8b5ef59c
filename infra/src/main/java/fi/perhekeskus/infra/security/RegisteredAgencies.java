package fi.perhekeskus.infra.security;

import java.util.UUID;

/**
 * The agencies a service knows to be registered on the platform. A token naming an agency that is
 * not registered may read only the public directory: a valid signature alone does not make its
 * holder a party to anything. Each service answers from its own store (referral-service from its
 * agencies, the others from {@code AgencyRegistered} on the referral topic).
 */
public interface RegisteredAgencies {

    boolean isRegistered(UUID agencyId);
}
