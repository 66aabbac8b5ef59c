package fi.perhekeskus.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.infra.kafka.CloudEvents;
import fi.perhekeskus.infra.local.LocalPlatform;
import fi.perhekeskus.infra.local.LocalPostgres;
import fi.perhekeskus.infra.local.PlatformLayout;
import fi.perhekeskus.infra.security.LocalTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;

/**
 * {@code ./run bench --two-instances}: two instances of each service (A on the platform's ports, B
 * on ports shifted by {@link #SHIFT}) sharing PostgreSQL, Kafka and the read store. The referral
 * load (make + receive + accept over HTTP from 16 agencies) alternates between the instances
 * within each referral, and every {@value #RACE_EVERY}th referral's receive goes to both at once:
 * exactly one may succeed. Then it records the split of work (which instance owns which segment of
 * each streaming processor, in the token stores, and how many of the source's events fall in the
 * segments each owns) and counts, from the stores themselves, that nothing acknowledged was lost or
 * duplicated: stored once in an unbroken sequence, published once, applied once by reporting.
 */
final class TwoInstances {

    /** Instance B's ports: instance A's plus this. */
    static final int SHIFT = 10;
    static final int RACE_EVERY = 4;
    private static final int AGENCIES = 16;
    private static final String[] NAMES = {"A", "B"};
    private static final String NO_POSITION = "no position stored yet";
    /** The topics each service's Kafka-fed processors read (its {@code perhekeskus.kafka.consume-topics}). */
    private static final Map<String, List<String>> CONSUMED = Map.of(
            PlatformLayout.REFERRAL, List.of(Topics.MEETING_EVENTS),
            PlatformLayout.MEETING, List.of(Topics.REFERRAL_EVENTS),
            PlatformLayout.REPORTING, List.of(Topics.REFERRAL_EVENTS, Topics.MEETING_EVENTS));

    /** A segment's claim in a service's token store; {@code owner} is null when no instance holds it. */
    record Claim(String service, String processor, int segment, String owner, String tokenType) {

        String key() {
            return service + "/" + processor + "/" + segment;
        }

        boolean onEventStore() {
            return tokenType != null && (tokenType.contains("GapAware") || tokenType.contains("GlobalSequence"));
        }
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final LocalTokens tokens;
    private final LocalPlatform.Running platform;
    private final List<PlatformLayout> layouts;
    private final List<ReferralLoad> loads;
    private final Consumer<String> progress;
    private final Map<Long, String> instanceByPid = new HashMap<>();

    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final AtomicIntegerArray acceptedAt = new AtomicIntegerArray(2);
    private final AtomicIntegerArray refusedAt = new AtomicIntegerArray(2);
    private final AtomicInteger races = new AtomicInteger();
    private final AtomicInteger racesBothAccepted = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    /** Per segment, the instance last seen owning it; and how often that changed during the load. */
    private final Map<String, String> lastOwner = new ConcurrentHashMap<>();
    private final AtomicInteger ownerChanges = new AtomicInteger();
    private final List<String> ownerChangeSamples = Collections.synchronizedList(new ArrayList<>());

    TwoInstances(HttpClient http, ObjectMapper json, LocalTokens tokens, LocalPlatform.Running platform,
                 PlatformLayout second, Consumer<String> progress) {
        this.http = http;
        this.json = json;
        this.tokens = tokens;
        this.platform = platform;
        this.layouts = List.of(platform.layout(), second);
        this.loads = layouts.stream().map(l -> new ReferralLoad(http, json, tokens, l.referral().port())).toList();
        this.progress = progress;
        platform.processes().forEach(p -> instanceByPid.put(p.pid(), NAMES[0]));
        platform.secondProcesses().forEach(p -> instanceByPid.put(p.pid(), NAMES[1]));
    }

    Map<String, Object> run(int referrals) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> instances = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            instances.put(NAMES[i], layouts.get(i).services().stream().map(s -> s.name() + " :" + s.port()).toList());
        }
        result.put("instances", instances);
        // Everything shares the machine's cores: a busy machine shows in every figure.
        result.put("systemLoadAverageAtStart", Math.round(java.lang.management.ManagementFactory
                .getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0);
        progress.accept("registering 1 receiving agency, a service and " + AGENCIES + " sending agencies at A");
        ReferralLoad.Setup setup = loads.get(0).setup(AGENCIES);
        awaitAllCaughtUp();
        result.put("load", load(setup, referrals));
        progress.accept("waiting for every processor of both instances to reach the head of its source");
        awaitAllCaughtUp();
        result.put("split", split());
        result.put("check", check());
        return result;
    }

    private void awaitAllCaughtUp() throws Exception {
        for (PlatformLayout layout : layouts) {
            for (PlatformLayout.Service service : layout.services()) {
                loads.get(0).awaitCaughtUp(service.port(), Duration.ofMinutes(5));
            }
        }
    }

    private Map<String, Object> load(ReferralLoad.Setup setup, int referrals) throws Exception {
        progress.accept("load: " + referrals + " referrals (" + referrals * 3 + " commands) from " + AGENCIES
                + " agencies, alternating A and B within each referral; every " + RACE_EVERY
                + "th receive sent to both at once");
        String receiver = tokens.worker("counsellor", setup.receiver());
        ExecutorService agencies = Executors.newFixedThreadPool(AGENCIES);
        ExecutorService racers = Executors.newFixedThreadPool(AGENCIES * 2);
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> sampleOwners(loading), "segment-owners");
        sampleOwners();
        sampler.start();
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int a = 0; a < AGENCIES; a++) {
            int agency = a;
            work.add(agencies.submit(() -> {
                String sender = tokens.worker("nurse-" + agency, setup.senders().get(agency));
                for (int i = agency; i < referrals; i += AGENCIES) {
                    try {
                        referral(i, sender, receiver, setup.families().get(agency), setup.service(), racers);
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
            progress.accept(String.format(Locale.ROOT, "  %d/%d referrals, commands accepted A %d, B %d",
                    done.get(), referrals, acceptedAt.get(0), acceptedAt.get(1)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        agencies.shutdown();
        racers.shutdown();
        loading.set(false);
        sampler.join();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("referrals", referrals);
        int accepted = acceptedAt.get(0) + acceptedAt.get(1);
        figures.put("commandsAccepted", accepted);
        figures.put("commandsAcceptedPerInstance", Map.of(NAMES[0], acceptedAt.get(0), NAMES[1], acceptedAt.get(1)));
        figures.put("commandsPerSecond", Math.round(accepted / seconds * 10) / 10.0);
        figures.put("latencyMsP50", percentile(50));
        figures.put("latencyMsP99", percentile(99));
        figures.put("receivesSentToBothAtOnce", races.get());
        figures.put("raceLosersRefusedPerInstance", Map.of(NAMES[0], refusedAt.get(0), NAMES[1], refusedAt.get(1)));
        figures.put("racesBothAccepted", racesBothAccepted.get());
        figures.put("segmentOwnerChangesDuringLoad", ownerChanges.get());
        figures.put("segmentOwnerChangeSamples", List.copyOf(ownerChangeSamples));
        figures.put("failures", failures.size());
        figures.put("firstFailures", failures.stream().limit(10).toList());
        return figures;
    }

    /** make at one instance, receive at the other (or at both at once), accept at the first again. */
    private void referral(int n, String sender, String receiver, UUID family, UUID service, ExecutorService racers)
            throws Exception {
        int first = n % 2;
        int other = 1 - first;
        ReferralLoad.Answer made = call(first, "/api/v1/referrals", sender, ReferralLoad.referral(family, service));
        String id = (String) made.body().get("id");
        acknowledged.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add("ReferralMade");
        String receive = "/api/v1/referrals/" + id + "/receive";
        if (n % RACE_EVERY == RACE_EVERY - 1) {
            races.incrementAndGet();
            List<Future<ReferralLoad.Answer>> both = List.of(
                    racers.submit(() -> timed(first, receive, receiver, null)),
                    racers.submit(() -> timed(other, receive, receiver, null)));
            int ok = 0;
            for (int i = 0; i < 2; i++) {
                ReferralLoad.Answer answer = both.get(i).get();
                int instance = i == 0 ? first : other;
                if (answer.ok()) {
                    ok++;
                    acceptedAt.incrementAndGet(instance);
                } else if (answer.status() == 409) {
                    refusedAt.incrementAndGet(instance);
                } else {
                    throw new IllegalStateException(receive + " at " + NAMES[instance] + " answered " + answer.status()
                            + ": " + answer.text());
                }
            }
            if (ok == 0) {
                throw new IllegalStateException(receive + " refused at both instances");
            }
            if (ok == 2) {
                racesBothAccepted.incrementAndGet();
            }
        } else {
            call(other, receive, receiver, null);
        }
        acknowledged.get(id).add("ReferralReceived");
        call(first, "/api/v1/referrals/" + id + "/accept", receiver, Map.of());
        acknowledged.get(id).add("ReferralAccepted");
    }

    /** A command that must succeed at {@code instance}. */
    private ReferralLoad.Answer call(int instance, String path, String token, Object body) throws Exception {
        ReferralLoad.Answer answer = timed(instance, path, token, body);
        if (!answer.ok()) {
            throw new IllegalStateException(path + " at " + NAMES[instance] + " answered " + answer.status() + ": "
                    + answer.text());
        }
        acceptedAt.incrementAndGet(instance);
        return answer;
    }

    private ReferralLoad.Answer timed(int instance, String path, String token, Object body) throws Exception {
        long started = System.nanoTime();
        ReferralLoad load = loads.get(instance);
        ReferralLoad.Answer answer = load.post(load.url(path), token, body, null);
        latencies.add((System.nanoTime() - started) / 1000);
        return answer;
    }

    private double percentile(int p) {
        List<Long> sorted = new ArrayList<>(latencies);
        if (sorted.isEmpty()) {
            return 0;
        }
        sorted.sort(null);
        long micros = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        return Math.round(micros / 10.0) / 100.0;
    }

    private void sampleOwners(AtomicBoolean loading) {
        while (loading.get()) {
            try {
                Thread.sleep(1000);
                sampleOwners();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a store busy or briefly unreachable: the next sample
            }
        }
    }

    private void sampleOwners() throws Exception {
        for (Claim claim : claims()) {
            String now = SegmentSplit.instanceOf(claim.owner(), instanceByPid);
            String before = lastOwner.put(claim.key(), now);
            if (before != null && !before.equals(now)) {
                ownerChanges.incrementAndGet();
                if (ownerChangeSamples.size() < 10) {
                    ownerChangeSamples.add(claim.key() + ": " + before + " → " + now);
                }
            }
        }
    }

    /** Every segment of every streaming processor in the three services' token stores. */
    private List<Claim> claims() throws Exception {
        List<Claim> claims = new ArrayList<>();
        for (String service : List.of(PlatformLayout.REFERRAL, PlatformLayout.MEETING)) {
            try (Connection c = connection(service); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT processorname, segment, owner, tokentype FROM tokenentry")) {
                while (rows.next()) {
                    claims.add(new Claim(service, rows.getString(1), rows.getInt(2), rows.getString(3), rows.getString(4)));
                }
            }
        }
        // reporting-service keeps its tokens in the read store (MongoTokenStore).
        try (MongoClient mongo = MongoClients.create(platform.infrastructure().mongoUri(readDatabase()))) {
            for (Document d : mongo.getDatabase(readDatabase()).getCollection("trackingtokens").find()) {
                claims.add(new Claim(PlatformLayout.REPORTING, d.getString("processorName"),
                        ((Number) d.get("segment")).intValue(), d.getString("owner"), d.getString("tokenType")));
            }
        }
        return claims;
    }

    /** Per service and processor: each segment's owner and events, and the events per instance. */
    private Map<String, Object> split() throws Exception {
        progress.accept("reading the token stores and the processors' sources for the split of work");
        Map<String, List<Claim>> byProcessor = new TreeMap<>();
        for (Claim claim : claims()) {
            byProcessor.computeIfAbsent(claim.service() + "/" + claim.processor(), k -> new ArrayList<>()).add(claim);
        }
        Map<String, List<String>> sources = new HashMap<>();
        Map<String, Object> split = new LinkedHashMap<>();
        Map<String, Map<String, Long>> perService = new TreeMap<>();
        for (var entry : byProcessor.entrySet()) {
            List<Claim> claims = entry.getValue();
            Claim any = claims.get(0);
            boolean store = claims.stream().anyMatch(Claim::onEventStore);
            // A processor that never stored a position has handled nothing yet (its event store is empty, say).
            boolean handledNothing = claims.stream().allMatch(c -> c.tokenType() == null);
            String source = handledNothing ? NO_POSITION : store
                    ? "event store " + platform.layout().service(any.service()).database()
                    : String.join(" + ", CONSUMED.get(any.service()));
            List<String> aggregates = handledNothing ? List.of() : sources.get(source);
            if (aggregates == null) {
                aggregates = store ? storedAggregates(any.service()) : topicAggregates(CONSUMED.get(any.service()));
                sources.put(source, aggregates);
            }
            Map<Integer, String> owners = new TreeMap<>();
            claims.forEach(c -> owners.put(c.segment(), SegmentSplit.instanceOf(c.owner(), instanceByPid)));
            Map<Integer, Long> perSegment = SegmentSplit.eventsPerSegment(owners.keySet(), aggregates);
            Map<String, Long> perInstance = SegmentSplit.eventsPerInstance(perSegment, owners);
            Map<String, Object> segments = new LinkedHashMap<>();
            perSegment.forEach((segment, events) -> segments.put(String.valueOf(segment),
                    Map.of("owner", owners.get(segment), "events", events)));
            Map<String, Object> processor = new LinkedHashMap<>();
            processor.put("source", source);
            processor.put("segments", segments);
            processor.put("eventsPerInstance", perInstance);
            split.put(entry.getKey(), processor);
            perInstance.forEach((instance, events) -> perService.computeIfAbsent(any.service(), k -> new TreeMap<>())
                    .merge(instance, events, Long::sum));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("measure", "events of the processor's source (event store or topics) in the segments each "
                + "instance owned at the end; segment owners in the token stores (tokenentry.owner, trackingtokens.owner)");
        result.put("processors", split);
        result.put("eventsPerInstanceByService", perService);
        result.put("eventsPerInstanceByServiceMeasure", "summed over the service's processors: an event three "
                + "processors take counts three times");
        return result;
    }

    /** The aggregate ids of every event in a service's event store (the default sequencing policy's identifiers). */
    private List<String> storedAggregates(String service) throws Exception {
        List<String> aggregates = new ArrayList<>();
        try (Connection c = connection(service); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT aggregateidentifier, type FROM domainevententry")) {
            while (rows.next()) {
                // An event applied outside an aggregate is read back as no domain event: no sequence identifier.
                aggregates.add(rows.getString(2) == null ? null : rows.getString(1));
            }
        }
        return aggregates;
    }

    /** The aggregate ids (record keys) of every record on {@code topics}. */
    private List<String> topicAggregates(List<String> topics) {
        List<String> aggregates = new ArrayList<>();
        for (String topic : topics) {
            EventAccounting.readAll(platform.infrastructure().kafkaBootstrapServers(), topic)
                    .forEach(r -> aggregates.add(r.key()));
        }
        return aggregates;
    }

    /** Acknowledged ⇒ stored once in an unbroken sequence ⇒ published once ⇒ applied once by reporting. */
    private Map<String, Object> check() throws Exception {
        progress.accept("counting what was acknowledged, stored, published and applied");
        Map<String, Object> check = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> stored = new HashMap<>();
        Map<String, List<Long>> sequences = new HashMap<>();
        Set<String> storedIds = new HashSet<>();
        try (Connection c = connection(PlatformLayout.REFERRAL); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT aggregateidentifier, sequencenumber, payloadtype, eventidentifier "
                     + "FROM domainevententry")) {
            while (rows.next()) {
                String aggregate = rows.getString(1);
                String type = rows.getString(3).substring(rows.getString(3).lastIndexOf('.') + 1);
                storedIds.add(rows.getString(4));
                if (acknowledged.containsKey(aggregate)) {
                    stored.computeIfAbsent(aggregate, k -> new HashMap<>()).merge(type, 1, Integer::sum);
                    sequences.computeIfAbsent(aggregate, k -> new ArrayList<>()).add(rows.getLong(2));
                }
            }
        }
        long acknowledgedEvents = acknowledged.values().stream().mapToLong(Set::size).sum();
        EventAccounting.Tally storedTally = EventAccounting.stored(acknowledged, stored);
        long broken = EventAccounting.brokenSequences(sequences);
        check.put("acknowledgedEvents", acknowledgedEvents);
        check.put("acknowledgedNotStored", storedTally.lost());
        check.put("storedMoreThanOnce", storedTally.duplicated());
        check.put("referralsWithBrokenSequence", broken);

        List<String> ceIds = new ArrayList<>();
        Set<String> publishedEvents = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : EventAccounting.readAll(
                platform.infrastructure().kafkaBootstrapServers(), Topics.REFERRAL_EVENTS)) {
            ceIds.add(EventAccounting.header(record, CloudEvents.ID));
            publishedEvents.add(record.key() + "/" + EventAccounting.eventName(
                    EventAccounting.header(record, CloudEvents.TYPE)));
        }
        long duplicateRecords = EventAccounting.duplicateRecords(ceIds);
        long storedNotPublished = EventAccounting.missing(storedIds, new HashSet<>(ceIds));
        long acknowledgedNotPublished = EventAccounting.missing(acknowledged.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(type -> e.getKey() + "/" + type)).toList(), publishedEvents);
        check.put(Topics.REFERRAL_EVENTS, Map.of("records", ceIds.size(), "distinctCeIds", new HashSet<>(ceIds).size(),
                "duplicateRecords", duplicateRecords));
        check.put("storedNotPublished", storedNotPublished);
        check.put("acknowledgedNotPublished", acknowledgedNotPublished);

        EventAccounting.Applied applied = appliedByReporting();
        Map<String, Long> acknowledgedByType = new TreeMap<>();
        acknowledged.values().forEach(types -> types.forEach(t -> acknowledgedByType.merge(t, 1L, Long::sum)));
        check.put("acknowledgedByType", acknowledgedByType);
        check.put("reportingAppliedByType", applied.byType());
        check.put("reportingEqualsAcknowledged", applied.byType().equals(acknowledgedByType));
        check.put("acknowledgedNotApplied", applied.lost());
        check.put("appliedBeyondOrTwice", applied.appliedBeyondOrTwice());

        long lost = storedTally.lost() + storedNotPublished + acknowledgedNotPublished + applied.lost();
        long duplicated = storedTally.duplicated() + duplicateRecords + applied.appliedBeyondOrTwice()
                + racesBothAccepted.get();
        check.put("lost", lost);
        check.put("duplicated", duplicated);
        check.put("clean", lost == 0 && duplicated == 0 && broken == 0 && failures.isEmpty()
                && applied.byType().equals(acknowledgedByType));
        return check;
    }

    /** reporting's referral flow view, waited for (a minute at most) until it holds every acknowledged event. */
    private EventAccounting.Applied appliedByReporting() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (MongoClient mongo = MongoClients.create(platform.infrastructure().mongoUri(readDatabase()))) {
            MongoDatabase reporting = mongo.getDatabase(readDatabase());
            while (true) {
                Map<String, Document> flow = new HashMap<>();
                for (Document d : reporting.getCollection("report_referrals").find()) {
                    flow.put(d.getString("_id"), d);
                }
                EventAccounting.Applied applied = EventAccounting.applied(acknowledged, flow);
                if (applied.lost() == 0 || System.nanoTime() > deadline) {
                    return applied;
                }
                Thread.sleep(500);
            }
        }
    }

    private Connection connection(String service) throws Exception {
        String database = Objects.requireNonNull(platform.layout().service(service).database());
        return DriverManager.getConnection(platform.infrastructure().jdbcUrl(database), LocalPostgres.USER, "");
    }

    private String readDatabase() {
        return platform.layout().reporting().readDatabase();
    }

    /** The figures a reader looks for first: who owns what and did what, and lost / duplicated. */
    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> result) {
        Map<String, Object> load = (Map<String, Object>) result.get("load");
        Map<String, Object> split = (Map<String, Object>) result.get("split");
        Map<String, Object> check = (Map<String, Object>) result.get("check");
        System.out.println("Two instances of each service on one PostgreSQL, Kafka and read store:");
        ((Map<String, Object>) result.get("instances")).forEach((k, v) -> System.out.println("  " + k + ": " + v));
        System.out.println("Commands accepted per instance: " + load.get("commandsAcceptedPerInstance") + " of "
                + load.get("commandsAccepted") + " (" + load.get("commandsPerSecond") + " commands/s, p50 "
                + load.get("latencyMsP50") + " ms, p99 " + load.get("latencyMsP99") + " ms)");
        System.out.println("Receives sent to both at once: " + load.get("receivesSentToBothAtOnce")
                + "; refused (409) at the loser: " + load.get("raceLosersRefusedPerInstance") + "; both accepted: "
                + load.get("racesBothAccepted") + "; failures: " + load.get("failures"));
        System.out.println("Split of work (segment → owning instance: events of the source in it):");
        ((Map<String, Object>) split.get("processors")).forEach((name, value) -> {
            Map<String, Object> processor = (Map<String, Object>) value;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-46s", name));
            ((Map<String, Object>) processor.get("segments")).forEach((segment, claim) -> {
                Map<String, Object> c = (Map<String, Object>) claim;
                line.append(" ").append(segment).append("→").append(c.get("owner")).append(": ").append(c.get("events"));
            });
            System.out.println(line.append("   [").append(processor.get("source")).append("]"));
        });
        System.out.println("  events per instance by service (summed over its processors): "
                + split.get("eventsPerInstanceByService"));
        System.out.println("  segment owner changes seen during the load: " + load.get("segmentOwnerChangesDuringLoad"));
        System.out.println("Stored: " + check.get("acknowledgedEvents") + " acknowledged events, "
                + check.get("acknowledgedNotStored") + " not stored, " + check.get("storedMoreThanOnce")
                + " stored twice, " + check.get("referralsWithBrokenSequence") + " referrals with a broken sequence");
        System.out.println("Published: " + check.get(Topics.REFERRAL_EVENTS) + "; stored not published "
                + check.get("storedNotPublished") + ", acknowledged not published " + check.get("acknowledgedNotPublished"));
        System.out.println("Reporting: " + check.get("reportingAppliedByType") + " for acknowledged "
                + check.get("acknowledgedByType") + "; not applied " + check.get("acknowledgedNotApplied")
                + ", applied beyond or twice " + check.get("appliedBeyondOrTwice"));
        System.out.println(check.get("lost") + " lost / " + check.get("duplicated") + " duplicated"
                + (Boolean.TRUE.equals(check.get("clean")) ? "" : "  — NOT CLEAN, see the figures"));
    }
}
