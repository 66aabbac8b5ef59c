package fi.perhekeskus.referral.limits;

import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query parameter and path variable of referral-service given values it cannot take: 400
 * problem+json naming it, never a 5xx, never an exception's name in the answer.
 */
@ReferralServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryParametersIT {

    private static final String LONG = "q".repeat(201);

    @Autowired
    TestRestTemplate http;

    private UUID clinic;
    private UUID family;

    @BeforeAll
    void aFamily() {
        Api api = new Api(http);
        clinic = api.agency("Hämeenkyrön neuvola", "Hämeenkyrö");
        family = api.family(clinic, "Kaisa", "Koski", "131052-308T", "1952-10-13");
    }

    Stream<Arguments> badValues() {
        String services = "/api/v1/services";
        String referrals = "/api/v1/referrals?direction=INCOMING";
        return Stream.of(
                Arguments.of(services, "needLevel", "PINK"),
                Arguments.of(services, "kind", "x"),
                Arguments.of(services, "municipality", "m".repeat(201)),
                Arguments.of(services, "language", "l".repeat(36)),
                Arguments.of(services, "q", LONG),
                Arguments.of(services, "q", "x".repeat(6000)),
                Arguments.of(services, "ageMonths", "-1"),
                Arguments.of(services, "ageMonths", "217"),
                Arguments.of(services, "ageMonths", "2147483648"),
                Arguments.of(services, "ageMonths", "1e3"),
                Arguments.of(services, "limit", "0"),
                Arguments.of(services, "limit", "501"),
                Arguments.of(services, "limit", "abc"),
                Arguments.of(services, "limit", "99999999999999999999"),
                Arguments.of(services, "offset", "-1"),
                Arguments.of(services, "offset", "100001"),
                Arguments.of(services, "offset", "2147483648"),
                Arguments.of(referrals, "status", "LOST"),
                Arguments.of(referrals, "limit", "0"),
                Arguments.of(referrals, "limit", "501"),
                Arguments.of(referrals, "limit", "abc"),
                Arguments.of(referrals, "offset", "-1"),
                Arguments.of(referrals, "offset", "2147483648"),
                Arguments.of("/api/v1/referrals", "direction", "SIDEWAYS"),
                Arguments.of("/api/v1/families/{family}", "purpose", LONG));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("badValues")
    void aValueOutOfBoundsIsA400NamingTheParameter(String path, String parameter, String value) {
        ResponseEntity<Map> refused = get(path, parameter, value);

        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).as("%s", refused.getBody())
                .extracting(e -> e.get("field")).contains(parameter);
        assertThat(refused.getBody().toString()).doesNotContain("java.", "Exception");
    }

    Stream<Arguments> oddValues() {
        return Stream.of(
                Arguments.of("/api/v1/services", "q", "%'\"\\;--<script>"),
                Arguments.of("/api/v1/services", "q", "{\"$ne\":null}"),
                Arguments.of("/api/v1/services", "q", ".*(a+)+$"),
                Arguments.of("/api/v1/services", "municipality", "Tampere\u0000"),
                Arguments.of("/api/v1/services", "q", "\u0007"),
                Arguments.of("/api/v1/services", "ageMonths", ""),
                Arguments.of("/api/v1/services", "limit", ""),
                Arguments.of("/api/v1/referrals", "direction", ""),
                Arguments.of("/api/v1/families/not-a-uuid", "purpose", "x"),
                Arguments.of("/api/v1/families/" + "f".repeat(3000), "purpose", "x"),
                Arguments.of("/api/v1/referrals/0000", "x", "y"),
                Arguments.of("/api/v1/families/{family}", "purpose", "\u0001"),
                Arguments.of("/api/v1/families/{family}", "purpose", "\u0000"));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("oddValues")
    void anOddValueIsNeverAServerErrorNorNamesAnException(String path, String parameter, String value) {
        ResponseEntity<String> answer = http.exchange(request(path, parameter, value), String.class);

        assertThat(answer.getStatusCode().is5xxServerError()).as("%s", answer.getBody()).isFalse();
        if (answer.getStatusCode().isError()) {
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        }
        assertThat(String.valueOf(answer.getBody())).doesNotContain("java.", "Exception");
    }

    private ResponseEntity<Map> get(String path, String parameter, String value) {
        return http.exchange(request(path, parameter, value), Map.class);
    }

    private RequestEntity<Void> request(String path, String parameter, String value) {
        var uri = UriComponentsBuilder.fromUriString(path).queryParam(parameter, "{value}").encode()
                .buildAndExpand(Map.of("family", family, "value", value)).toUri();
        return RequestEntity.get(uri).headers(h -> h.setBearerAuth(worker(clinic))).build();
    }
}
