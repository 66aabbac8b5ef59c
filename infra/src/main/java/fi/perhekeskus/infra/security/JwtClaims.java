package fi.perhekeskus.infra.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The platform's claims: {@code sub}, {@code agency}, {@code roles} (docs/contract.md). */
public final class JwtClaims {

    public static final String AGENCY = "agency";
    public static final String ROLES = "roles";

    private JwtClaims() {
    }

    public static Caller caller(Jwt jwt) {
        return new Caller(jwt.getSubject(), agency(jwt), roles(jwt));
    }

    /** The agency the token acts for; the validator has made sure a present claim is a UUID. */
    public static Optional<UUID> agency(Jwt jwt) {
        return Optional.ofNullable(jwt.getClaimAsString(AGENCY)).map(UUID::fromString);
    }

    public static Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (jwt.getClaims().get(ROLES) instanceof Collection<?> names) {
            for (Object name : names) {
                for (Role role : Role.values()) {
                    // Roles of other applications in a shared identity provider are ignored.
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return roles(jwt).stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    /**
     * A token is ours when it expires ({@code exp} present; that it lies in the future is checked
     * by Spring's timestamp validator), names its worker ({@code sub} a non-empty string), carries
     * at least one known role in a {@code roles} array and, if it names an agency, a UUID one.
     */
    public static OAuth2TokenValidator<Jwt> validator() {
        return jwt -> {
            if (jwt.getExpiresAt() == null) {
                return invalid("the token has no expiry (exp)");
            }
            if (!(jwt.getClaims().get(JwtClaimNames.SUB) instanceof String subject) || subject.isBlank()) {
                return invalid("the token names no subject (sub)");
            }
            if (!(jwt.getClaims().get(ROLES) instanceof Collection<?>)) {
                return invalid("the token has no roles array");
            }
            if (roles(jwt).isEmpty()) {
                return invalid("the token has none of the roles " + EnumSet.allOf(Role.class));
            }
            if (jwt.hasClaim(AGENCY)) {
                if (!(jwt.getClaims().get(AGENCY) instanceof String agency)) {
                    return invalid("the agency claim is not a UUID");
                }
                if (!isUuid(agency)) {
                    return invalid("the agency claim is not a UUID");
                }
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    /** Only the canonical form: {@code UUID.fromString} would also take e.g. "1-1-1-1-1". */
    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
