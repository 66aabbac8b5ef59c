package fi.perhekeskus.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.local.LocalPlatform;
import fi.perhekeskus.infra.local.LocalPostgres;
import fi.perhekeskus.infra.local.PlatformLayout;
import fi.perhekeskus.infra.security.LocalTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./run chaos [--referrals N] [--kill-every S]}: the benchmark's referral load (make +
 * receive + accept over HTTP from 16 agencies; every 20th referral goes to a group service, for a
 * family registered for it, so that meeting-service's enrolment policy acts on it) while each
 * service, the broker and PostgreSQL are killed with SIGKILL in turn and started again. Clients
 * retry: make with its Idempotency-Key, and a 409 after a retried move counts as done once a
 * re-read shows the move. Then it counts, from the stores themselves, what was acknowledged,
 * stored, published and applied, and rebuilds every reporting projection to compare it with what
 * the live one holds. Prints the figures and writes them to target/chaos/.
 */
public final class Chaos {

    private static final List<String> VICTIMS = List.of(PlatformLayout.REFERRAL, "kafka-broker", PlatformLayout.MEETING,
            "postgres", PlatformLayout.REPORTING);
    private static final List<String> PROJECTIONS = List.of("directory-projection", "referral-flow-projection",
            "programme-projection", "gathering-projection");
    private static final String USAGE =
            "usage: ./run chaos [--referrals N (3400: 10,200 commands)] [--kill-every seconds (12)] [--port-offset <n>]";
    private static final int AGENCIES = 16;
    private static final int GROUP_EVERY = 20;
    private static final Duration COMMAND_DEADLINE = Duration.ofMinutes(3);

    private final int referrals;
    private final Duration killEvery;
    private final int portOffset;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private LocalPlatform.Running platform;
    private LocalTokens tokens;
    private ReferralLoad load;

    /** What the clients were told was done: per referral, the moves acknowledged. */
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> groupReferrals = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acknowledgedCommands = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger alreadyDone = new AtomicInteger();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, Object>> kills = java.util.Collections.synchronizedList(new ArrayList<>());

    private Chaos(int referrals, Duration killEvery, int portOffset) {
        this.portOffset = portOffset;
        this.referrals = referrals;
        this.killEvery = killEvery;
    }

    public static void main(String[] args) throws Exception {
        int referrals = 3_400;
        int killEvery = 12;
        int portOffset = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--referrals" -> referrals = Integer.parseInt(args[++i]);
                case "--kill-every" -> killEvery = Integer.parseInt(args[++i]);
                case "--port-offset" -> portOffset = Integer.parseInt(args[++i]);
                case "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        int status = new Chaos(referrals, Duration.ofSeconds(killEvery), portOffset).run();
        System.exit(status);
    }

    private int run() throws Exception {
        Path root = Path.of(System.getProperty("perhekeskus.root", ".")).toAbsolutePath().normalize();
        long started = System.nanoTime();
        TemporaryPlatformData temporary = TemporaryPlatformData.create("perhekeskus-chaos-", "./run chaos");
        try (temporary) {
            progress("starting the platform on fresh local infrastructure in " + temporary.dir());
            platform = LocalPlatform.start(root, new LocalPlatform.Options(temporary.dir(), portOffset,
                    PlatformLayout.serviceNames()));
            temporary.running(platform);
            tokens = platform.secrets().tokens();
            load = new ReferralLoad(http, json, tokens, platform.layout().referral().port());
            progress("registering 1 receiving agency, an individual and a group service, a programme and "
                    + AGENCIES + " sending agencies");
            ReferralLoad.Setup setup = load.setup(AGENCIES);
            UUID[] group = groupServiceAndProgramme(setup.receiver());
            results.put("referrals", referrals);
            results.put("killEverySeconds", killEvery.toSeconds());
            runLoadUnderKills(setup, group[0]);
            progress("waiting for every processor to reach the head of its source");
            awaitCaughtUp(platform.layout().meeting().port());
            awaitCaughtUp(platform.layout().reporting().port());
            results.put("load", loadFigures());
            results.put("kills", kills);
            Map<String, Object> check = check(group[1]);
            results.put("check", check);
            results.put("rebuild", rebuildAndCompare());
            results.put("seconds", Math.round((System.nanoTime() - started) / 1e9));
        }
        Path out = root.resolve("target/chaos");
        Files.createDirectories(out);
        Path file = out.resolve("results-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println();
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println("Written to " + file);
        boolean clean = Boolean.TRUE.equals(results.get("clean"));
        System.out.println(clean ? "Nothing lost, nothing duplicated, every projection equals its rebuild."
                : "NOT CLEAN: see the figures above.");
        return clean ? 0 : 1;
    }

    /** A group service of the receiver and a programme of it that meeting-service knows. */
    private UUID[] groupServiceAndProgramme(UUID receiver) throws Exception {
        String coordinator = tokens.coordinator("chaos");
        UUID service = ReferralLoad.id(load.ok(load.url("/api/v1/services"), coordinator, Map.of("agencyId", receiver,
                "name", "Meidän vauva", "kind", "GROUP", "needLevel", "GREEN", "ageFromMonths", 0,
                "ageToMonths", 12, "municipalities", List.of("Tampere"), "languages", List.of("fi"))));
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).withNano(0);
        Map<String, Object> programme = Map.of("name", "Meidän vauva, kevät", "serviceId", service,
                "agencyIds", List.of(receiver), "location", "Hervanta", "capacityFamilies", 500, "plannedFamilies", 500,
                "targetAgeMonths", Map.of("from", 0, "to", 12), "sessions", List.of(Map.of("startsAt", first.toString(),
                        "endsAt", first.plusHours(2).toString(), "topic", "Vauvan uni", "facilitatorAgencyIds", List.of(receiver))));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        // meeting-service learns of the service from the referral topic: until then the programme is refused.
        while (true) {
            ReferralLoad.Answer answer = load.post(meeting() + "/api/v1/programmes", coordinator, programme,
                    "chaos-programme");
            if (answer.ok()) {
                return new UUID[] {service, ReferralLoad.id(answer.body())};
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("programme refused: " + answer.status() + " " + answer.text());
            }
            Thread.sleep(250);
        }
    }

    private void runLoadUnderKills(ReferralLoad.Setup setup, UUID groupService) throws Exception {
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger done = new AtomicInteger();
        Thread killer = new Thread(() -> killInTurn(loading), "chaos-killer");
        ExecutorService pool = Executors.newFixedThreadPool(AGENCIES);
        String receiver = tokens.worker("counsellor", setup.receiver());
        progress("load: " + referrals + " referrals (" + referrals * 3 + " referral commands) from " + AGENCIES
                + " agencies; killing " + String.join(", ", VICTIMS) + " in turn every " + killEvery.toSeconds() + " s");
        long started = System.nanoTime();
        killer.start();
        List<Future<?>> work = new ArrayList<>();
        for (int a = 0; a < AGENCIES; a++) {
            int agency = a;
            work.add(pool.submit(() -> {
                String sender = tokens.worker("nurse-" + agency, setup.senders().get(agency));
                for (int i = agency; i < referrals; i += AGENCIES) {
                    try {
                        referral(i, sender, receiver, setup.families().get(agency), setup.service(), groupService,
                                setup.receiver());
                    } catch (Exception e) {
                        failures.add("referral " + i + ": " + e.getMessage());
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        while (!work.stream().allMatch(Future::isDone)) {
            Thread.sleep(2000);
            progress(String.format(Locale.ROOT, "  %d/%d referrals, %d commands acknowledged, %d retries",
                    done.get(), referrals, acknowledgedCommands.get(), retries.get()));
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        results.put("loadSeconds", Math.round(seconds));
        loading.set(false);
        killer.join();
    }

    /** make + receive + accept of one referral; a group referral first registers its own family and consent. */
    private void referral(int n, String sender, String receiver, UUID family, UUID service, UUID groupService,
                          UUID receiverAgency) throws Exception {
        boolean toGroup = n % GROUP_EVERY == 0;
        if (toGroup) {
            family = ReferralLoad.id(create("/api/v1/families", sender, ReferralLoad.family("Ryhmä" + n), "family-" + n));
            create("/api/v1/families/" + family + "/consents", sender, ReferralLoad.consent(receiverAgency), "consent-" + n);
            service = groupService;
        }
        String id = (String) create("/api/v1/referrals", sender, ReferralLoad.referral(family, service), "referral-" + n)
                .get("id");
        acknowledged.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add("ReferralMade");
        if (toGroup) {
            groupReferrals.add(id);
        }
        move(id, "receive", receiver, Set.of("RECEIVED", "ACCEPTED"), "ReferralReceived");
        move(id, "accept", receiver, Set.of("ACCEPTED"), "ReferralAccepted");
    }

    /** A create retried with the same Idempotency-Key until answered: the same key gives the same thing. */
    private Map<String, Object> create(String path, String token, Object body, String key) throws Exception {
        String idempotencyKey = "chaos-" + key;
        long deadline = System.nanoTime() + COMMAND_DEADLINE.toNanos();
        for (int attempt = 0; ; attempt++) {
            try {
                ReferralLoad.Answer answer = load.post(load.url(path), token, body, idempotencyKey);
                if (answer.ok()) {
                    acknowledgedCommands.incrementAndGet();
                    return answer.body();
                }
                if (answer.status() < 500 && answer.status() != 404) {
                    throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.text());
                }
            } catch (IOException down) {
                // the service is being killed or restarted
            }
            pause(attempt, deadline, path);
        }
    }

    /** A move retried until done; a 409 after a retry is "already done" when a re-read shows the move. */
    private void move(String id, String move, String token, Set<String> doneStates, String event) throws Exception {
        long deadline = System.nanoTime() + COMMAND_DEADLINE.toNanos();
        String path = "/api/v1/referrals/" + id + "/" + move;
        for (int attempt = 0; ; attempt++) {
            try {
                ReferralLoad.Answer answer = load.post(load.url(path), token, move.equals("accept") ? Map.of() : null, null);
                if (answer.ok() || (answer.status() == 409 && attempt > 0 && reread(id, token, doneStates))) {
                    if (!answer.ok()) {
                        alreadyDone.incrementAndGet();
                    }
                    acknowledgedCommands.incrementAndGet();
                    acknowledged.get(id).add(event);
                    return;
                }
                if (answer.status() < 500 && answer.status() != 404) {
                    throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.text());
                }
            } catch (IOException down) {
                // the service is being killed or restarted
            }
            pause(attempt, deadline, path);
        }
    }

    private boolean reread(String id, String token, Set<String> doneStates) throws Exception {
        long deadline = System.nanoTime() + COMMAND_DEADLINE.toNanos();
        for (int attempt = 0; ; attempt++) {
            try {
                ReferralLoad.Answer answer = load.get(load.url("/api/v1/referrals/" + id), token);
                if (answer.ok()) {
                    return doneStates.contains(String.valueOf(answer.body().get("status")));
                }
            } catch (IOException down) {
                // retried
            }
            pause(attempt, deadline, "read of " + id);
        }
    }

    private void pause(int attempt, long deadline, String what) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what + " not answered within " + COMMAND_DEADLINE);
        }
        retries.incrementAndGet();
        Thread.sleep(Math.min(1000, 100L * (attempt + 1)));
    }

    /** Kills each victim in turn, waiting {@code killEvery} before each; at least one full round. */
    private void killInTurn(AtomicBoolean loading) {
        int round = 0;
        while (loading.get() || round < VICTIMS.size()) {
            String victim = VICTIMS.get(round % VICTIMS.size());
            try {
                Thread.sleep(killEvery.toMillis());
                long down = System.nanoTime();
                progress("  SIGKILL " + victim + " (acknowledged so far: " + acknowledgedCommands.get() + ")");
                LocalInfrastructure infrastructure = platform.infrastructure();
                switch (victim) {
                    case "kafka-broker" -> {
                        infrastructure.killKafka();
                        Thread.sleep(2000);
                        infrastructure.restartKafka();
                    }
                    case "postgres" -> {
                        infrastructure.killPostgres();
                        Thread.sleep(2000);
                        infrastructure.restartPostgres();
                    }
                    default -> {
                        platform.kill(victim);
                        platform.restart(victim);
                    }
                }
                double seconds = (System.nanoTime() - down) / 1e9;
                progress(String.format(Locale.ROOT, "  %s is back after %.1f s", victim, seconds));
                kills.add(Map.of("victim", victim, "downSeconds", Math.round(seconds * 10) / 10.0));
            } catch (Exception e) {
                failures.add("killing and restarting " + victim + ": " + e);
                progress("  could not restart " + victim + ": " + e);
            }
            round++;
        }
    }

    private Map<String, Object> loadFigures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("commandsAcknowledged", acknowledgedCommands.get());
        figures.put("referralCommandsAcknowledged", acknowledged.values().stream().mapToInt(Set::size).sum());
        figures.put("referralsAcknowledgedMade", acknowledged.size());
        figures.put("groupReferrals", groupReferrals.size());
        figures.put("retries", retries.get());
        figures.put("movesAlreadyDoneAfterRetry", alreadyDone.get());
        figures.put("failures", failures.size());
        figures.put("firstFailures", failures.stream().limit(10).toList());
        return figures;
    }

    /** Acknowledged ⇒ stored exactly once ⇒ published at least once ⇒ applied exactly once. */
    private Map<String, Object> check(UUID programme) throws Exception {
        Map<String, Object> check = new LinkedHashMap<>();
        // Stored: the referral service's event store, per referral and type.
        Map<String, Map<String, Integer>> stored = new HashMap<>();
        Map<String, Object> storedByType = new TreeMap<>();
        Set<String> storedIds = new HashSet<>();
        for (String database : PlatformLayout.DATABASES) {
            Map<String, Long> byType = new TreeMap<>();
            try (Connection c = DriverManager.getConnection(platform.infrastructure().jdbcUrl(database), LocalPostgres.USER, "");
                 Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT aggregateidentifier, payloadtype, eventidentifier FROM domainevententry")) {
                while (rows.next()) {
                    String type = rows.getString(2).substring(rows.getString(2).lastIndexOf('.') + 1);
                    byType.merge(type, 1L, Long::sum);
                    storedIds.add(rows.getString(3));
                    if (database.equals(platform.layout().referral().database())) {
                        stored.computeIfAbsent(rows.getString(1), k -> new HashMap<>()).merge(type, 1, Integer::sum);
                    }
                }
            }
            storedByType.put(database, byType);
        }
        check.put("eventsStoredByType", storedByType);
        EventAccounting.Tally storedTally = EventAccounting.stored(acknowledged, stored);
        long storedLost = storedTally.lost();
        long storedDuplicated = storedTally.duplicated();
        check.put("acknowledgedNotStored", storedLost);
        check.put("storedMoreThanOnce", storedDuplicated);

        // Published: both topics read to their end, by ce_id.
        Map<String, Object> published = new LinkedHashMap<>();
        Set<String> publishedIds = new HashSet<>();
        Set<String> publishedReferralEvents = new HashSet<>();
        for (String topic : List.of(Topics.REFERRAL_EVENTS, Topics.MEETING_EVENTS)) {
            long total = 0;
            Set<String> distinct = new HashSet<>();
            for (ConsumerRecord<String, byte[]> record : readAll(topic)) {
                total++;
                String id = header(record, "ce_id");
                distinct.add(id);
                String type = header(record, "ce_type");
                publishedReferralEvents.add(record.key() + "/" + EventAccounting.eventName(type));
            }
            publishedIds.addAll(distinct);
            published.put(topic, Map.of("records", total, "distinctCeIds", distinct.size(),
                    "duplicateRecords", total - distinct.size()));
        }
        check.put("recordsPublished", published);
        long storedNotPublished = storedIds.stream().filter(id -> !publishedIds.contains(id)).count();
        long acknowledgedNotPublished = acknowledged.entrySet().stream().flatMap(e -> e.getValue().stream()
                .map(type -> e.getKey() + "/" + type)).filter(k -> !publishedReferralEvents.contains(k)).count();
        check.put("storedNotPublished", storedNotPublished);
        check.put("acknowledgedNotPublished", acknowledgedNotPublished);

        // Applied: reporting's referral flow view, reporting's directory and programme views, meeting's enrolments.
        Map<String, Object> applied = new LinkedHashMap<>();
        long appliedLost = 0;
        long appliedTwice = 0;
        try (MongoClient mongo = MongoClients.create(platform.infrastructure().mongoUri(platform.layout().reporting().readDatabase()))) {
            MongoDatabase reporting = mongo.getDatabase(platform.layout().reporting().readDatabase());
            Map<String, Document> flow = new HashMap<>();
            for (Document d : reporting.getCollection("report_referrals").find()) {
                flow.put(d.getString("_id"), d);
            }
            // The last applied sequence must be the last stored one: nothing applied beyond or twice.
            EventAccounting.Applied flowApplied = EventAccounting.applied(acknowledged, flow);
            appliedLost += flowApplied.lost();
            appliedTwice += flowApplied.appliedBeyondOrTwice();
            Map<String, Object> flowFigures = new LinkedHashMap<>();
            flowFigures.put("documents", flow.size());
            flowFigures.putAll(flowApplied.byType());
            applied.put("referral-flow-projection", flowFigures);
            applied.put("directory-projection", Map.of("agencies", reporting.getCollection("directory_agencies")
                    .countDocuments(), "services", reporting.getCollection("directory_services").countDocuments()));
            Document programmeReport = reporting.getCollection("report_programmes").find(new Document("_id",
                    programme.toString())).first();
            applied.put("programme-projection", programmeReport == null ? Map.of() : Map.of("enrolledFamilies",
                    String.valueOf(programmeReport.get("enrolled", programmeReport.get("enrolledFamilies")))));
            applied.put("gathering-projection", Map.of("networkMeetings", reporting.getCollection("report_network_meetings")
                    .countDocuments(), "openPlaceVisits", reporting.getCollection("report_open_places").countDocuments()));
        }
        // meeting-service's enrolment policy: each accepted group referral enrolled exactly once.
        ReferralLoad.Answer programmeView = load.get(meeting() + "/api/v1/programmes/" + programme,
                tokens.coordinator("chaos"));
        List<String> enrolledBy = new ArrayList<>();
        for (String list : List.of("enrolled", "waitlisted")) {
            Object entries = programmeView.body().get(list);
            if (entries instanceof List<?> l) {
                for (Object e : l) {
                    Object referral = ((Map<?, ?>) e).get("referralId");
                    if (referral != null) {
                        enrolledBy.add(referral.toString());
                    }
                }
            }
        }
        long enrolmentLost = groupReferrals.stream().filter(id -> acknowledged.get(id).contains("ReferralAccepted"))
                .filter(id -> !enrolledBy.contains(id)).count();
        long enrolmentTwice = enrolledBy.size() - new HashSet<>(enrolledBy).size();
        ReferralLoad.Answer report = load.get(reporting() + "/api/v1/reports/programmes/" + programme,
                tokens.coordinator("chaos"));
        applied.put("meeting-service enrolment policy", Map.of("acceptedGroupReferrals", groupReferrals.size(),
                "enrolments", enrolledBy.size(), "distinctReferrals", new HashSet<>(enrolledBy).size(),
                "reportedEnrolledFamilies", String.valueOf(report.body().get("enrolledFamilies"))));
        check.put("eventsApplied", applied);
        // Reporting's programme projection must count every family meeting-service holds a place for.
        long reportedEnrolled = report.body().get("enrolledFamilies") instanceof Number n ? n.longValue() : -1;
        long placesHeld = programmeView.body().get("enrolled") instanceof List<?> l ? l.size() : 0;
        long reportLost = reportedEnrolled < 0 ? 0 : Math.max(0, placesHeld - reportedEnrolled);
        enrolmentLost += reportLost;
        check.put("acknowledgedNotApplied", appliedLost + enrolmentLost);
        check.put("appliedMoreThanOnce", appliedTwice + enrolmentTwice);
        long losses = storedLost + storedNotPublished + acknowledgedNotPublished + appliedLost + enrolmentLost;
        long duplicates = storedDuplicated + appliedTwice + enrolmentTwice;
        check.put("losses", losses);
        check.put("duplicates", duplicates);
        results.put("clean", losses == 0 && duplicates == 0 && failures.isEmpty());
        return check;
    }

    /** Every reporting projection is dropped and replayed from offset 0; its collections must come back equal. */
    private Map<String, Object> rebuildAndCompare() throws Exception {
        Map<String, Object> rebuild = new LinkedHashMap<>();
        try (MongoClient mongo = MongoClients.create(platform.infrastructure().mongoUri(platform.layout().reporting().readDatabase()))) {
            MongoDatabase reporting = mongo.getDatabase(platform.layout().reporting().readDatabase());
            Map<String, List<String>> before = snapshot(reporting);
            String coordinator = tokens.coordinator("chaos");
            for (String projection : PROJECTIONS) {
                progress("rebuilding " + projection + " from offset 0");
                ReferralLoad.Answer started = load.post(reporting() + "/api/v1/admin/projections/" + projection
                        + "/rebuild", coordinator, null, null);
                if (started.status() != 202) {
                    throw new IllegalStateException("rebuild of " + projection + " refused: " + started.text());
                }
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (true) {
                    Thread.sleep(250);
                    ReferralLoad.Answer progress = load.get(reporting() + "/api/v1/admin/projections/" + projection,
                            coordinator);
                    if (Integer.valueOf(100).equals(progress.body().get("percent"))) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("rebuild of " + projection + " did not finish: " + progress.text());
                    }
                }
            }
            Map<String, List<String>> after = snapshot(reporting);
            boolean allEqual = true;
            Map<String, Object> collections = new TreeMap<>();
            for (String collection : before.keySet()) {
                List<String> rebuilt = after.getOrDefault(collection, List.of());
                boolean equal = before.get(collection).equals(rebuilt);
                allEqual &= equal;
                if (!equal) {
                    before.get(collection).stream().filter(d -> !rebuilt.contains(d)).findFirst()
                            .ifPresent(d -> progress("  " + collection + " live, not rebuilt: " + d));
                    rebuilt.stream().filter(d -> !before.get(collection).contains(d)).findFirst()
                            .ifPresent(d -> progress("  " + collection + " rebuilt, not live: " + d));
                }
                collections.put(collection, Map.of("documents", before.get(collection).size(), "equalAfterRebuild", equal));
            }
            rebuild.put("collections", collections);
            rebuild.put("everyProjectionEqualsItsRebuild", allEqual);
            if (!allEqual) {
                results.put("clean", false);
            }
        }
        return rebuild;
    }

    /** The projections' collections (not the processors' own bookkeeping), each as sorted documents. */
    private static Map<String, List<String>> snapshot(MongoDatabase database) {
        Map<String, List<String>> snapshot = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (!(name.startsWith("report_") || name.startsWith("directory_"))) {
                continue;
            }
            List<String> documents = new ArrayList<>();
            // Field order is no content: a live document grows field by field, a rebuilt one may be inserted whole.
            database.getCollection(name).find().forEach(d -> documents.add(String.valueOf(canonical(d))));
            documents.sort(null);
            snapshot.put(name, documents);
        }
        return snapshot;
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Chaos::canonical).toList();
        }
        return value;
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return EventAccounting.readAll(platform.infrastructure().kafkaBootstrapServers(), topic);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return EventAccounting.header(record, name);
    }

    private void awaitCaughtUp(int port) throws Exception {
        load.awaitCaughtUp(port, Duration.ofMinutes(5));
    }

    private static void progress(String message) {
        System.out.println("[chaos " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    private String referral() {
        return platform.layout().referral().url();
    }

    private String meeting() {
        return platform.layout().meeting().url();
    }

    private String reporting() {
        return platform.layout().reporting().url();
    }
}
