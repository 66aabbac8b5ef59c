package fi.perhekeskus.infra.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The platform's claims: {@code sub}, {@code agency}, {@code roles} (API.md). */
public final class JwtClaims {

    public static final String AGENCY = "agency";
    public static final String ROLES = "roles";

    private JwtClaims() {
    }

    public static Caller caller(Jwt jwt) {
        String agency = jwt.getClaimAsString(AGENCY);
        return new Caller(jwt.getSubject(),
                Optional.ofNullable(agency).filter(a -> !a.isBlank()).map(UUID::fromString),
                roles(jwt));
    }

    public static Set<Role> roles(Jwt jwt) {
        List<String> names = jwt.getClaimAsStringList(ROLES);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                try {
                    roles.add(Role.valueOf(name));
                } catch (IllegalArgumentException unknownRole) {
                    // Roles of other applications in a shared identity provider are ignored.
                }
            }
        }
        return roles;
    }

    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return roles(jwt).stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    /** A token is ours only with a roles claim and, if it names an agency, a well-formed one. */
    public static OAuth2TokenValidator<Jwt> validator() {
        return jwt -> {
            if (jwt.getClaimAsStringList(ROLES) == null) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token has no roles", null));
            }
            String agency = jwt.getClaimAsString(AGENCY);
            if (agency != null && !agency.isBlank()) {
                try {
                    UUID.fromString(agency);
                } catch (IllegalArgumentException e) {
                    return OAuth2TokenValidatorResult.failure(
                            new OAuth2Error("invalid_token", "the agency claim is not a UUID", null));
                }
            }
            return OAuth2TokenValidatorResult.success();
        };
    }
}
