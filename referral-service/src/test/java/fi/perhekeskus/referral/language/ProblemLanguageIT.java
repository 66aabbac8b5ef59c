package fi.perhekeskus.referral.language;

import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;

/** Problem answers in Finnish (the default), Swedish or English by Accept-Language. */
@ReferralServiceIT
class ProblemLanguageIT {

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''           | fi | Ei löytynyt   | lähetettä ei ole",
            "fi-FI        | fi | Ei löytynyt   | lähetettä ei ole",
            "sv-FI,sv;q=0.9 | sv | Hittades inte | remissen finns inte",
            "en-GB,en;q=0.8 | en | Not Found     | no such referral",
            "de-DE        | fi | Ei löytynyt   | lähetettä ei ole"})
    void aRefusalOfTheDomainIsInTheCallersLanguage(String accept, String language, String title, String detail) {
        Api api = new Api(http);
        UUID clinic = api.agency("Kaukajärven neuvola " + UUID.randomUUID(), "Tampere");

        ResponseEntity<Map> answer = api.call(HttpMethod.GET, "/api/v1/referrals/" + UUID.randomUUID(), worker(clinic),
                null, accept.isEmpty() ? Map.of() : Map.of(HttpHeaders.ACCEPT_LANGUAGE, accept));

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo(language);
        assertThat(answer.getBody()).containsEntry("title", title).containsEntry("detail", detail);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fi | pyyntö ei ole kelvollinen  | ei saa olla tyhjä",
            "sv | begäran är inte giltig     | får inte vara tomt",
            "en | the request is not valid   | must not be blank"})
    @SuppressWarnings("unchecked")
    void aFieldErrorIsInTheCallersLanguage(String language, String detail, String blank) {
        Api api = new Api(http);

        ResponseEntity<Map> answer = api.call(HttpMethod.POST, "/api/v1/agencies", Api.coordinator(),
                Map.of("name", " ", "organizerType", "WELLBEING_COUNTY", "organizerName", "Pirkanmaan hyvinvointialue",
                        "municipality", "Tampere"),
                Map.of(HttpHeaders.ACCEPT_LANGUAGE, language));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo(language);
        assertThat(answer.getBody()).containsEntry("detail", detail);
        assertThat((List<Map<String, Object>>) answer.getBody().get("errors"))
                .contains(Map.of("field", "name", "message", blank));
    }

    @Test
    void aCallerWithoutATokenIsToldInItsLanguage() {
        ResponseEntity<Map> answer = new Api(http).call(HttpMethod.GET, "/api/v1/referrals/" + UUID.randomUUID(), null,
                null, Map.of(HttpHeaders.ACCEPT_LANGUAGE, "sv"));

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getBody()).containsEntry("title", "Autentisering krävs")
                .containsEntry("detail", "en giltig token (bearer token) krävs");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("sv");
    }
}
