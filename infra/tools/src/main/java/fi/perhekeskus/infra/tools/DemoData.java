package fi.perhekeskus.infra.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.infra.local.LocalSecrets;
import fi.perhekeskus.infra.local.PlatformLayout;
import fi.perhekeskus.infra.security.LocalTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Loads demo data into a running platform through the public HTTP APIs only ({@code ./run demo}):
 * the Tampere "Meidän vauva" pilot — a four-evening programme planned for 20 families, 13 families
 * referred by their clinic and enrolled, attendance with 9 fathers, feedback 8 YES / 5 PARTLY on
 * "information matched the child's age" — and a year of synthetic referrals, network meetings and
 * open-place visits across Pirkanmaa municipalities. Names and identity codes are invented.
 * Referrals are stamped with the time they are loaded: the public API cannot backdate, by design.
 */
public final class DemoData {

    private static final List<String> MUNICIPALITIES = List.of("Tampere", "Nokia", "Kangasala", "Ylöjärvi",
            "Lempäälä", "Pirkkala");
    private static final String[] GIVEN = {"Aino", "Eetu", "Helmi", "Ilmari", "Kerttu", "Lauri", "Minea", "Onni",
            "Pihla", "Santeri", "Veera", "Väinö"};
    private static final String[] FAMILY = {"Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Hämäläinen", "Laine",
            "Heikkinen", "Koskinen", "Järvinen", "Lehtonen"};
    private static final String CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final LocalTokens tokens;
    private final String referral;
    private final String meeting;
    private final Random random = new Random(2026);
    private final String coordinator;

    private DemoData(String referral, String meeting, String secret) {
        this.referral = referral;
        this.meeting = meeting;
        this.tokens = new LocalTokens(secret);
        this.coordinator = tokens.coordinator("demo-coordinator");
    }

    public static void main(String[] args) throws Exception {
        int synthetic = args.length > 0 ? Integer.parseInt(args[0]) : 240;
        new DemoData(PlatformLayout.DEFAULT.referral().url(), PlatformLayout.DEFAULT.meeting().url(),
                LocalSecrets.ofInstallation().jwtSecret())
                .load(synthetic);
    }

    private void load(int synthetic) throws Exception {
        long started = System.nanoTime();
        Map<String, UUID> clinics = new LinkedHashMap<>();
        for (String municipality : MUNICIPALITIES) {
            clinics.put(municipality, agency(municipality + "n neuvola", "WELLBEING_COUNTY", "Pirkanmaan hyvinvointialue",
                    municipality));
        }
        UUID counselling = agency("Tampereen perheneuvola", "WELLBEING_COUNTY", "Pirkanmaan hyvinvointialue", "Tampere");
        UUID familyWork = agency("Pirkanmaan lapsiperheiden sosiaalipalvelut", "WELLBEING_COUNTY",
                "Pirkanmaan hyvinvointialue", "Tampere");
        UUID earlyEducation = agency("Hervannan varhaiskasvatus", "MUNICIPALITY", "Tampereen kaupunki", "Tampere");
        UUID mll = agency("MLL Tampereen yhdistys", "NGO", "Mannerheimin Lastensuojeluliitto", "Tampere");
        UUID parish = agency("Tampereen seurakuntayhtymä", "PARISH", "Tampereen seurakuntayhtymä", "Tampere");
        UUID group = service(mll, "Meidän vauva -vauvaperheryhmä", "GROUP", "GREEN", 0, 6);
        List<UUID> individual = List.of(
                service(counselling, "Perheneuvonta", "INDIVIDUAL", "YELLOW", 0, 216),
                service(familyWork, "Lapsiperheiden kotipalvelu", "INDIVIDUAL", "YELLOW", 0, 216),
                service(familyWork, "Perhetyö", "INDIVIDUAL", "RED", 0, 216),
                service(parish, "Perheneuvottelut", "INDIVIDUAL", "GREEN", 0, 216));
        service(mll, "Perhekahvila (kohtaamispaikka)", "OPEN", "GREEN", 0, 84);
        System.out.println("Directory: " + (clinics.size() + 5) + " agencies, 6 services");

        UUID clinic = clinics.get("Tampere");
        // The third evening began this hour and the fourth is ahead: the running group still takes referred families.
        Instant firstEvening = Instant.now().minus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> sessions = new ArrayList<>();
        String[] topics = {"Vauvan uni ja rytmit", "Vanhemmuus ja parisuhde", "Vauvan kehitys ja leikki",
                "Arjen voimavarat ja palvelut"};
        for (int i = 0; i < 4; i++) {
            Instant at = firstEvening.plus(7L * i, ChronoUnit.DAYS);
            sessions.add(Map.of("startsAt", at.toString(), "endsAt", at.plus(2, ChronoUnit.HOURS).toString(),
                    "topic", topics[i], "facilitatorAgencyIds", List.of(clinic, mll, earlyEducation)));
        }
        Map<String, Object> programme = post(meeting + "/api/v1/programmes", coordinator, Map.of(
                "name", "Meidän vauva, Hervanta", "serviceId", group, "agencyIds", List.of(clinic, mll, earlyEducation),
                "location", "Hervannan perhekeskus", "capacityFamilies", 20, "plannedFamilies", 20,
                "targetAgeMonths", Map.of("from", 0, "to", 6), "sessions", sessions));
        String programmeId = (String) programme.get("id");
        List<String> sessionIds = (List<String>) programme.get("sessionIds");
        List<UUID> families = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            UUID family = family(clinic, "Tampere", true);
            consent(family, clinic, List.of(mll));
            families.add(family);
            String referralId = refer(clinic, family, group, "GREEN");
            move(referralId, mll, "receive", null);
            move(referralId, mll, "accept", Map.of("responsibleWorker", "MLL-ohjaaja", "firstContactOn",
                    LocalDate.now().plusDays(14).toString()));
        }
        System.out.println("Tampere pilot: 13 families referred to the group and accepted; waiting for enrolment...");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (enrolled(programmeId) < 13) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("meeting-service did not enrol the 13 families in time");
            }
            Thread.sleep(500);
        }
        String facilitator = tokens.worker("MLL-ohjaaja", mll);
        for (int s = 0; s < 3; s++) {
            List<Map<String, Object>> present = new ArrayList<>();
            for (int f = 0; f < 13; f++) {
                present.add(Map.of("familyId", families.get(f), "adults", f < 9 ? 2 : 1, "fathers", f < 9 ? 1 : 0,
                        "children", 1));
            }
            post(meeting + "/api/v1/sessions/" + sessionIds.get(s) + "/attendance", facilitator, Map.of("families", present));
        }
        for (int f = 0; f < 13; f++) {
            post(meeting + "/api/v1/sessions/" + sessionIds.get(0) + "/feedback", facilitator, Map.of(
                    "timingSuited", f < 12 ? "YES" : "PARTLY", "contentMetNeeds", f < 10 ? "YES" : "PARTLY",
                    "infoMatchedChildAge", f < 8 ? "YES" : "PARTLY"));
        }
        System.out.println("Tampere pilot: programme " + programmeId + " planned 20, enrolled 13, 3 sessions held with "
                + "9 fathers each, 13 feedback answers (child's age: 8 YES, 5 PARTLY)");

        for (int i = 0; i < synthetic; i++) {
            String municipality = MUNICIPALITIES.get(random.nextInt(MUNICIPALITIES.size()));
            UUID sender = clinics.get(municipality);
            UUID service = individual.get(random.nextInt(individual.size()));
            UUID receiver = receiverOf(service, counselling, familyWork, parish, individual);
            UUID family = family(sender, municipality, false);
            consent(family, sender, List.of(counselling, familyWork, parish));
            String level = List.of("GREEN", "YELLOW", "YELLOW", "RED").get(random.nextInt(4));
            String id = refer(sender, family, service, level);
            progress(id, sender, receiver, service, individual, counselling, familyWork, parish);
            if ((i + 1) % 40 == 0) {
                System.out.printf("Synthetic referrals: %d/%d%n", i + 1, synthetic);
            }
        }
        UUID place = UUID.nameUUIDFromBytes("Hervannan perhekahvila".getBytes());
        String worker = tokens.worker("MLL-ohjaaja", mll);
        for (int week = 52; week >= 1; week--) {
            int visiting = 6 + random.nextInt(10);
            post(meeting + "/api/v1/open-places/" + place + "/visits", worker, Map.of("date",
                    LocalDate.now().minusWeeks(week).toString(), "families", visiting, "adults", visiting + random.nextInt(4),
                    "children", visiting + random.nextInt(8)));
        }
        for (int i = 0; i < 12; i++) {
            UUID family = families.get(i);
            post(meeting + "/api/v1/network-meetings", tokens.worker("neuvola", clinic), Map.of("familyId", family,
                    "agencyIds", List.of(clinic, mll, earlyEducation), "heldOn", LocalDate.now().minusDays(3 * i).toString(),
                    "needsAssessed", List.of("SLEEP", "PARENTING_SUPPORT"), "agreedActions", List.of(Map.of(
                            "agencyId", mll, "action", "Vertaistukiryhmään ohjaus", "due",
                            LocalDate.now().plusDays(14).toString()))));
        }
        System.out.printf("Demo data loaded in %.1f s: %d synthetic referrals, 52 weeks of open-place visits, "
                + "12 network meetings. Dashboard: %s/#token=%s%n",
                (System.nanoTime() - started) / 1e9, synthetic, PlatformLayout.DEFAULT.reporting().url(),
                tokens.issueNamed("demo-analyst", null, List.of("ANALYST"), Duration.ofHours(12)));
    }

    private void progress(String id, UUID sender, UUID receiver, UUID service, List<UUID> individual, UUID counselling,
                          UUID familyWork, UUID parish) throws Exception {
        int roll = random.nextInt(100);
        if (roll < 5) {
            move(id, sender, "cancel", Map.of("reason", "Perhe sai avun muualta"));
            return;
        }
        if (roll < 12) {
            return; // still waiting to be received
        }
        move(id, receiver, "receive", null);
        if (roll < 22) {
            move(id, receiver, "decline", Map.of("reason", "Ei vastaa palvelun kohderyhmää"));
        } else if (roll < 30) {
            UUID other = individual.stream().filter(s -> !s.equals(service)).toList().get(random.nextInt(individual.size() - 1));
            Map<String, Object> redirected = move(id, receiver, "redirect", Map.of("serviceId", other, "note",
                    "Toinen palvelu sopii paremmin"));
            UUID next = receiverOf(other, counselling, familyWork, parish, individual);
            String newId = (String) redirected.get("redirectedTo");
            move(newId, next, "receive", null);
            move(newId, next, "accept", Map.of("responsibleWorker", "vastuutyöntekijä"));
        } else if (roll < 40) {
            return; // received, not yet decided
        } else {
            move(id, receiver, "accept", Map.of("responsibleWorker", "vastuutyöntekijä"));
            if (roll >= 55) {
                move(id, receiver, "start", null);
                if (roll >= 70) {
                    String outcome = List.of("GOAL_MET", "GOAL_MET", "PARTLY_MET", "NOT_MET", "FAMILY_WITHDREW")
                            .get(random.nextInt(5));
                    move(id, receiver, "complete", Map.of("outcome", outcome));
                }
            }
        }
    }

    private static UUID receiverOf(UUID service, UUID counselling, UUID familyWork, UUID parish, List<UUID> individual) {
        int index = individual.indexOf(service);
        return index == 0 ? counselling : index == 3 ? parish : familyWork;
    }

    private UUID agency(String name, String type, String organizer, String municipality) throws Exception {
        return UUID.fromString((String) post(referral + "/api/v1/agencies", coordinator, Map.of("name", name,
                "organizerType", type, "organizerName", organizer, "municipality", municipality)).get("id"));
    }

    private UUID service(UUID agency, String name, String kind, String level, int from, int to) throws Exception {
        return UUID.fromString((String) post(referral + "/api/v1/services", coordinator, Map.of("agencyId", agency,
                "name", name, "kind", kind, "needLevel", level, "ageFromMonths", from, "ageToMonths", to,
                "municipalities", MUNICIPALITIES, "languages", List.of("fi", "sv", "en"),
                "description", name + " – palvelu lapsiperheille")).get("id"));
    }

    private UUID family(UUID agency, String municipality, boolean baby) throws Exception {
        String surname = FAMILY[random.nextInt(FAMILY.length)];
        LocalDate parentBorn = LocalDate.of(1982 + random.nextInt(18), 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate childBorn = baby ? LocalDate.now().minusMonths(2 + random.nextInt(3))
                : LocalDate.now().minusMonths(3 + random.nextInt(120));
        return UUID.fromString((String) post(referral + "/api/v1/families", tokens.worker("neuvola", agency), Map.of(
                "municipality", municipality, "languages", List.of("fi"), "members", List.of(
                        Map.of("role", "PARENT", "givenName", GIVEN[random.nextInt(GIVEN.length)], "familyName", surname,
                                "birthDate", parentBorn.toString(), "personalIdentityCode", identityCode(parentBorn)),
                        Map.of("role", "CHILD", "givenName", GIVEN[random.nextInt(GIVEN.length)], "familyName", surname,
                                "birthDate", childBorn.toString(), "personalIdentityCode", identityCode(childBorn)))))
                .get("id"));
    }

    private void consent(UUID family, UUID agency, List<UUID> to) throws Exception {
        post(referral + "/api/v1/families/" + family + "/consents", tokens.worker("neuvola", agency), Map.of(
                "agencyIds", to, "purpose", "palveluohjaus", "givenBy", "Huoltaja",
                "validUntil", LocalDate.now().plusYears(1).toString()));
    }

    private String refer(UUID sender, UUID family, UUID service, String level) throws Exception {
        return (String) post(referral + "/api/v1/referrals", tokens.worker("neuvola", sender), Map.of("familyId", family,
                "serviceId", service, "reason", "Perhe toivoo tukea arkeen", "needLevel", level,
                "priority", random.nextInt(10) == 0 ? "URGENT" : "ROUTINE")).get("id");
    }

    private Map<String, Object> move(String referralId, UUID agency, String move, Object body) throws Exception {
        return post(referral + "/api/v1/referrals/" + referralId + "/" + move, tokens.worker("tyontekija", agency), body);
    }

    private int enrolled(String programmeId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(meeting + "/api/v1/programmes/"
                        + programmeId)).header("Authorization", "Bearer " + coordinator).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return 0;
        }
        return ((List<?>) json.readValue(response.body(), Map.class).get("enrolled")).size();
    }

    private Map<String, Object> post(String url, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : json.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? Map.of() : json.readValue(response.body(), Map.class);
    }

    /** An invented, well-formed identity code (individual numbers 900–999 are for test use). */
    private String identityCode(LocalDate born) {
        String date = String.format("%02d%02d%02d", born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100);
        char century = born.getYear() >= 2000 ? 'A' : '-';
        String individual = String.valueOf(900 + random.nextInt(100));
        return date + century + individual + CHECK.charAt((int) (Long.parseLong(date + individual) % 31));
    }
}
