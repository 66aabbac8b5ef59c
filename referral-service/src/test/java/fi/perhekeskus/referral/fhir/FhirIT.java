package fi.perhekeskus.referral.fhir;

import fi.perhekeskus.infra.security.Role;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.TOKENS;
import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referrals made and moved through the public API, read back as FHIR R4: each as Task and as
 * ServiceRequest by both parties, and as the owner's searchset Bundle, every resource validated
 * against the R4 base definitions and the platform's code systems. Then who may read them (as the
 * JSON detail), what they never carry (the family's name and identity code), the access log, Accept
 * negotiation and the bounds of the search.
 */
@ReferralServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirIT {

    private static final String FHIR_JSON = "application/fhir+json";
    /** In the family's names, so that any leak of them shows. */
    private static final String MARKER = "Fhirmerkkinen";
    private static final String IDENTITY_CODE = "010203A987V";

    /** What a referral is expected to look like, by the name of the state it was left in. */
    record Expected(UUID id, TaskStatus task, ServiceRequestStatus request, String business) {
    }

    @Autowired
    TestRestTemplate http;

    private Api api;
    private UUID clinic;
    private UUID counselling;
    private UUID ngo;
    private UUID foreign;
    private UUID family;
    private UUID groupService;
    private final Map<String, Expected> referrals = new LinkedHashMap<>();

    @BeforeAll
    void referralsInEveryState() {
        api = new Api(http);
        clinic = api.agency("Kaukajärven neuvola", "Tampere");
        counselling = api.agency("Lielahden perheneuvola", "Tampere");
        ngo = api.agency("Pelastakaa Lapset Tampere", "Tampere");
        foreign = api.agency("Lempäälän nuorisopalvelut", "Lempäälä");
        UUID service = api.service(counselling, "Perheneuvonta", "INDIVIDUAL");
        groupService = api.service(ngo, "Vauvaperheiden ryhmä", "GROUP");
        family = api.created(HttpMethod.POST, "/api/v1/families", worker(clinic), Map.of("municipality", "Tampere",
                "languages", List.of("fi"), "members", List.of(
                        Map.of("role", "PARENT", "givenName", MARKER + "Aikuinen", "familyName", MARKER,
                                "birthDate", "2003-02-01", "personalIdentityCode", IDENTITY_CODE),
                        Map.of("role", "CHILD", "givenName", MARKER + "Lapsi", "familyName", MARKER,
                                "birthDate", "2026-01-15"))));
        api.consent(family, clinic, List.of(counselling, ngo), LocalDate.now().plusYears(1).toString());

        UUID sent = make(service, "URGENT");
        UUID received = make(service, "ROUTINE");
        move(received, "receive", counselling, null);
        UUID accepted = make(service, "ROUTINE");
        move(accepted, "receive", counselling, null);
        move(accepted, "accept", counselling, Map.of("responsibleWorker", "ohjaaja-3"));
        UUID inProgress = make(service, "ROUTINE");
        move(inProgress, "receive", counselling, null);
        move(inProgress, "accept", counselling, Map.of());
        move(inProgress, "start", counselling, null);
        UUID declined = make(service, "ROUTINE");
        move(declined, "receive", counselling, null);
        move(declined, "decline", counselling, Map.of("reason", "Jonotilanne, ohjaa lähemmäs"));
        UUID redirected = make(service, "ROUTINE");
        move(redirected, "receive", counselling, null);
        Map<String, Object> redirect = move(redirected, "redirect", counselling,
                Map.of("serviceId", groupService, "note", "Ryhmä sopii paremmin"));
        UUID forwarded = UUID.fromString((String) redirect.get("redirectedTo"));
        UUID completed = make(service, "ROUTINE");
        move(completed, "receive", counselling, null);
        move(completed, "accept", counselling, Map.of());
        move(completed, "start", counselling, null);
        move(completed, "complete", counselling, Map.of("outcome", "PARTLY_MET", "note", "Kolme tapaamista"));
        UUID cancelled = make(service, "ROUTINE");
        move(cancelled, "cancel", clinic, Map.of("reason", "Perhe muutti"));
        UUID onHold = make(service, "ROUTINE");
        move(onHold, "receive", counselling, null);
        move(onHold, "accept", counselling, Map.of());
        move(onHold, "hold", counselling, Map.of("reason", "Perhe pyysi taukoa"));

        expect("sent", sent, TaskStatus.REQUESTED, ServiceRequestStatus.ACTIVE, "REQUESTED");
        expect("received", received, TaskStatus.RECEIVED, ServiceRequestStatus.ACTIVE, "RECEIVED");
        expect("accepted", accepted, TaskStatus.ACCEPTED, ServiceRequestStatus.ACTIVE, "ACCEPTED");
        expect("in progress", inProgress, TaskStatus.INPROGRESS, ServiceRequestStatus.ACTIVE, "IN_PROGRESS");
        expect("declined", declined, TaskStatus.REJECTED, ServiceRequestStatus.REVOKED, "DECLINED");
        expect("redirected", redirected, TaskStatus.REJECTED, ServiceRequestStatus.REVOKED, "REDIRECTED");
        expect("forwarded", forwarded, TaskStatus.REQUESTED, ServiceRequestStatus.ACTIVE, "REQUESTED");
        expect("completed", completed, TaskStatus.COMPLETED, ServiceRequestStatus.COMPLETED, "COMPLETED");
        expect("cancelled", cancelled, TaskStatus.CANCELLED, ServiceRequestStatus.REVOKED, "CANCELLED");
        expect("on hold", onHold, TaskStatus.ONHOLD, ServiceRequestStatus.ONHOLD, "ON_HOLD");
    }

    @AfterAll
    void report() {
        System.out.println("FHIR resources validated with 0 errors (this JVM): " + R4Validator.validated());
    }

    @Test
    void eachReferralIsAValidTaskAndServiceRequestForBothParties() {
        for (Map.Entry<String, Expected> entry : referrals.entrySet()) {
            Expected expected = entry.getValue();
            UUID receiver = entry.getKey().equals("forwarded") ? ngo : counselling;
            for (UUID party : List.of(clinic, receiver)) {
                Task task = task(expected.id(), party);
                assertThat(task.getIdElement().getIdPart()).isEqualTo(expected.id().toString());
                assertThat(task.getStatus()).as(entry.getKey()).isEqualTo(expected.task());
                assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
                assertThat(task.getBusinessStatus().getCodingFirstRep().getSystem()).isEqualTo(PlatformCodes.REFERRAL_STATUS);
                assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo(expected.business());
                assertThat(task.getFocus().getReference()).isEqualTo("ServiceRequest/" + expected.id());
                assertThat(task.getRequester().getReference()).isEqualTo("Organization/" + clinic);
                assertThat(task.getOwner().getReference()).isEqualTo("Organization/" + receiver);
                assertThat(task.getAuthoredOn()).isNotNull();
                assertThat(task.getLastModified()).isAfterOrEqualTo(task.getAuthoredOn());
                assertThat(task.getFor().getIdentifier().getValue()).isEqualTo(family.toString());

                ServiceRequest request = serviceRequest(expected.id(), party);
                assertThat(request.getStatus()).as(entry.getKey()).isEqualTo(expected.request());
                assertThat(request.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
                assertThat(request.getRequester().getReference()).isEqualTo("Organization/" + clinic);
                assertThat(request.getPerformerFirstRep().getReference()).isEqualTo("Organization/" + receiver);
                assertThat(request.getSubject().getIdentifier().getValue()).isEqualTo(family.toString());
                assertThat(request.getSubject().getReference()).isNull();
                assertThat(request.getCategory()).extracting(c -> c.getCodingFirstRep().getCode())
                        .containsExactly(entry.getKey().equals("forwarded") ? "GROUP" : "INDIVIDUAL", "YELLOW");
                assertThat(request.getCode().getText())
                        .isEqualTo(entry.getKey().equals("forwarded") ? "Vauvaperheiden ryhmä" : "Perheneuvonta");
                assertThat(request.getReasonCodeFirstRep().getText()).isEqualTo("Tuen tarve arjessa");
            }
        }
    }

    @Test
    void theTaskCarriesPriorityReasonsOutcomeAndTheRedirect() {
        assertThat(task(id("sent"), clinic).getPriority()).isEqualTo(Task.TaskPriority.URGENT);
        assertThat(serviceRequest(id("sent"), counselling).getPriority())
                .isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
        assertThat(task(id("received"), clinic).getPriority()).isEqualTo(Task.TaskPriority.ROUTINE);

        assertThat(task(id("declined"), clinic).getStatusReason().getText()).isEqualTo("Jonotilanne, ohjaa lähemmäs");
        assertThat(task(id("cancelled"), counselling).getStatusReason().getText()).isEqualTo("Perhe muutti");
        assertThat(task(id("accepted"), clinic).hasStatusReason()).isFalse();

        Task completed = task(id("completed"), clinic);
        assertThat(completed.getOutput()).extracting(o -> o.getType().getCodingFirstRep().getCode())
                .containsExactly("outcome", "completion-note");
        CodeableConcept outcome = (CodeableConcept) completed.getOutput().get(0).getValue();
        assertThat(outcome.getCodingFirstRep().getSystem()).isEqualTo(PlatformCodes.REFERRAL_OUTCOME);
        assertThat(outcome.getCodingFirstRep().getCode()).isEqualTo("PARTLY_MET");
        assertThat(completed.getOutput().get(1).getValue().primitiveValue()).isEqualTo("Kolme tapaamista");
        assertThat(task(id("in progress"), clinic).hasOutput()).isFalse();

        Task redirected = task(id("redirected"), clinic);
        assertThat(redirected.getStatusReason().getText()).isEqualTo("Ryhmä sopii paremmin");
        assertThat(redirected.getOutputFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("redirected-to");
        assertThat(((Reference) redirected.getOutputFirstRep().getValue()).getReference())
                .isEqualTo("Task/" + id("forwarded"));
        Task forwarded = task(id("forwarded"), ngo);
        assertThat(forwarded.getPartOf()).extracting(Reference::getReference).containsExactly("Task/" + id("redirected"));
        assertThat(forwarded.getRequester().getReference()).as("the loop stays with the original sender")
                .isEqualTo("Organization/" + clinic);
        assertThat(serviceRequest(id("forwarded"), clinic).getReplaces()).extracting(Reference::getReference)
                .containsExactly("ServiceRequest/" + id("redirected"));
        assertThat(task(id("sent"), clinic).hasPartOf()).isFalse();
    }

    @Test
    void theOwnerSearchIsAValidSearchsetOfItsTasksPagedByCount() {
        List<String> counsellingTasks = referrals.entrySet().stream().filter(e -> !e.getKey().equals("forwarded"))
                .map(e -> e.getValue().id().toString()).toList();

        Bundle inbox = bundle("/fhir/Task?owner=Organization/" + counselling + "&_count=500", counselling);
        assertThat(inbox.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(taskIds(inbox)).containsExactlyInAnyOrderElementsOf(counsellingTasks);
        assertThat(inbox.getEntry()).allSatisfy(e -> {
            assertThat(e.getFullUrl()).endsWith("/fhir/Task/" + e.getResource().getIdElement().getIdPart());
            assertThat(e.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
        });
        assertThat(inbox.getLink("next")).isNull();
        Task declined = inbox.getEntry().stream().map(e -> (Task) e.getResource())
                .filter(t -> t.getIdElement().getIdPart().equals(id("declined").toString())).findFirst().orElseThrow();
        assertThat(declined.getStatus()).isEqualTo(TaskStatus.REJECTED);
        assertThat(declined.getStatusReason().getText()).isEqualTo("Jonotilanne, ohjaa lähemmäs");

        // The sender sees the Tasks it sent to that owner; the new owner of the redirect sees only its own.
        assertThat(taskIds(bundle("/fhir/Task?owner=Organization/" + counselling, clinic)))
                .containsExactlyInAnyOrderElementsOf(counsellingTasks);
        assertThat(taskIds(bundle("/fhir/Task?owner=Organization/" + ngo, ngo))).containsExactly(id("forwarded").toString());
        assertThat(taskIds(bundle("/fhir/Task?owner=Organization/" + counselling, ngo))).isEmpty();
        assertThat(taskIds(bundle("/fhir/Task?owner=Organization/" + counselling, foreign))).isEmpty();

        List<String> paged = new ArrayList<>();
        String next = "/fhir/Task?owner=Organization/" + counselling + "&_count=3";
        int pages = 0;
        while (next != null) {
            Bundle page = bundle(next, counselling);
            assertThat(page.getEntry()).hasSizeLessThanOrEqualTo(3);
            paged.addAll(taskIds(page));
            Bundle.BundleLinkComponent link = page.getLink("next");
            next = link == null ? null : link.getUrl().substring(link.getUrl().indexOf("/fhir/"));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(taskIds(inbox)).doesNotHaveDuplicates();
    }

    @Test
    void noResourceCarriesTheFamilysNamesOrIdentityCode() {
        List<String> bodies = new ArrayList<>();
        for (Expected expected : referrals.values()) {
            bodies.add(get("/fhir/Task/" + expected.id(), worker(clinic), FHIR_JSON).getBody());
            bodies.add(get("/fhir/ServiceRequest/" + expected.id(), worker(clinic), FHIR_JSON).getBody());
        }
        bodies.add(get("/fhir/Task?owner=Organization/" + counselling, worker(counselling), FHIR_JSON).getBody());
        // The family's data is there to be found where it belongs: the marker is no accident of the test.
        assertThat(get("/api/v1/families/" + family, worker(clinic), "application/json").getBody()).contains(MARKER);

        assertThat(bodies).hasSize(2 * referrals.size() + 1).allSatisfy(body -> assertThat(body)
                .isNotBlank().doesNotContainIgnoringCase(MARKER).doesNotContain(IDENTITY_CODE, "2003-02-01"));
    }

    @Test
    void everyReadIsInTheFamilysAccessLogLikeTheJsonDetail() {
        UUID id = id("accepted");
        long before = reads(id);

        task(id, counselling);
        serviceRequest(id, clinic);
        bundle("/fhir/Task?owner=Organization/" + counselling, counselling);
        get("/api/v1/referrals/" + id, worker(clinic), "application/json");

        assertThat(reads(id)).isEqualTo(before + 4);
        List<Object> readers = api.list("/api/v1/families/" + family + "/access-log?limit=500", Api.coordinator())
                .stream()
                .filter(e -> ("referral " + id).equals(e.get("purpose"))).limit(4).map(e -> e.get("agencyId")).toList();
        assertThat(readers).containsExactly(clinic.toString(), counselling.toString(), clinic.toString(),
                counselling.toString());
        assertThat(get("/fhir/Task/" + id, worker(foreign), FHIR_JSON).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aReceiverWhoseConsentWasWithdrawnGetsTheResourcesWithoutTheFamilysText() {
        UUID other = api.family(clinic, MARKER + "Toinen", MARKER, "131052-308T", "1952-10-13");
        // A receiver of its own: the other tests count counselling's Tasks.
        UUID couples = api.agency("Tampereen pariterapia", "Tampere");
        UUID consent = api.consent(other, clinic, List.of(couples), LocalDate.now().plusYears(1).toString());
        UUID service = api.service(couples, "Pariterapia", "INDIVIDUAL");
        UUID referral = api.created(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of("familyId", other,
                "serviceId", service, "reason", "Riitoja kotona", "needLevel", "RED", "priority", "ROUTINE"));
        move(referral, "receive", couples, null);
        move(referral, "decline", couples, Map.of("reason", "Ei resursseja"));
        assertThat(api.call(HttpMethod.DELETE, "/api/v1/families/" + other + "/consents/" + consent, worker(clinic),
                null).getStatusCode().value()).isEqualTo(204);

        Task task = task(referral, couples);
        ServiceRequest request = serviceRequest(referral, couples);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.REJECTED);
        assertThat(task.hasStatusReason()).isFalse();
        assertThat(request.hasReasonCode()).isFalse();
        assertThat(List.of(task.getMeta(), request.getMeta())).allSatisfy(meta -> assertThat(meta.getSecurity())
                .extracting(c -> c.getCode()).containsExactly("REDACTED"));
        // The sender registered the family: it still reads what it was told.
        assertThat(task(referral, clinic).getStatusReason().getText()).isEqualTo("Ei resursseja");
        assertThat(task(referral, clinic).getMeta().hasSecurity()).isFalse();
    }

    @Test
    void onlyThePartiesReadAndEveryOtherCallerIsRefusedAsByTheJsonDetail() {
        UUID id = id("received");
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("foreign agency", worker(foreign));
        callers.put("no token", null);
        callers.put("expired", TOKENS.expired("worker-x", clinic, List.of(Role.WORKER)));
        callers.put("forged", TOKENS.forged("worker-x", clinic, List.of(Role.WORKER)));
        callers.put("no expiry", TOKENS.withoutExpiry("worker-x", clinic, List.of(Role.WORKER)));
        callers.put("analyst", TOKENS.analyst("analyst-1"));
        callers.put("coordinator", Api.coordinator());
        callers.put("coordinator of the sender", TOKENS.issue("c", clinic, List.of(Role.COORDINATOR), Duration.ofHours(1)));
        callers.put("worker of an unregistered agency", worker(UUID.randomUUID()));
        Map<String, Integer> expected = Map.of("foreign agency", 404, "no token", 401, "expired", 401, "forged", 401,
                "no expiry", 401, "analyst", 403, "coordinator", 403, "coordinator of the sender", 403,
                "worker of an unregistered agency", 403);

        for (Map.Entry<String, String> caller : callers.entrySet()) {
            int json = get("/api/v1/referrals/" + id, caller.getValue(), "application/json").getStatusCode().value();
            for (String path : List.of("/fhir/Task/" + id, "/fhir/ServiceRequest/" + id,
                    "/fhir/Task?owner=Organization/" + counselling)) {
                ResponseEntity<String> fhir = get(path, caller.getValue(), FHIR_JSON);
                int status = fhir.getStatusCode().value();
                boolean search = path.contains("?");
                assertThat(status).as("%s by %s: %s", path, caller.getKey(), fhir.getBody())
                        .isEqualTo(search && caller.getKey().equals("foreign agency") ? 200 : expected.get(caller.getKey()));
                if (!search) {
                    assertThat(status).as("%s by %s, as the JSON detail", path, caller.getKey()).isEqualTo(json);
                }
                if (status != 200) {
                    assertThat(fhir.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                    assertThat(fhir.getBody()).contains("\"status\":" + status).doesNotContain(MARKER);
                }
            }
        }
        assertThat(get("/fhir/Task/" + UUID.randomUUID(), worker(clinic), FHIR_JSON).getStatusCode().value())
                .as("an unknown referral reads like a foreign one").isEqualTo(404);
    }

    @Test
    void fhirJsonIsAnsweredToFhirAndJsonClientsAndOtherAcceptsAre406() {
        String path = "/fhir/Task/" + id("sent");
        for (String accept : new String[] {FHIR_JSON, "application/json", "application/fhir+json;fhirVersion=4.0",
                "*/*", "application/*", "text/html;q=0.9, application/json;q=0.5", null}) {
            ResponseEntity<String> response = get(path, worker(clinic), accept);
            assertThat(response.getStatusCode().value()).as("Accept %s", accept).isEqualTo(200);
            assertThat(response.getHeaders().getContentType().toString()).as("Accept %s", accept)
                    .startsWith(FHIR_JSON);
            R4Validator.valid(response.getBody(), Task.class);
        }
        for (String accept : new String[] {"application/fhir+xml", "application/xml", "text/html", "text/csv"}) {
            ResponseEntity<String> response = get(path, worker(clinic), accept);
            assertThat(response.getStatusCode().value()).as("Accept %s", accept).isEqualTo(406);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"owner=Organization/not-a-uuid", "owner=Patient/%s", "owner=%s", "owner=Organization/%s/x",
            "owner=", "_count=10", "owner=Organization/%s&_count=0", "owner=Organization/%s&_count=501",
            "owner=Organization/%s&_count=ten", "owner=Organization/%s&_offset=-1",
            "owner=Organization/%s&_offset=100001"})
    void aSearchOutOfBoundsIs400NamingTheParameter(String query) {
        ResponseEntity<String> response = get("/fhir/Task?" + query.replace("%s", counselling.toString()),
                worker(counselling), FHIR_JSON);

        assertThat(response.getStatusCode().value()).as("%s: %s", query, response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String field = !query.contains("owner=Organization/%s") ? "owner"
                : query.contains("_count") ? "_count" : query.contains("_offset") ? "_offset" : "owner";
        assertThat(response.getBody()).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void aMalformedIdIs400() {
        ResponseEntity<String> response = get("/fhir/Task/not-a-referral", worker(clinic), FHIR_JSON);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private UUID make(UUID service, String priority) {
        return api.created(HttpMethod.POST, "/api/v1/referrals", worker(clinic), Map.of("familyId", family,
                "serviceId", service, "reason", "Tuen tarve arjessa", "needLevel", "YELLOW", "priority", priority));
    }

    private Map<String, Object> move(UUID referral, String move, UUID agency, Object body) {
        return api.ok(HttpMethod.POST, "/api/v1/referrals/" + referral + "/" + move, worker(agency), body);
    }

    private void expect(String name, UUID id, TaskStatus task, ServiceRequestStatus request, String business) {
        referrals.put(name, new Expected(id, task, request, business));
    }

    private UUID id(String name) {
        return referrals.get(name).id();
    }

    private Task task(UUID id, UUID agency) {
        return R4Validator.valid(ok("/fhir/Task/" + id, agency), Task.class);
    }

    private ServiceRequest serviceRequest(UUID id, UUID agency) {
        return R4Validator.valid(ok("/fhir/ServiceRequest/" + id, agency), ServiceRequest.class);
    }

    private Bundle bundle(String path, UUID agency) {
        return R4Validator.valid(ok(path, agency), Bundle.class);
    }

    private static List<String> taskIds(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    private String ok(String path, UUID agency) {
        ResponseEntity<String> response = get(path, worker(agency), FHIR_JSON);
        assertThat(response.getStatusCode().value()).as("%s: %s", path, response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith(FHIR_JSON);
        return response.getBody();
    }

    private long reads(UUID referral) {
        return api.list("/api/v1/families/" + family + "/access-log?limit=500", Api.coordinator()).stream()
                .filter(e -> "USAGE".equals(e.get("kind")) && ("referral " + referral).equals(e.get("purpose")))
                .count();
    }

    private ResponseEntity<String> get(String path, String token, String accept) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
