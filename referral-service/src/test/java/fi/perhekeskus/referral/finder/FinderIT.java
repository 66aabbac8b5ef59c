package fi.perhekeskus.referral.finder;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The families' finder over HTTP, without a token: filters, languages, capacity, groups with room and
 * open places from the meeting topic, its security headers, and no personal data on the page.
 */
@ReferralServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinderIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;

    private FinderData data;

    @BeforeAll
    void aDirectory() {
        data = new FinderData().create(new Api(http), objectMapper);
        // The programme and the open place arrive over the meeting topic.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(page("/?municipality=" + data.town, null).getBody())
                        .contains(data.programmeName, data.cafe));
    }

    @Test
    void everythingOfATownWithCapacityAndNoPersonalData() {
        ResponseEntity<String> page = page("/?lang=fi&municipality=" + data.town, null);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'")
                .doesNotContain("script-src", "unsafe-inline");
        String html = page.getBody();
        assertThat(html).contains("<html lang=\"fi\">", "name=\"viewport\"", "<main>", "<label for=\"municipality\">",
                        data.counselling, data.babyGroup, "Jonossa, arvioitu odotus 4 vk", data.programmeName,
                        "Vapaita paikkoja</dt><dd>7", data.cafe, "Kuusitie 3")
                .doesNotContain(data.swedish, "<script");
        assertThat(html).doesNotContain(FinderData.GIVEN_NAME, FinderData.FAMILY_NAME, FinderData.IDENTITY_CODE,
                data.family.toString());
    }

    @Test
    void filtersByAgeLanguageAndNeed() {
        String town = "/?lang=fi&municipality=" + data.town;
        // A baby: the group and its programme, not the counselling from two years up.
        assertThat(page(town + "&age=0", null).getBody()).contains(data.babyGroup, data.programmeName)
                .doesNotContain(data.counselling);
        assertThat(page(town + "&age=5", null).getBody()).contains(data.counselling)
                .doesNotContain(data.babyGroup, data.programmeName);
        assertThat(page(town + "&language=en", null).getBody()).contains(data.babyGroup)
                .doesNotContain(data.counselling);
        assertThat(page(town + "&need=YELLOW", null).getBody()).contains(data.counselling)
                .doesNotContain(data.babyGroup, data.programmeName);
        assertThat(page("/?municipality=" + data.otherTown + "&language=sv", null).getBody()).contains(data.swedish)
                .doesNotContain(data.counselling, data.cafe);
        // A value the form could not send is no filter, never an error.
        assertThat(page(town + "&age=200&need=PURPLE&language=" + URLEncoder.encode("<x>", StandardCharsets.UTF_8),
                null).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void speaksFinnishSwedishAndEnglish() {
        String town = "&municipality=" + data.town;
        assertThat(page("/?lang=sv" + town, null).getBody()).contains("<html lang=\"sv\">", "Tjänster",
                "Kö, uppskattad väntan 4 veckor", "Öppna mötesplatser");
        assertThat(page("/?lang=en" + town, null).getBody()).contains("<html lang=\"en\">", "Open meeting places",
                "Waiting list, expected wait 4 weeks");
        assertThat(page("/?municipality=" + data.town, "sv-FI,sv;q=0.9,en;q=0.5").getBody()).contains("<html lang=\"sv\">");
        assertThat(page("/?municipality=" + data.town, "en-GB").getBody()).contains("<html lang=\"en\">");
        assertThat(page("/?lang=de" + town, "de-DE").getBody()).contains("<html lang=\"fi\">");
    }

    @Test
    void isPublicWhileTheApiIsNot() {
        HttpHeaders bad = new HttpHeaders();
        bad.setBearerAuth("not-a-token");
        assertThat(http.exchange("/", HttpMethod.GET, new HttpEntity<>(bad), String.class).getStatusCode().value())
                .isEqualTo(200);
        ResponseEntity<String> css = http.getForEntity("/finder/finder.css", String.class);
        assertThat(css.getStatusCode().value()).isEqualTo(200);
        assertThat(css.getHeaders().getContentType().toString()).startsWith("text/css");
        assertThat(http.getForEntity("/api/v1/services", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.postForEntity("/", null, String.class).getStatusCode().is4xxClientError()).isTrue();
    }

    private ResponseEntity<String> page(String path, String acceptLanguage) {
        HttpHeaders headers = new HttpHeaders();
        if (acceptLanguage != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
