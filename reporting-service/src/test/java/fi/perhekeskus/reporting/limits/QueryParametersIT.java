package fi.perhekeskus.reporting.limits;

import fi.perhekeskus.infra.security.LocalTokens;
import fi.perhekeskus.infra.security.SecuritySettings;
import fi.perhekeskus.reporting.ReportingServiceIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query parameter and path variable of reporting-service given values it cannot take, in
 * JSON and in CSV: 400 problem+json naming it, never a 5xx, never an exception's name.
 */
@ReportingServiceIT
class QueryParametersIT {

    @Autowired
    TestRestTemplate http;
    /** Tokens signed with whatever secret this service runs on. */
    @Autowired
    SecuritySettings security;

    static Stream<Arguments> badValues() {
        String referrals = "/api/v1/reports/referrals";
        String scorecard = "/api/v1/reports/scorecard";
        return Stream.of(
                Arguments.of(referrals, "from", "0000-01-01"),
                Arguments.of(referrals, "from", "99999-01-01"),
                Arguments.of(referrals, "from", "+999999999-12-31"),
                Arguments.of(referrals, "from", "-999999999-01-01"),
                Arguments.of(referrals, "from", "1899-12-31"),
                Arguments.of(referrals, "to", "2201-01-01"),
                Arguments.of(referrals, "to", "+999999999-12-31"),
                Arguments.of(referrals, "to", "2025-02-30"),
                Arguments.of(referrals, "to", "yesterday"),
                Arguments.of(referrals, "groupBy", "YEAR"),
                Arguments.of(referrals, "municipality", "m".repeat(201)),
                Arguments.of(scorecard, "year", "-1"),
                Arguments.of(scorecard, "year", "0"),
                Arguments.of(scorecard, "year", "1899"),
                Arguments.of(scorecard, "year", "2201"),
                Arguments.of(scorecard, "year", "2147483647"),
                Arguments.of(scorecard, "year", "2147483648"),
                Arguments.of(scorecard, "year", "abc"),
                Arguments.of(scorecard, "organizer", "o".repeat(201)));
    }

    @ParameterizedTest(name = "{0} {1}={2} as {3}")
    @MethodSource("badValuesInBothFormats")
    void aValueOutOfBoundsIsA400NamingTheParameter(String path, String parameter, String value, MediaType format) {
        ResponseEntity<Map> refused = http.exchange(request(path, parameter, value, format, coordinator()), Map.class);

        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).as("%s", refused.getBody())
                .extracting(e -> e.get("field")).contains(parameter);
        assertThat(refused.getBody().toString()).doesNotContain("java.", "Exception");
    }

    static Stream<Arguments> badValuesInBothFormats() {
        return badValues().flatMap(a -> Stream.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("text/csv"))
                .map(format -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], format)));
    }

    static Stream<Arguments> oddValues() {
        return Stream.of(
                Arguments.of("/api/v1/reports/referrals", "municipality", "{\"$gt\":\"\"}"),
                Arguments.of("/api/v1/reports/referrals", "municipality", "Tampere\u0000"),
                Arguments.of("/api/v1/reports/referrals", "from", ""),
                Arguments.of("/api/v1/reports/referrals", "from", "2200-12-31"),
                Arguments.of("/api/v1/reports/referrals", "to", "1900-01-01"),
                Arguments.of("/api/v1/reports/scorecard", "year", ""),
                Arguments.of("/api/v1/reports/scorecard", "year", "2200"),
                Arguments.of("/api/v1/reports/scorecard", "organizer", "%'\";--"),
                Arguments.of("/api/v1/reports/programmes/not-a-uuid", "x", "y"),
                Arguments.of("/api/v1/reports/programmes/" + "f".repeat(3000), "x", "y"),
                Arguments.of("/api/v1/admin/projections/" + "p".repeat(201), "x", "y"),
                Arguments.of("/api/v1/admin/projections/%7B%7D", "x", "y"));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("oddValues")
    void anOddValueIsNeverAServerErrorNorNamesAnException(String path, String parameter, String value) {
        ResponseEntity<String> answer = http.exchange(
                request(path, parameter, value, MediaType.APPLICATION_JSON, coordinator()), String.class);

        assertThat(answer.getStatusCode().is5xxServerError()).as("%s", answer.getBody()).isFalse();
        if (answer.getStatusCode().isError()) {
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        }
        assertThat(String.valueOf(answer.getBody())).doesNotContain("java.", "Exception");
    }

    private String coordinator() {
        return new LocalTokens(security.jwtSecret()).coordinator("coordinator-1");
    }

    private static RequestEntity<Void> request(String path, String parameter, String value, MediaType format,
                                               String token) {
        var uri = UriComponentsBuilder.fromUriString(path).queryParam(parameter, "{value}").encode()
                .buildAndExpand(Map.of("value", value)).toUri();
        return RequestEntity.get(uri).accept(format).headers(h -> h.setBearerAuth(token)).build();
    }
}
