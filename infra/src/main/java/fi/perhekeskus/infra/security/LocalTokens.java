package fi.perhekeskus.infra.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;

/** Mints HS256 tokens for local use ({@code ./run token}) and tests. */
public final class LocalTokens {

    private final byte[] secret;

    public LocalTokens(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String subject, UUID agency, Collection<Role> roles, Duration validFor) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(validFor)))
                .claim(JwtClaims.ROLES, roles.stream().map(Role::name).toList());
        if (agency != null) {
            claims.claim(JwtClaims.AGENCY, agency.toString());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign a token: " + e.getMessage(), e);
        }
    }

    public String worker(String subject, UUID agency) {
        return issue(subject, agency, java.util.List.of(Role.WORKER), Duration.ofHours(8));
    }

    public String coordinator(String subject) {
        return issue(subject, null, java.util.List.of(Role.COORDINATOR), Duration.ofHours(8));
    }

    public String analyst(String subject) {
        return issue(subject, null, java.util.List.of(Role.ANALYST), Duration.ofHours(8));
    }
}
