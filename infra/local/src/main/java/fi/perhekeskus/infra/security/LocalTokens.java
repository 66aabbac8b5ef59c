package fi.perhekeskus.infra.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints HS256 tokens for local use ({@code ./run token}) and tests, including the broken kinds a
 * service must refuse (expired, without {@code exp}, without {@code sub}, signed with another secret).
 * Roles are given as the values of infra's {@code Role} and claimed by name: the local platform
 * depends on none of the adapters, so infra's own tests can use it (LocalTokensTest decodes these
 * tokens with the services' validator and {@code JwtClaims}, which keeps the names in step).
 */
public final class LocalTokens {

    /** The role names {@code Role} declares, for {@code ./run token --roles}. */
    public static final List<String> ROLES = List.of("WORKER", "COORDINATOR", "ANALYST");
    /** The claims {@code JwtClaims} reads. */
    public static final String AGENCY_CLAIM = "agency";
    public static final String ROLES_CLAIM = "roles";

    /** Past Spring's default clock skew of 60 seconds, so the expiry is not forgiven. */
    private static final Duration EXPIRED_FOR = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    public LocalTokens(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String subject, UUID agency, Collection<? extends Enum<?>> roles, Duration validFor) {
        return issueNamed(subject, agency, names(roles), validFor);
    }

    /** As {@link #issue}, with the roles by name ({@link #ROLES}). */
    public String issueNamed(String subject, UUID agency, Collection<String> roles, Duration validFor) {
        return sign(claims(subject, agency, roles).expirationTime(Date.from(Instant.now().plus(validFor))));
    }

    public String worker(String subject, UUID agency) {
        return issueNamed(subject, agency, List.of("WORKER"), Duration.ofHours(8));
    }

    public String coordinator(String subject) {
        return issueNamed(subject, null, List.of("COORDINATOR"), Duration.ofHours(8));
    }

    public String analyst(String subject) {
        return issueNamed(subject, null, List.of("ANALYST"), Duration.ofHours(8));
    }

    /** Correctly signed, but its {@code exp} lies an hour in the past. */
    public String expired(String subject, UUID agency, Collection<? extends Enum<?>> roles) {
        Instant expiredAt = Instant.now().minus(EXPIRED_FOR);
        return sign(claims(subject, agency, names(roles))
                .issueTime(Date.from(expiredAt.minus(Duration.ofHours(8))))
                .expirationTime(Date.from(expiredAt)));
    }

    /** Correctly signed, but without {@code exp}: it would never expire. */
    public String withoutExpiry(String subject, UUID agency, Collection<? extends Enum<?>> roles) {
        return sign(claims(subject, agency, names(roles)));
    }

    /** Correctly signed and valid for an hour, but naming no worker ({@code sub} absent). */
    public String withoutSubject(UUID agency, Collection<? extends Enum<?>> roles) {
        return sign(claims(null, agency, names(roles)).expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))));
    }

    /** The same claims as {@link #issue} would sign, signed with a random secret that is not this one. */
    public String forged(String subject, UUID agency, Collection<? extends Enum<?>> roles) {
        byte[] other = new byte[32];
        RANDOM.nextBytes(other);
        return new LocalTokens(Base64.getUrlEncoder().withoutPadding().encodeToString(other))
                .issue(subject, agency, roles, Duration.ofHours(1));
    }

    private static List<String> names(Collection<? extends Enum<?>> roles) {
        return roles.stream().<String>map(Enum::name).toList();
    }

    private static JWTClaimsSet.Builder claims(String subject, UUID agency, Collection<String> roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issueTime(new Date())
                .claim(ROLES_CLAIM, List.copyOf(roles));
        if (subject != null) {
            claims.subject(subject);
        }
        if (agency != null) {
            claims.claim(AGENCY_CLAIM, agency.toString());
        }
        return claims;
    }

    private String sign(JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign a token: " + e.getMessage(), e);
        }
    }
}
