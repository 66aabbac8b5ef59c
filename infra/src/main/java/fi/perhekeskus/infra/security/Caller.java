package fi.perhekeskus.infra.security;

import fi.perhekeskus.domain.NotPartyException;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the worker id ({@code sub}), the agency it acts for (absent for network-wide
 * roles) and its roles. Controllers take it as a parameter.
 */
public record Caller(String workerId, Optional<UUID> agency, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The caller's agency; a worker without one cannot act for an agency. */
    public UUID agencyId() {
        return agency.orElseThrow(() -> new NotPartyException("the token names no agency"));
    }

    public boolean actsFor(UUID agencyId) {
        return agency.map(agencyId::equals).orElse(false);
    }
}
