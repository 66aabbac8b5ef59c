package fi.perhekeskus.referral.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.hsds.HsdsSchemas.Response;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static fi.perhekeskus.referral.support.Api.coordinator;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public directory as HSDS 3.0, read without a token: every 200 body is validated against the
 * standard's own schemas (the response schemas of its OpenAPI, with the compiled service and
 * organization schemas), filters and paging on services this test registers through the API.
 */
@ReferralServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsdsDirectoryIT {

    @Autowired
    TestRestTemplate http;

    private final ObjectMapper json = new ObjectMapper();
    /** Makes this test's services findable by text among other tests' data in the same JVM. */
    private final String tag = "hsdstag" + UUID.randomUUID().toString().substring(0, 8);
    private int validatedHere;

    private Api api;
    private UUID centre;
    private UUID parish;
    private UUID homeVisits;
    private UUID fathersGroup;
    private UUID familyCafe;
    private UUID therapy;

    @BeforeAll
    void aDirectory() {
        api = new Api(http);
        centre = api.created(HttpMethod.POST, "/api/v1/agencies", coordinator(), Map.of(
                "name", "Lielahden perhekeskus " + tag, "organizerType", "WELLBEING_COUNTY",
                "organizerName", "Pirkanmaan hyvinvointialue", "municipality", "Tampere"));
        parish = api.created(HttpMethod.POST, "/api/v1/agencies", coordinator(), Map.of(
                "name", "Ylöjärven seurakunnan perhetyö " + tag, "organizerType", "PARISH",
                "organizerName", "Ylöjärven seurakunta", "municipality", "Ylöjärvi",
                "servedMunicipalities", List.of("Ylöjärvi", "Tampere")));
        homeVisits = service(centre, "Vauvaperheiden kotikäynnit", "INDIVIDUAL", "GREEN", 0, 12,
                List.of("Tampere"), List.of("fi", "sv"));
        fathersGroup = service(centre, "Vertaisryhmä isille", "GROUP", "YELLOW", 0, 36,
                List.of("Tampere", "Nokia"), List.of("fi", "en"));
        familyCafe = service(parish, "Avoin perhekahvila", "OPEN", "GREEN", 0, 72,
                List.of("Ylöjärvi"), List.of("fi"));
        therapy = service(parish, "Perheterapia", "INDIVIDUAL", "RED", 24, 216,
                List.of("Ylöjärvi", "Tampere"), List.of("fi", "sv", "en"));
        ResponseEntity<Map> withdrawn = api.call(HttpMethod.DELETE, "/api/v1/services/" + therapy, coordinator(),
                Map.of("reason", "Palvelu siirtyi hyvinvointialueelle"));
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(204);
    }

    @AfterAll
    void report() {
        System.out.printf("HSDS responses validated against the HSDS 3.0 schemas: %d in %s (%d in this JVM), 0 errors%n",
                validatedHere, getClass().getSimpleName(), HsdsSchemas.validated());
        assertThat(validatedHere).isGreaterThanOrEqualTo(40);
    }

    @Test
    void theRootSaysHsds30() {
        JsonNode root = hsds(Response.ROOT, "/hsds/");
        assertThat(root.path("version").asText()).isEqualTo("3.0");
        assertThat(root.path("openapi_url").asText()).endsWith("/v3/api-docs");
        assertThat(hsds(Response.ROOT, "/hsds")).isEqualTo(root);
    }

    @Test
    void aServiceCarriesItsAgesLanguagesMunicipalitiesAndTerms() {
        JsonNode s = hsds(Response.SERVICE, "/hsds/services/" + fathersGroup);
        assertThat(s.path("id").asText()).isEqualTo(fathersGroup.toString());
        assertThat(s.path("organization_id").asText()).isEqualTo(centre.toString());
        assertThat(s.path("organization").path("name").asText()).isEqualTo("Lielahden perhekeskus " + tag);
        assertThat(s.path("status").asText()).isEqualTo("active");
        assertThat(s.path("minimum_age").decimalValue()).isEqualByComparingTo("0");
        assertThat(s.path("maximum_age").decimalValue()).isEqualByComparingTo("3");
        assertThat(s.path("eligibility_description").asText()).contains("0–36 months");
        assertThat(texts(s.path("languages"), "code")).containsExactly("fi", "en");
        assertThat(texts(s.path("languages"), "name")).containsExactly("Finnish", "English");
        assertThat(texts(s.path("service_areas"), "name")).containsExactly("Tampere", "Nokia");
        assertThat(texts(s.path("attributes"), "taxonomy_term_id"))
                .containsExactlyInAnyOrder(termId("need_level", "YELLOW"), termId("service_kind", "GROUP"),
                        termId("capacity", "CLOSED"));
        assertThat(texts(s.path("attributes"), "link_id")).containsOnly(fathersGroup.toString());
        assertThat(Instant.parse(s.path("last_modified").asText())).isBefore(Instant.now().plusSeconds(1));

        // A second read gives the same ids to the rows that have none of their own on the platform.
        assertThat(hsds(Response.SERVICE, "/hsds/services/" + fathersGroup)).isEqualTo(s);
    }

    @Test
    void aWithdrawnServiceIsInactiveAndStillListed() {
        JsonNode s = hsds(Response.SERVICE, "/hsds/services/" + therapy);
        assertThat(s.path("status").asText()).isEqualTo("inactive");
        assertThat(s.path("minimum_age").decimalValue()).isEqualByComparingTo("2");
        assertThat(s.path("maximum_age").decimalValue()).isEqualByComparingTo("18");
        assertThat(statuses(hsds(Response.SERVICES, uri("/hsds/services", "search", tag))))
                .containsEntry(therapy.toString(), "inactive")
                .containsEntry(homeVisits.toString(), "active")
                .containsEntry(fathersGroup.toString(), "active")
                .containsEntry(familyCafe.toString(), "active")
                .hasSize(4);
    }

    @Test
    void searchMatchesNameAndDescriptionWhateverTheCase() {
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "search", "VERTAISRYHMÄ ISILLE " + tag.toUpperCase()))))
                .containsExactly(fathersGroup.toString());
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "search", "Kuvaus: Avoin perhekahvila " + tag))))
                .containsExactly(familyCafe.toString());
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "search", tag + "-nothing")))).isEmpty();
    }

    @Test
    void taxonomyTermsFilterByNeedLevelAndKind() {
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "search", tag,
                "taxonomy_term_id", termId("need_level", "GREEN")))))
                .containsExactlyInAnyOrder(homeVisits.toString(), familyCafe.toString());
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "search", tag,
                "taxonomy_term_id", termId("need_level", "RED")))))
                .containsExactly(therapy.toString());
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "search", tag,
                "taxonomy_term_id", termId("service_kind", "GROUP")))))
                .containsExactly(fathersGroup.toString());
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "search", tag,
                "taxonomy_term_id", UUID.randomUUID().toString())))).isEmpty();
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "search", tag,
                "taxonomy_id", taxonomyId("need_level"))))).hasSize(4);
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "search", tag,
                "taxonomy_id", UUID.randomUUID().toString())))).isEmpty();
    }

    @Test
    void organizationIdFiltersByAgency() {
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "organization_id", centre.toString()))))
                .containsExactly(homeVisits.toString(), fathersGroup.toString());
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "organization_id", parish.toString()))))
                .containsExactly(familyCafe.toString(), therapy.toString());
        JsonNode none = hsds(Response.SERVICES, uri("/hsds/services", "organization_id", UUID.randomUUID().toString()));
        assertThat(none.path("total_items").asLong()).isZero();
        assertThat(none.path("total_pages").asLong()).isZero();
        assertThat(none.path("empty").asBoolean()).isTrue();
    }

    @Test
    void modifiedAfterKeepsWhatChangedOnOrAfterIt() {
        // An agency of its own, so that the other tests' expectations of the tagged services hold.
        UUID nokia = api.agency("Nokian perhekeskus " + UUID.randomUUID(), "Nokia");
        String org = nokia.toString();
        UUID early = listed(nokia, "Neuvolan perhevalmennus", "GROUP", "GREEN", 0, 0, List.of("Nokia"), List.of("fi"));
        Instant earlyAt = lastModified(early);
        UUID late = listed(nokia, "Perheneuvonta", "INDIVIDUAL", "YELLOW", 0, 216, List.of("Nokia"), List.of("fi"));
        Instant lateAt = lastModified(late);
        assertThat(earlyAt).isBefore(lateAt);

        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "organization_id", org,
                "modified_after", earlyAt.toString())))).containsExactly(early.toString(), late.toString());
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "organization_id", org,
                "modified_after", lateAt.toString())))).containsExactly(late.toString());

        // An update moves the service's last_modified forward, and the filter with it.
        api.ok(HttpMethod.PUT, "/api/v1/services/" + early, coordinator(), body(null, "Neuvolan perhevalmennus",
                "GROUP", "GREEN", 0, 0, List.of("Nokia"), List.of("fi", "sv")));
        JsonNode updated = hsds(Response.SERVICE, "/hsds/services/" + early);
        assertThat(texts(updated.path("languages"), "code")).containsExactly("fi", "sv");
        Instant updatedAt = Instant.parse(updated.path("last_modified").asText());
        assertThat(updatedAt).isAfterOrEqualTo(lateAt);
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "organization_id", org,
                "modified_after", lateAt.toString())))).containsExactly(early.toString(), late.toString());

        // The same instant written in another offset means the same; past everything, nothing is left.
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "organization_id", org,
                "modified_after", lateAt.atOffset(java.time.ZoneOffset.ofHours(2)).toString()))))
                .containsExactly(early.toString(), late.toString());
        JsonNode none = hsds(Response.SERVICES, uri("/hsds/services", "organization_id", org,
                "modified_after", updatedAt.plusMillis(1).toString()));
        assertThat(ids(none)).isEmpty();
        assertThat(none.path("total_items").asLong()).isZero();
        // A '+' that the client did not encode arrives as a space, and is still read as an offset.
        ResponseEntity<String> unencoded = get("/hsds/services?organization_id=" + org + "&modified_after="
                + lateAt.atOffset(java.time.ZoneOffset.ofHours(3)).toString(), null);
        assertThat(unencoded.getStatusCode().value()).as("%s", unencoded.getBody()).isEqualTo(200);
        assertThat(ids(read(unencoded.getBody()))).containsExactly(early.toString(), late.toString());
    }

    @Test
    void pagesWalkTheResultWithoutOverlapAndTellTheirEdges() {
        String org = centre.toString();
        JsonNode first = hsds(Response.SERVICES, uri("/hsds/services", "organization_id", org, "per_page", "1"));
        assertPage(first, 2, 2, 1, 1, true, false, false);
        JsonNode second = hsds(Response.SERVICES, uri("/hsds/services", "organization_id", org, "per_page", "1", "page", "2"));
        assertPage(second, 2, 2, 2, 1, false, true, false);
        JsonNode beyond = hsds(Response.SERVICES, uri("/hsds/services", "organization_id", org, "per_page", "1", "page", "3"));
        assertPage(beyond, 2, 2, 3, 0, false, true, true);
        List<String> walked = new ArrayList<>(ids(first));
        walked.addAll(ids(second));
        assertThat(walked).containsExactly(homeVisits.toString(), fathersGroup.toString());

        JsonNode whole = hsds(Response.SERVICES, uri("/hsds/services", "organization_id", org, "per_page", "500"));
        assertPage(whole, 2, 1, 1, 2, true, true, false);
        JsonNode byDefault = hsds(Response.SERVICES, "/hsds/services");
        assertThat(byDefault.path("size").asInt()).isLessThanOrEqualTo(50);
        assertThat(byDefault.path("page_number").asInt()).isEqualTo(1);
        hsds(Response.SERVICES, uri("/hsds/services", "page", "100000", "per_page", "500"));
    }

    @Test
    void organizationsAreTheAgenciesWithTheirServices() {
        JsonNode page = hsds(Response.ORGANIZATIONS, uri("/hsds/organizations", "search", tag));
        assertThat(ids(page)).containsExactly(centre.toString(), parish.toString());
        assertThat(page.path("contents").get(1).path("description").asText())
                .contains("Ylöjärven seurakunta", "Ylöjärvi");
        assertThat(page.path("contents").get(1).path("legal_status").asText()).isEqualTo("PARISH");

        JsonNode organization = hsds(Response.ORGANIZATION, "/hsds/organizations/" + parish);
        assertThat(organization.path("name").asText()).isEqualTo("Ylöjärven seurakunnan perhetyö " + tag);
        assertThat(statuses(organization.path("services")))
                .containsEntry(familyCafe.toString(), "active").containsEntry(therapy.toString(), "inactive");

        JsonNode firstOnly = hsds(Response.ORGANIZATIONS, uri("/hsds/organizations", "search", tag, "per_page", "1"));
        assertPage(firstOnly, 2, 2, 1, 1, true, false, false);
        hsds(Response.ORGANIZATIONS, "/hsds/organizations");
        assertThat(ids(hsds(Response.ORGANIZATIONS, uri("/hsds/organizations", "search", tag + "-nobody")))).isEmpty();
    }

    @Test
    void capacityIsATaxonomyTermOfEachServiceAndFiltersToo() {
        // An agency and a search word of its own: the other tests count this class's services by tag.
        String own = "hsdscap" + UUID.randomUUID().toString().substring(0, 8);
        UUID guidance = api.agency("Perheohjaus " + own, "Tampere");
        String weekly = listed(guidance, "Perheohjaus " + own, "INDIVIDUAL", "YELLOW", 0, 216, List.of("Tampere"),
                List.of("fi")).toString();
        assertThat(api.ok(HttpMethod.PUT, "/api/v1/services/" + weekly + "/capacity", Api.worker(guidance),
                Map.of("status", "WAITLIST", "waitWeeks", 3))).containsKey("capacity");
        JsonNode s = hsds(Response.SERVICE, "/hsds/services/" + weekly);
        assertThat(texts(s.path("attributes"), "taxonomy_term_id")).contains(termId("capacity", "WAITLIST"));
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "search", own,
                "taxonomy_term_id", termId("capacity", "WAITLIST"))))).containsExactly(weekly);
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "search", own,
                "taxonomy_term_id", termId("capacity", "OPEN"))))).isEmpty();
        // A new GROUP service is CLOSED until a programme of it is scheduled.
        assertThat(ids(hsds(Response.SERVICES, uri("/hsds/services", "search", tag,
                "taxonomy_term_id", termId("capacity", "CLOSED"))))).containsExactly(fathersGroup.toString());
    }

    @Test
    void needLevelAndServiceKindAreTaxonomiesWithTheirTerms() {
        JsonNode taxonomies = hsds(Response.TAXONOMIES, "/hsds/taxonomies");
        assertThat(texts(taxonomies.path("contents"), "name"))
                .containsExactly("Need level (traffic-light model)", "Service kind", "Capacity");
        assertPage(taxonomies, 3, 1, 1, 3, true, true, false);
        for (JsonNode taxonomy : taxonomies.path("contents")) {
            assertThat(hsds(Response.TAXONOMY, "/hsds/taxonomies/" + taxonomy.path("id").asText())).isEqualTo(taxonomy);
        }
        assertThat(ids(hsds(Response.TAXONOMIES, uri("/hsds/taxonomies", "search", "traffic")))).hasSize(1);

        JsonNode terms = hsds(Response.TAXONOMY_TERMS, "/hsds/taxonomy_terms");
        assertThat(texts(terms.path("contents"), "code"))
                .containsExactly("GREEN", "YELLOW", "RED", "INDIVIDUAL", "GROUP", "OPEN",
                        "OPEN", "WAITLIST", "CLOSED", "ASSESSMENT_REQUIRED");
        for (JsonNode term : terms.path("contents")) {
            assertThat(hsds(Response.TAXONOMY_TERM, "/hsds/taxonomy_terms/" + term.path("id").asText())).isEqualTo(term);
        }
        assertThat(texts(hsds(Response.TAXONOMY_TERMS, uri("/hsds/taxonomy_terms", "taxonomy_id",
                taxonomyId("need_level"))).path("contents"), "code")).containsExactly("GREEN", "YELLOW", "RED");
        assertPage(hsds(Response.TAXONOMY_TERMS, uri("/hsds/taxonomy_terms", "per_page", "4", "page", "2")),
                10, 3, 2, 4, false, false, false);
        assertThat(ids(hsds(Response.TAXONOMY_TERMS, uri("/hsds/taxonomy_terms", "parent_id",
                termId("need_level", "GREEN"))))).isEmpty();
    }

    @Test
    void aServiceJustListedIsReadableAtOnce() {
        UUID kangasala = api.agency("Kangasalan perhekeskus " + UUID.randomUUID(), "Kangasala");
        for (int round = 0; round < 5; round++) {
            UUID fresh = listed(kangasala, "Uusi palvelu " + round, "OPEN", "GREEN", 0, 6, List.of("Tampere"), List.of("fi"));
            assertThat(hsds(Response.SERVICE, "/hsds/services/" + fresh).path("status").asText()).isEqualTo("active");
            api.call(HttpMethod.DELETE, "/api/v1/services/" + fresh, coordinator(), Map.of("reason", "kokeilu"));
            assertThat(hsds(Response.SERVICE, "/hsds/services/" + fresh).path("status").asText()).isEqualTo("inactive");
        }
    }

    @Test
    void noPersonalDataNorWorkerIdsAppear() {
        String organization = get("/hsds/organizations/" + centre, null).getBody();
        String service = get("/hsds/services/" + therapy, null).getBody();
        assertThat(organization + service).doesNotContain("coordinator-1", "listedBy", "withdrawnBy",
                "Palvelu siirtyi hyvinvointialueelle");
    }

    Stream<Arguments> badInput() {
        String services = "/hsds/services";
        return Stream.of(
                Arguments.of(services, "page", "0"),
                Arguments.of(services, "page", "-1"),
                Arguments.of(services, "page", "abc"),
                Arguments.of(services, "page", "100001"),
                Arguments.of(services, "per_page", "0"),
                Arguments.of(services, "per_page", "501"),
                Arguments.of(services, "per_page", "99999999999"),
                Arguments.of(services, "search", "s".repeat(201)),
                Arguments.of(services, "modified_after", "yesterday"),
                Arguments.of(services, "modified_after", "2026-01-31"),
                Arguments.of(services, "modified_after", "2026-01-31T12:00:00"),
                Arguments.of(services, "modified_after", "2026-13-01T00:00:00Z"),
                Arguments.of(services, "modified_after", "1800-01-01T00:00:00Z"),
                Arguments.of(services, "modified_after", "9999-01-01T00:00:00Z"),
                Arguments.of(services, "modified_after", "2".repeat(65)),
                Arguments.of(services, "taxonomy_term_id", "GREEN"),
                Arguments.of(services, "taxonomy_id", "need_level"),
                Arguments.of(services, "organization_id", "lielahti"),
                Arguments.of("/hsds/organizations", "per_page", "501"),
                Arguments.of("/hsds/organizations", "search", "s".repeat(201)),
                Arguments.of("/hsds/taxonomies", "page", "0"),
                Arguments.of("/hsds/taxonomy_terms", "taxonomy_id", "x"),
                Arguments.of("/hsds/taxonomy_terms", "parent_id", "x"));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("badInput")
    void badInputIsA400NamingTheParameter(String path, String parameter, String value) {
        ResponseEntity<String> refused = get(uri(path, parameter, value), null);
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = read(refused.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(texts(problem.path("errors"), "field")).as("%s", problem).contains(parameter);
        assertThat(refused.getBody()).doesNotContain("java.", "Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/hsds/services/not-a-uuid", "/hsds/organizations/x", "/hsds/taxonomies/1",
            "/hsds/taxonomy_terms/GREEN"})
    void aMalformedIdIsA400(String path) {
        ResponseEntity<String> refused = get(path, null);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void unknownIdsAre404() {
        for (String path : List.of("/hsds/services/" + UUID.randomUUID(), "/hsds/services/" + centre,
                "/hsds/organizations/" + UUID.randomUUID(), "/hsds/organizations/" + homeVisits,
                "/hsds/taxonomies/" + UUID.randomUUID(), "/hsds/taxonomy_terms/" + UUID.randomUUID(),
                "/hsds/taxonomies/" + termId("need_level", "RED"), "/hsds/service_at_locations")) {
            ResponseEntity<String> unknown = get(path, null);
            assertThat(unknown.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(unknown.getHeaders().getContentType()).as(path).hasToString("application/problem+json");
            assertThat(read(unknown.getBody()).path("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void readingNeedsNoTokenAndIgnoresABadOne() {
        assertThat(get("/hsds/services/" + homeVisits, null).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> withGarbage = http.exchange(RequestEntity.get(URI.create("/hsds/services/" + homeVisits))
                .header("Authorization", "Bearer not.a.token").build(), String.class);
        assertThat(withGarbage.getStatusCode().value()).isEqualTo(200);
        assertThat(HsdsSchemas.errors(Response.SERVICE, read(withGarbage.getBody()))).isEmpty();
        validatedHere++;
    }

    @Test
    void nothingButGetIsAccepted() {
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            for (String token : new String[]{null, coordinator()}) {
                for (String path : List.of("/hsds/services", "/hsds/services/" + homeVisits, "/hsds/")) {
                    ResponseEntity<String> refused = http.exchange(RequestEntity.method(method, URI.create(path))
                            .headers(h -> {
                                if (token != null) {
                                    h.setBearerAuth(token);
                                }
                            })
                            .contentType(MediaType.APPLICATION_JSON)
                            .body("{\"name\": \"Vallattu palvelu\", \"status\": \"active\"}"), String.class);
                    assertThat(refused.getStatusCode().value()).as("%s %s", method, path).isEqualTo(405);
                    assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
                    assertThat(refused.getHeaders().getAllow()).contains(HttpMethod.GET);
                }
            }
        }
        assertThat(hsds(Response.SERVICE, "/hsds/services/" + homeVisits).path("name").asText())
                .isEqualTo("Vauvaperheiden kotikäynnit " + tag);
    }

    @Test
    void theRestOfTheServiceStillNeedsAToken() {
        assertThat(get("/api/v1/services", null).getStatusCode().value()).isEqualTo(401);
        assertThat(get("/api/v1/agencies", null).getStatusCode().value()).isEqualTo(401);
        assertThat(get("/hsdsx", null).getStatusCode().value()).isEqualTo(401);
    }

    // --- helpers

    /** A service of the tagged set the filter tests expect. */
    private UUID service(UUID agency, String name, String kind, String needLevel, int from, int to,
                         List<String> municipalities, List<String> languages) {
        return listed(agency, name + " " + tag, kind, needLevel, from, to, municipalities, languages);
    }

    private UUID listed(UUID agency, String name, String kind, String needLevel, int from, int to,
                        List<String> municipalities, List<String> languages) {
        return api.created(HttpMethod.POST, "/api/v1/services", coordinator(),
                body(agency, name, kind, needLevel, from, to, municipalities, languages));
    }

    private Instant lastModified(UUID service) {
        return Instant.parse(hsds(Response.SERVICE, "/hsds/services/" + service).path("last_modified").asText());
    }

    private static Map<String, Object> body(UUID agency, String name, String kind, String needLevel, int from, int to,
                                            List<String> municipalities, List<String> languages) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (agency != null) {
            body.put("agencyId", agency);
        }
        body.put("name", name);
        body.put("kind", kind);
        body.put("needLevel", needLevel);
        body.put("ageFromMonths", from);
        body.put("ageToMonths", to);
        body.put("municipalities", municipalities);
        body.put("languages", languages);
        body.put("description", "Kuvaus: " + name);
        return body;
    }

    /** A 200 HSDS body, validated against its response schema in the HSDS OpenAPI. */
    private JsonNode hsds(Response schema, Object pathOrUri) {
        ResponseEntity<String> answer = get(pathOrUri, null);
        assertThat(answer.getStatusCode().value()).as("%s: %s", pathOrUri, answer.getBody()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
        JsonNode body = read(answer.getBody());
        assertThat(HsdsSchemas.errors(schema, body)).as("%s against HSDS %s", pathOrUri, schema).isEmpty();
        if (body.has("contents")) {
            // The HSDS Page schema names these without requiring them; a page here always has them all.
            assertThat(body.properties()).extracting(Map.Entry::getKey).contains("total_items", "total_pages",
                    "page_number", "size", "first_page", "last_page", "empty", "contents");
            assertThat(body.path("size").asInt()).isEqualTo(body.path("contents").size());
        }
        validatedHere++;
        return body;
    }

    private ResponseEntity<String> get(Object pathOrUri, String token) {
        URI uri = pathOrUri instanceof URI u ? u : URI.create((String) pathOrUri);
        return http.exchange(RequestEntity.get(uri).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).build(), String.class);
    }

    /** Query values strictly encoded ('+' included), as a careful client sends them. */
    private static URI uri(String path, String... keyValues) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.queryParam(keyValues[i], "{v" + i + "}");
            values.put("v" + i, keyValues[i + 1]);
        }
        return builder.encode().buildAndExpand(values).toUri();
    }

    private String termId(String taxonomy, String code) {
        JsonNode terms = hsds(Response.TAXONOMY_TERMS, "/hsds/taxonomy_terms");
        return StreamSupport.stream(terms.path("contents").spliterator(), false)
                .filter(t -> t.path("code").asText().equals(code)
                        && t.path("taxonomy_id").asText().equals(taxonomyId(taxonomy)))
                .map(t -> t.path("id").asText()).findFirst().orElseThrow();
    }

    private String taxonomyId(String code) {
        String name = switch (code) {
            case "need_level" -> "Need level (traffic-light model)";
            case "capacity" -> "Capacity";
            default -> "Service kind";
        };
        JsonNode taxonomies = hsds(Response.TAXONOMIES, "/hsds/taxonomies");
        return StreamSupport.stream(taxonomies.path("contents").spliterator(), false)
                .filter(t -> t.path("name").asText().equals(name)).map(t -> t.path("id").asText())
                .findFirst().orElseThrow();
    }

    private static void assertPage(JsonNode page, long totalItems, long totalPages, long pageNumber, int size,
                                   boolean first, boolean last, boolean empty) {
        assertThat(page.path("total_items").asLong()).as("total_items").isEqualTo(totalItems);
        assertThat(page.path("total_pages").asLong()).as("total_pages").isEqualTo(totalPages);
        assertThat(page.path("page_number").asLong()).as("page_number").isEqualTo(pageNumber);
        assertThat(page.path("size").asInt()).as("size").isEqualTo(size);
        assertThat(page.path("first_page").asBoolean()).as("first_page").isEqualTo(first);
        assertThat(page.path("last_page").asBoolean()).as("last_page").isEqualTo(last);
        assertThat(page.path("empty").asBoolean()).as("empty").isEqualTo(empty);
    }

    private static List<String> ids(JsonNode page) {
        return texts(page.path("contents"), "id");
    }

    private static Map<String, String> statuses(JsonNode items) {
        Map<String, String> statuses = new LinkedHashMap<>();
        (items.has("contents") ? items.path("contents") : items)
                .forEach(s -> statuses.put(s.path("id").asText(), s.path("status").asText()));
        return statuses;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
