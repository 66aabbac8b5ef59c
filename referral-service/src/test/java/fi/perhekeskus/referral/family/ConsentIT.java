package fi.perhekeskus.referral.family;

import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Consent decides sharing: no consent, one that does not cover the receiver, a withdrawn one. */
@ReferralServiceIT
class ConsentIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private UUID clinic;
    private UUID counselling;
    private UUID other;
    private UUID service;
    private UUID family;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        clinic = api.agency("Kangasalan neuvola", "Kangasala");
        counselling = api.agency("Kangasalan perheneuvola", "Kangasala");
        other = api.agency("Kangasalan seurakunta", "Kangasala");
        service = api.service(counselling, "Perheneuvonta", "INDIVIDUAL");
        family = api.family(clinic, "Eeva", "Salonen", "131052-308T", "1952-10-13");
    }

    private ResponseEntity<Map> refer(UUID consentId) {
        Map<String, Object> body = consentId == null
                ? Map.of("familyId", family, "serviceId", service, "reason", "x", "needLevel", "RED", "priority", "URGENT")
                : Map.of("familyId", family, "serviceId", service, "reason", "x", "needLevel", "RED", "priority", "URGENT",
                "consentId", consentId);
        return api.call(HttpMethod.POST, "/api/v1/referrals", worker(clinic), body);
    }

    private int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
    }

    @Test
    void withoutConsentTheReferralIsRefusedAndNothingIsStored() {
        int before = events();
        ResponseEntity<Map> refused = refer(null);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("detail").toString()).contains("suostumus");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aConsentThatDoesNotCoverTheReceiverDoesNotCount() {
        UUID consent = api.consent(family, clinic, List.of(other), LocalDate.now().plusMonths(1).toString());
        assertThat(refer(null).getStatusCode().value()).isEqualTo(422);
        assertThat(refer(consent).getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void aLegalBasisIsRecordedInsteadOfConsent() {
        ResponseEntity<Map> made = api.call(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of(
                "familyId", family, "serviceId", service, "reason", "x", "needLevel", "RED", "priority", "URGENT",
                "legalBasis", "Lastensuojelulaki 417/2007 25 §"));
        assertThat(made.getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aWithdrawnConsentStopsNewReferralsAndHidesTheFamilyFromTheReceiverAtOnce() {
        UUID consent = api.consent(family, clinic, List.of(counselling), LocalDate.now().plusMonths(1).toString());
        UUID referral = api.created(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of("familyId", family,
                "serviceId", service, "reason", "Eeva tarvitsee tukea", "needLevel", "RED", "priority", "URGENT"));
        // The views are built asynchronously from the event store: wait until they show the referral.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(api.call(HttpMethod.GET, "/api/v1/referrals/" + referral, worker(clinic), null)
                    .getStatusCode().value()).isEqualTo(200);
            assertThat(api.ok(HttpMethod.GET, "/api/v1/families/" + family, worker(counselling), null))
                    .containsKey("members");
        });

        ResponseEntity<Map> withdrawn = api.call(HttpMethod.DELETE, "/api/v1/families/" + family + "/consents/" + consent,
                worker(clinic), null);
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(204);

        assertThat(refer(null).getStatusCode().value()).isEqualTo(422);
        assertThat(api.call(HttpMethod.GET, "/api/v1/families/" + family, worker(counselling), null)
                .getStatusCode().value()).isEqualTo(404);
        // The receiver still sees its referral, but not the person.
        Map<String, Object> seen = api.ok(HttpMethod.GET, "/api/v1/referrals/" + referral, worker(counselling), null);
        assertThat(seen).containsEntry("personalDataWithheld", true).doesNotContainKey("reason");
        assertThat(api.ok(HttpMethod.GET, "/api/v1/referrals/" + referral, worker(clinic), null))
                .containsEntry("reason", "Eeva tarvitsee tukea");

        List<Map<String, Object>> log = (List<Map<String, Object>>) (List<?>) api.list(
                "/api/v1/families/" + family + "/access-log", Api.coordinator());
        assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("kind", "USAGE").containsEntry("outcome", "REFUSED")
                .containsEntry("agencyId", counselling.toString()));
        assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("kind", "USAGE").containsEntry("outcome", "ALLOWED")
                .containsEntry("agencyId", counselling.toString()).containsEntry("basis", "consent " + consent));
        assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("kind", "DISCLOSURE")
                .containsEntry("toAgencyId", counselling.toString()).containsEntry("referralId", referral.toString()));
        // Paged like every list of the contract, newest first.
        String accessLog = "/api/v1/families/" + family + "/access-log";
        assertThat(log.size()).isGreaterThan(2);
        assertThat(api.list(accessLog + "?limit=2", Api.coordinator())).containsExactlyElementsOf(log.subList(0, 2));
        assertThat(api.list(accessLog + "?limit=2&offset=1", Api.coordinator()))
                .containsExactlyElementsOf(log.subList(1, 3));
        for (String outside : List.of("limit=0", "limit=501", "offset=-1", "offset=100001")) {
            assertThat(api.call(HttpMethod.GET, accessLog + "?" + outside, Api.coordinator(), null)
                    .getStatusCode().value()).as(outside).isEqualTo(400);
        }
    }
}
