package fi.perhekeskus.infra.security;

import fi.perhekeskus.infra.local.LocalSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each broken kind of token is refused by a decoder built as the services build theirs, for its own reason. */
class LocalTokensTest {

    private static final String SECRET = LocalSecrets.forTests().jwtSecret();
    private static final LocalTokens TOKENS = new LocalTokens(SECRET);
    private static final UUID AGENCY = UUID.randomUUID();
    private static final List<Role> WORKER = List.of(Role.WORKER);

    private final NimbusJwtDecoder decoder = decoder();

    @Test
    void aWellFormedTokenIsAccepted() {
        assertThat(decoder.decode(TOKENS.worker("worker-1", AGENCY)).getSubject()).isEqualTo("worker-1");
    }

    @Test
    void theLocalTokensSpeakTheServicesClaims() {
        // The local platform names the roles and claims itself (it depends on no adapter): they must be these.
        assertThat(LocalTokens.ROLES).containsExactlyElementsOf(Arrays.stream(Role.values()).map(Role::name).toList());
        assertThat(LocalTokens.ROLES_CLAIM).isEqualTo(JwtClaims.ROLES);
        assertThat(LocalTokens.AGENCY_CLAIM).isEqualTo(JwtClaims.AGENCY);
        Caller caller = JwtClaims.caller(decoder.decode(TOKENS.issue("worker-1", AGENCY,
                EnumSet.of(Role.WORKER, Role.ANALYST), Duration.ofMinutes(5))));
        assertThat(caller.agency()).contains(AGENCY);
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.WORKER, Role.ANALYST);
        assertThat(JwtClaims.caller(decoder.decode(TOKENS.coordinator("c"))).roles()).containsExactly(Role.COORDINATOR);
    }

    @Test
    void anExpiredTokenIsRefusedDespiteTheClockSkew() {
        assertThatThrownBy(() -> decoder.decode(TOKENS.expired("worker-1", AGENCY, WORKER)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertThatThrownBy(() -> decoder.decode(TOKENS.withoutExpiry("worker-1", AGENCY, WORKER)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("exp");
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        assertThatThrownBy(() -> decoder.decode(TOKENS.withoutSubject(AGENCY, WORKER)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("sub");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        assertThatThrownBy(() -> decoder.decode(TOKENS.forged("worker-1", AGENCY, WORKER)))
                .isInstanceOf(BadJwtException.class).isNotInstanceOf(JwtValidationException.class)
                .isInstanceOf(JwtException.class);
    }

    private static NimbusJwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), JwtClaims.validator()));
        return decoder;
    }
}
