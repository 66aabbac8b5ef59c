package fi.perhekeskus.infra.security;

import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token is verified once, checked on every use, and stops working when it expires; a forged one is never kept. */
class VerifiedTokensTest {

    private static final String SECRET = LocalSecrets.forTests().jwtSecret();
    private static final LocalTokens TOKENS = new LocalTokens(SECRET);
    private static final UUID AGENCY = UUID.randomUUID();

    /** The validators' clock, moved by the tests. */
    private final MovableClock clock = new MovableClock(Instant.now());
    private final OAuth2TokenValidator<Jwt> validator = validator();
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder tokens = new VerifiedTokens(counting(decoder()), validator);

    @Test
    void aTokenIsVerifiedOnceAndAnsweredAlike() {
        String token = TOKENS.worker("worker-1", AGENCY);

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(again.getSubject()).isEqualTo("worker-1");
        assertThat(again.getClaims()).isEqualTo(first.getClaims());
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aKeptTokenStopsWorkingWhenItExpires() {
        String token = TOKENS.issue("worker-1", AGENCY, EnumSet.of(Role.WORKER), Duration.ofMinutes(5));
        tokens.decode(token);

        // Past its expiry and the clock skew Spring allows (60 s).
        clock.advance(Duration.ofMinutes(7));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        // Not kept either: the next use is verified afresh, and refused again.
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aForgedTokenIsRefusedEveryTime() {
        String forged = new LocalTokens("another secret of at least thirty-two bytes").worker("worker-1", AGENCY);

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenChangedInOneCharacterIsVerifiedAfresh() {
        String token = TOKENS.worker("worker-1", AGENCY);
        tokens.decode(token);
        String tampered = token.substring(0, token.length() - 2)
                + (token.charAt(token.length() - 2) == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aFullCacheForgetsEverythingAtOnceAndVerifiesAgain() {
        String first = TOKENS.worker("worker-0", AGENCY);
        tokens.decode(first);
        for (int i = 1; i <= VerifiedTokens.MAX_TOKENS; i++) {
            tokens.decode(TOKENS.worker("worker-" + i, AGENCY));
        }
        assertThat(verifications).hasValue(VerifiedTokens.MAX_TOKENS + 1);

        assertThat(tokens.decode(first).getSubject()).isEqualTo("worker-0");
        assertThat(verifications).hasValue(VerifiedTokens.MAX_TOKENS + 2);
    }

    private OAuth2TokenValidator<Jwt> validator() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(timestamps, JwtClaims.validator());
    }

    private NimbusJwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private JwtDecoder counting(JwtDecoder decoder) {
        return token -> {
            verifications.incrementAndGet();
            return decoder.decode(token);
        };
    }
}
