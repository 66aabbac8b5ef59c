package fi.perhekeskus.referral.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token rules of docs/contract.md, each broken once: every such token is 401 problem+json and changes
 * nothing; a well-formed token of an agency that is not registered reads the public directory only.
 */
@ReferralServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRulesIT {

    private static final byte[] SECRET = LocalSecrets.forTests().jwtSecret().getBytes(StandardCharsets.UTF_8);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private UUID clinic;
    private UUID family;

    @BeforeAll
    void aRegisteredAgencyWithAFamily() {
        api = new Api(http);
        clinic = api.agency("Lempäälän neuvola", "Lempäälä");
        family = api.family(clinic, "Matti", "Mäkinen", "131052-308T", "1952-10-13");
    }

    Stream<Arguments> brokenTokens() throws Exception {
        return Stream.of(
                Arguments.of("no exp", hs256(c -> c.expirationTime(null))),
                Arguments.of("expired an hour ago", hs256(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(3600))))),
                Arguments.of("no sub", hs256(c -> c.subject(null))),
                Arguments.of("empty sub", hs256(c -> c.subject(""))),
                Arguments.of("blank sub", hs256(c -> c.subject("  "))),
                Arguments.of("no roles", hs256(c -> c.claim("roles", null))),
                Arguments.of("empty roles", hs256(c -> c.claim("roles", List.of()))),
                Arguments.of("only unknown roles", hs256(c -> c.claim("roles", List.of("ADMIN", "worker")))),
                Arguments.of("roles not an array", hs256(c -> c.claim("roles", "COORDINATOR"))),
                Arguments.of("agency not a UUID", hs256(c -> c.claim("agency", "neuvola-1"))),
                Arguments.of("alg none", new PlainJWT(claims(c -> { })).serialize()),
                Arguments.of("RS256 signed with an RSA key", rs256()),
                Arguments.of("RS256 header, HMAC-signed with the secret (algorithm confusion)", rs256HeaderWithHmac()),
                Arguments.of("HS512 with the secret", signed(JWSAlgorithm.HS512, claims(c -> { }))),
                Arguments.of("forged signature", forgedSignature()),
                Arguments.of("signed with the secret once written in the source",
                        signedWith("perhekeskus-local-development-secret-0123456789", claims(c -> { }))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTokens")
    void aTokenBreakingARuleIsUnauthorized(String rule, String token) {
        Integer eventsBefore = events();

        ResponseEntity<Map> response = api.call(HttpMethod.POST, "/api/v1/agencies", token, Map.of("name", "X",
                "organizerType", "NGO", "organizerName", "X ry", "municipality", "Tampere"));

        assertThat(response.getStatusCode().value()).as("%s: %s", rule, response.getBody()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", 401).containsKeys("title", "detail");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void theSameClaimsWellSignedAreAccepted() throws Exception {
        ResponseEntity<Map> response = api.call(HttpMethod.POST, "/api/v1/agencies", hs256(c -> { }), Map.of("name",
                "Kelpo järjestö", "organizerType", "NGO", "organizerName", "Kelpo ry", "municipality", "Tampere"));

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
    }

    @Test
    void anUnregisteredAgencyReadsTheDirectoryAndNothingElse() {
        String stranger = Api.worker(UUID.randomUUID());
        Integer eventsBefore = events();

        ResponseEntity<Map> write = api.call(HttpMethod.POST, "/api/v1/families", stranger, Map.of("municipality",
                "Tampere", "languages", List.of("fi"), "members", List.of(Map.of("role", "PARENT", "givenName", "A",
                        "familyName", "B", "birthDate", "1990-01-01"))));
        ResponseEntity<Map> read = api.call(HttpMethod.GET, "/api/v1/families/" + family, stranger, null);
        ResponseEntity<Map> inbox = api.call(HttpMethod.GET, "/api/v1/referrals?direction=INCOMING", stranger, null);

        for (ResponseEntity<Map> refused : List.of(write, read, inbox)) {
            assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(403);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody()).containsEntry("status", 403);
            assertThat((String) refused.getBody().get("detail")).contains("ei ole rekisteröity");
        }
        assertThat(events()).isEqualTo(eventsBefore);
        ResponseEntity<String> directory = get("/api/v1/services", stranger);
        assertThat(directory.getStatusCode().value()).as("%s", directory.getBody()).isEqualTo(200);
        assertThat(directory.getBody()).startsWith("[");
    }

    @Test
    void anAgencyRegisteredAMomentAgoActsAtOnce() {
        UUID registered = api.agency("Nokian perhekeskus", "Nokia");

        ResponseEntity<String> outbox = get("/api/v1/referrals?direction=OUTGOING", Api.worker(registered));

        assertThat(outbox.getStatusCode().value()).as("%s", outbox.getBody()).isEqualTo(200);
    }

    @Test
    void theIdOfAnotherAggregateIsNoAgency() {
        ResponseEntity<Map> read = api.call(HttpMethod.GET, "/api/v1/families/" + family, Api.worker(family), null);

        assertThat(read.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void networkWideRolesWithoutAnAgencyStillWork() {
        ResponseEntity<String> log = get("/api/v1/families/" + family + "/access-log", Api.coordinator());

        assertThat(log.getStatusCode().value()).as("%s", log.getBody()).isEqualTo(200);
    }

    private Integer events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
    }

    private ResponseEntity<String> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** A coordinator's claims, valid for an hour, changed by {@code change}. */
    private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("coordinator-rules")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .claim("roles", List.of("COORDINATOR"));
        change.accept(claims);
        return claims.build();
    }

    private static String hs256(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        return signed(JWSAlgorithm.HS256, claims(change));
    }

    private static String signed(JWSAlgorithm algorithm, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
        jwt.sign(new MACSigner(algorithm == JWSAlgorithm.HS512 ? hs512Key() : SECRET));
        return jwt.serialize();
    }

    private static String signedWith(String secret, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    /** HS512 needs a 64-byte key: the secret repeated, so only the algorithm differs from what is accepted. */
    private static byte[] hs512Key() {
        byte[] key = new byte[Math.max(64, SECRET.length)];
        for (int i = 0; i < key.length; i++) {
            key[i] = SECRET[i % SECRET.length];
        }
        return key;
    }

    private static String rs256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims(c -> { }));
        jwt.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
        return jwt.serialize();
    }

    /** Header says RS256, the signature is an HMAC with the shared secret: a confused verifier would take it. */
    private static String rs256HeaderWithHmac() throws Exception {
        String signingInput = new JWSHeader(JWSAlgorithm.RS256).toBase64URL() + "."
                + Base64URL.encode(claims(c -> { }).toString());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        return signingInput + "." + Base64URL.encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Well-formed claims whose signature was not made with the secret. */
    private static String forgedSignature() throws Exception {
        String token = hs256(c -> { });
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(0);
        return parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
    }
}
