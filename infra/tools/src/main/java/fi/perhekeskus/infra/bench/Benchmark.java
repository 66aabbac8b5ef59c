package fi.perhekeskus.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralAccepted;
import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.contract.referral.ReferralReceived;
import fi.perhekeskus.infra.kafka.CloudEventsMessageConverter;
import fi.perhekeskus.infra.local.LocalPlatform;
import fi.perhekeskus.infra.local.LocalPostgres;
import fi.perhekeskus.infra.local.PlatformLayout;
import fi.perhekeskus.infra.security.LocalTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./run bench [--quick]}: starts the platform on fresh local infrastructure and measures
 * the write path (make + receive + accept over HTTP at 1, 4 and 16 concurrent agencies), the lag
 * from a command's response to the reporting projection, a replay of the reporting projection from
 * N events on Kafka, and the raw ceiling of the same machine in the same run (Kafka produce,
 * PostgreSQL insert, Mongo insert). Prints a table and writes it as JSON to target/bench/.
 * {@code --reads} measures instead read latency at two data sizes ({@link ReadPhase});
 * {@code --two-instances} runs two instances of each service on the same infrastructure and
 * records the split of work and what was lost or duplicated ({@link TwoInstances}).
 * {@code --port-offset <n>} shifts every port, as it does for {@code ./run}.
 */
public final class Benchmark {

    private static final String USAGE = "usage: ./run bench [--quick] [--reads | --two-instances] [--port-offset <n>]";

    private final boolean quick;
    private final boolean reads;
    private final boolean twoInstances;
    /** {@code --port-offset <n>}: every port shifted, so that a bench can run beside another platform. */
    private final int portOffset;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Signed with the secret of the benchmark's own fresh installation, once it is started. */
    private LocalTokens tokens;
    private LocalPlatform.Running platform;

    private Benchmark(boolean quick, boolean reads, boolean twoInstances, int portOffset) {
        this.quick = quick;
        this.reads = reads;
        this.twoInstances = twoInstances;
        this.portOffset = portOffset;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean reads = false;
        boolean twoInstances = false;
        int portOffset = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--reads" -> reads = true;
                case "--two-instances" -> twoInstances = true;
                case "--port-offset" -> portOffset = Integer.parseInt(args[++i]);
                case "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (reads && twoInstances) {
            throw new IllegalArgumentException("--reads and --two-instances are separate runs; " + USAGE);
        }
        new Benchmark(quick, reads, twoInstances, portOffset).run();
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("perhekeskus.root", ".")).toAbsolutePath().normalize();
        // Never .data/: a folder of its own, deleted when the run ends, however it ends.
        TemporaryPlatformData temporary = TemporaryPlatformData.create("perhekeskus-bench-", "./run bench");
        Path data = temporary.dir();
        int[] levels = {1, 4, 16};
        int[] operations = quick ? new int[] {60, 120, 240} : new int[] {200, 400, 1200};
        int replayEvents = quick ? 15_000 : 100_000;
        results.put("size", (quick ? "quick" : "default") + (reads ? " reads" : "") + (twoInstances ? " two-instances" : ""));
        results.put("memoryMeasure", "PSS: resident memory, shared pages divided among the processes sharing them");
        progress("starting the platform on fresh local infrastructure in " + data);
        // A fresh data directory: the platform gets random secrets of its own (unless the variables are set).
        try (temporary) {
            platform = LocalPlatform.start(root, new LocalPlatform.Options(data, portOffset,
                    PlatformLayout.serviceNames()));
            temporary.running(platform);
            tokens = platform.secrets().tokens();
            results.put("platformStartSeconds", platform.startMillis() / 1000.0);
            results.put("residentMemoryIdleMiB", memory());
            if (twoInstances) {
                progress("starting a second instance of each service on the same infrastructure, ports +"
                        + TwoInstances.SHIFT);
                long second = System.nanoTime();
                PlatformLayout b = platform.startSecondInstances(TwoInstances.SHIFT);
                results.put("secondInstancesStartSeconds", round((System.nanoTime() - second) / 1e9));
                // 2,001 commands (--quick 600): a few minutes on two cores with six services.
                results.put("twoInstances", new TwoInstances(http, json, tokens, platform, b, Benchmark::progress)
                        .run(quick ? 200 : 667));
                results.put("residentMemoryAfterLoadMiB", memory());
            } else if (reads) {
                // Its own run: the read phase only, on the same fresh platform (see ReadPhase).
                int[] sizes = quick ? new int[] {2_000, 20_000} : new int[] {10_000, 100_000};
                Map<String, Object> phase = new ReadPhase(http, json, tokens, platform, Benchmark::progress)
                        .run(sizes, quick ? 30 : 60, this::awaitCaughtUp);
                results.put("reads", phase);
                results.put("readP99LargeOverSmall", ReadPhase.p99LargeOverSmall(phase, sizes[0], sizes[1]));
                results.put("residentMemoryAfterReadsMiB", memory());
            } else {
                measureWritesAndReplay(levels, operations, replayEvents);
            }
        }
        Path out = root.resolve("target/bench");
        Files.createDirectories(out);
        Path file = out.resolve("results-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println();
        print();
        System.out.println("Written to " + file);
    }

    private void measureWritesAndReplay(int[] levels, int[] operations, int replayEvents) throws Exception {
        {
            Setup setup = setup();
            Map<String, Object> write = new LinkedHashMap<>();
            for (int i = 0; i < levels.length; i++) {
                write.put(levels[i] + " agencies", writePath(setup, levels[i], operations[i], levels[i] == 16));
            }
            results.put("writePath", write);
            results.put("readYourWrites", readYourWrites(setup, 16, quick ? 80 : 320));
            results.put("replay", replay(replayEvents));
            results.put("raw", raw(replayEvents));
            ratios();
        }
    }

    private record Setup(UUID receiver, UUID service, List<UUID> senders, List<UUID> families) {
    }

    private Setup setup() throws Exception {
        progress("registering 1 receiving agency, a service and 16 sending agencies with a family each");
        ReferralLoad.Setup setup = new ReferralLoad(http, json, tokens, platform.layout().referral().port()).setup(16);
        return new Setup(setup.receiver(), setup.service(), setup.senders(), setup.families());
    }

    /** make + receive + accept, {@code operations} times over {@code agencies} concurrent senders. */
    private Map<String, Object> writePath(Setup setup, int agencies, int operations, boolean measureMemory) throws Exception {
        progress("write path: " + operations + " referrals (" + operations * 3 + " commands) at " + agencies
                + " concurrent agencies");
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        Lag lag = new Lag(lags);
        AtomicInteger done = new AtomicInteger();
        // When the last referral was answered: the progress loop below wakes only once a second.
        AtomicLong finished = new AtomicLong();
        String receiverToken = tokens.worker("counsellor", setup.receiver());
        List<Long> rss = new ArrayList<>();
        PostgresWork database = new PostgresWork(platform.infrastructure().jdbcUrl(
                platform.layout().referral().database()), LocalPostgres.USER);
        PostgresWork.Snapshot before = measureMemory ? database.settled() : null;
        ProcessCpu cpu = processCpu();
        Map<String, Long> cpuBefore = cpu.ticks();
        ExecutorService pool = Executors.newFixedThreadPool(agencies);
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int a = 0; a < agencies; a++) {
            int agency = a;
            work.add(pool.submit(() -> {
                String sender = tokens.worker("nurse-" + agency, setup.senders().get(agency));
                for (int i = agency; i < operations; i += agencies) {
                    String id = (String) timed(latencies, () -> post(referral() + "/api/v1/referrals", sender,
                            Map.of("familyId", setup.families().get(agency), "serviceId", setup.service(),
                                    "reason", "tuen tarve", "needLevel", "YELLOW", "priority", "ROUTINE"))).get("id");
                    timed(latencies, () -> post(referral() + "/api/v1/referrals/" + id + "/receive", receiverToken, null));
                    timed(latencies, () -> post(referral() + "/api/v1/referrals/" + id + "/accept", receiverToken, Map.of()));
                    if (i % 5 == 0) {
                        lag.watch(id, System.nanoTime());
                    }
                    done.incrementAndGet();
                }
                finished.accumulateAndGet(System.nanoTime(), Math::max);
                return null;
            }));
        }
        long sampled = 0;
        while (!allDone(work)) {
            Thread.sleep(1000);
            // Reading every process's memory costs the kernel real time: every 5 s, not every second.
            if (measureMemory && System.nanoTime() - sampled > 5_000_000_000L) {
                sampled = System.nanoTime();
                rss.add(memory().get("total"));
            }
            progress(String.format(Locale.ROOT, "  %d/%d referrals", done.get(), operations));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (finished.get() - started) / 1e9;
        Map<String, Long> cpuAfter = cpu.ticks();
        pool.shutdown();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("commandsPerSecond", round(operations * 3 / seconds));
        result.putAll(percentiles("latencyMs", latencies));
        // Up to the last answer: the work the processors do after it is not in it.
        result.put("cpuMsPerCommand", ProcessCpu.perUnit(cpuBefore, cpuAfter, operations * 3L, seconds));
        lag.finish();
        result.putAll(percentiles("lagMs", lags));
        result.putAll(percentiles("lagToTopicMs", lag.toTopic()));
        if (measureMemory) {
            result.put("residentMemoryUnderLoadMiB", memory());
            result.put("residentMemoryPeakTotalMiB", rss.stream().mapToLong(Long::longValue).max().orElse(0));
            // After the answers the processors still work on the phase's events: settled counts them too.
            result.put("referralDatabaseWork", PostgresWork.perCommand(before, database.settled(), operations * 3L));
        }
        return result;
    }

    /**
     * Each write followed at once by the writer's own read, at {@code agencies} concurrent agencies:
     * the sender reads the referral it made, the receiver each move it made, a worker the family it
     * registered. A read that does not show the write (404, an older status) is stale.
     */
    private Map<String, Object> readYourWrites(Setup setup, int agencies, int referrals) throws Exception {
        progress("read-your-writes: " + referrals + " referrals and families, each write read back at once, at "
                + agencies + " concurrent agencies");
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        String receiverToken = tokens.worker("counsellor", setup.receiver());
        ExecutorService pool = Executors.newFixedThreadPool(agencies);
        List<Future<?>> work = new ArrayList<>();
        for (int a = 0; a < agencies; a++) {
            int agency = a;
            work.add(pool.submit(() -> {
                String sender = tokens.worker("nurse-" + agency, setup.senders().get(agency));
                for (int i = agency; i < referrals; i += agencies) {
                    UUID family = id(post(referral() + "/api/v1/families", sender, Map.of("municipality",
                            "Tampere", "languages", List.of("fi"), "members", List.of(Map.of("role", "PARENT",
                                    "givenName", "Testi", "familyName", "Luku" + i, "birthDate", "1990-01-01")))));
                    readBack(reads, stale, referral() + "/api/v1/families/" + family, sender, null);
                    String id = (String) post(referral() + "/api/v1/referrals", sender,
                            Map.of("familyId", setup.families().get(agency), "serviceId", setup.service(),
                                    "reason", "tuen tarve", "needLevel", "YELLOW", "priority", "ROUTINE")).get("id");
                    String referral = referral() + "/api/v1/referrals/" + id;
                    readBack(reads, stale, referral, sender, "REQUESTED");
                    post(referral + "/receive", receiverToken, null);
                    readBack(reads, stale, referral, receiverToken, "RECEIVED");
                    post(referral + "/accept", receiverToken, Map.of());
                    readBack(reads, stale, referral, receiverToken, "ACCEPTED");
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("agencies", agencies);
        result.put("readsRightAfterWrites", reads.get());
        result.put("staleReads", stale.get());
        result.put("staleShare", reads.get() == 0 ? 0 : round((double) stale.get() / reads.get()));
        result.put("staleSamples", List.copyOf(staleSamples));
        return result;
    }

    private void readBack(AtomicInteger reads, AtomicInteger stale, String url, String token, String status)
            throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        reads.incrementAndGet();
        boolean shows = response.statusCode() == 200
                && (status == null || status.equals(json.readValue(response.body(), Map.class).get("status")));
        if (!shows) {
            stale.incrementAndGet();
            if (staleSamples.size() < 10) {
                // What a stale read answered: a 503 is a view that did not catch up in time, a 200 an old state.
                String body = response.body() == null ? "" : response.body();
                staleSamples.add(response.statusCode() + " " + url.replaceAll(".*/api/v1/", "")
                        .replaceAll("[0-9a-f-]{36}", "{id}") + " expected " + status + ": "
                        + body.substring(0, Math.min(body.length(), 160)));
            }
        }
    }

    private final List<String> staleSamples = Collections.synchronizedList(new ArrayList<>());

    /** Polls the reporting projection for sampled referrals until each shows its acceptance. */
    private final class Lag {
        private final ConcurrentLinkedQueue<Long> lags;
        private final ConcurrentLinkedQueue<Object[]> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final Thread poller;
        private final Thread topicReader;
        private final Map<String, Long> respondedAt = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, Long> onTopicAt = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.CountDownLatch readerReady = new java.util.concurrent.CountDownLatch(1);

        Lag(ConcurrentLinkedQueue<Long> lags) throws InterruptedException {
            this.lags = lags;
            this.topicReader = new Thread(this::readTopic, "lag-topic-reader");
            topicReader.start();
            readerReady.await(30, java.util.concurrent.TimeUnit.SECONDS);
            this.poller = new Thread(this::poll, "lag-poller");
            poller.start();
        }

        void watch(String id, long respondedAt) {
            this.respondedAt.put(id, respondedAt);
            pending.add(new Object[] {id, respondedAt});
        }

        void finish() throws InterruptedException {
            stopping.set(true);
            poller.join(120_000);
            topicReader.join(10_000);
        }

        /** The part of the lag until the acceptance is on the topic (the outbox), per watched referral. */
        ConcurrentLinkedQueue<Long> toTopic() {
            ConcurrentLinkedQueue<Long> toTopic = new ConcurrentLinkedQueue<>();
            respondedAt.forEach((id, at) -> {
                Long seen = onTopicAt.get(id);
                if (seen != null) {
                    toTopic.add(Math.max(0, (seen - at) / 1_000_000));
                }
            });
            return toTopic;
        }

        private void readTopic() {
            try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.of(
                    "bootstrap.servers", platform.infrastructure().kafkaBootstrapServers(),
                    "isolation.level", "read_committed"),
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
                var partitions = consumer.partitionsFor(Topics.REFERRAL_EVENTS).stream()
                        .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                readerReady.countDown();
                while (!(stopping.get() && !poller.isAlive())) {
                    for (var record : consumer.poll(Duration.ofMillis(5))) {
                        var type = record.headers().lastHeader("ce_type");
                        if (type != null && new String(type.value()).equals(EventCatalog.typeOf(ReferralAccepted.class))) {
                            onTopicAt.putIfAbsent(record.key(), System.nanoTime());
                        }
                    }
                }
            }
        }

        private void poll() {
            try (MongoClient client = MongoClients.create(platform.infrastructure().mongoUri(platform.layout().reporting().readDatabase()))) {
                MongoCollection<Document> referrals = client.getDatabase(platform.layout().reporting().readDatabase()).getCollection("report_referrals");
                long deadline = Long.MAX_VALUE;
                while (!(stopping.get() && pending.isEmpty()) && System.nanoTime() < deadline) {
                    if (stopping.get() && deadline == Long.MAX_VALUE) {
                        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    }
                    List<Object[]> still = new ArrayList<>();
                    Object[] next;
                    while ((next = pending.poll()) != null) {
                        still.add(next);
                    }
                    // By id alone: the local server scans the collection for any other filter.
                    Set<String> accepted = new HashSet<>();
                    if (!still.isEmpty()) {
                        for (Document d : referrals.find(Filters.in("_id", still.stream().map(p -> p[0]).toList()))
                                .projection(Projections.include("acceptedAt"))) {
                            if (d.containsKey("acceptedAt")) {
                                accepted.add(d.getString("_id"));
                            }
                        }
                    }
                    long now = System.nanoTime();
                    still.removeIf(p -> accepted.contains((String) p[0]) && lags.add((now - (Long) p[1]) / 1_000_000));
                    pending.addAll(still);
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Publishes N events of finished referrals to the topic, then rebuilds the projection from offset 0. */
    private Map<String, Object> replay(int events) throws Exception {
        progress("replay: publishing " + events + " events, then rebuilding referral-flow-projection from offset 0");
        long produced = produce(events, true);
        // The live processors take the new events first, so the rebuild is timed on its own.
        awaitCaughtUp(platform.layout().meeting().port());
        awaitCaughtUp(platform.layout().reporting().port());
        String token = tokens.coordinator("bench");
        String base = reporting() + "/api/v1/admin/projections/referral-flow-projection";
        ProcessCpu cpu = processCpu();
        Map<String, Long> cpuBefore = cpu.ticks();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/rebuild"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + response.body());
        }
        Map<?, ?> progress;
        long printed = System.nanoTime();
        do {
            // Polled often, printed once a second: the poll interval bounds the error of the timing.
            Thread.sleep(200);
            progress = json.readValue(http.send(HttpRequest.newBuilder(URI.create(base))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body(), Map.class);
            if (System.nanoTime() - printed > 1_000_000_000L) {
                printed = System.nanoTime();
                progress("  replay " + progress.get("processed") + "/" + progress.get("end") + " (" + progress.get("percent")
                        + " %), " + progress.get("eventsPerSecond") + " events/s");
            }
        } while (!Integer.valueOf(100).equals(progress.get("percent")));
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> cpuAfter = cpu.ticks();
        long total = ((Number) progress.get("end")).longValue();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("eventsOnTopics", total);
        result.put("seconds", round(seconds));
        result.put("eventsPerSecond", round(total / seconds));
        result.put("producedForReplay", produced);
        // Per thousand events: a millisecond per event would be far too coarse a unit here.
        result.put("cpuMsPerThousandEvents", ProcessCpu.perUnit(cpuBefore, cpuAfter, Math.max(1, total / 1000),
                seconds));
        return result;
    }

    /** Waits until every streaming processor of the service on {@code port} is at the head of its source. */
    private void awaitCaughtUp(int port) throws Exception {
        // Long enough for the read phase's 90,000 seeded events on two cores.
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (true) {
            Map<?, ?> metric = json.readValue(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/metrics/perhekeskus.processor.lag")).header("Authorization", "Bearer "
                    + tokens.coordinator("bench")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body(), Map.class);
            double behind = ((Number) ((Map<?, ?>) ((List<?>) metric.get("measurements")).get(0)).get("value")).doubleValue();
            if (behind == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processors on port " + port + " still " + behind + " events behind");
            }
            progress(String.format(Locale.ROOT, "  live processors on :%d are %.0f events behind", port, behind));
            Thread.sleep(1000);
        }
    }

    /** Publishes {@code count} events (make/receive/accept triples); returns how many were sent. */
    private long produce(int count, boolean asReferralEvents) throws Exception {
        CloudEventsMessageConverter converter = new CloudEventsMessageConverter(json, "/bench");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.infrastructure().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            awaitLeaders(producer, asReferralEvents ? Topics.REFERRAL_EVENTS : "bench.raw");
            List<Future<org.apache.kafka.clients.producer.RecordMetadata>> acks = new ArrayList<>(count);
            for (int i = 0; i < count; i += 3) {
                UUID referral = UUID.randomUUID();
                Instant at = Instant.now();
                Object[] events = {
                        new ReferralMade(referral, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                                UUID.randomUUID(), "Tampere", NeedLevel.YELLOW, Priority.ROUTINE, new Sealed("v1.eA"),
                                UUID.randomUUID(), null, null, null, "bench", at),
                        new ReferralReceived(referral, UUID.randomUUID(), "bench", at),
                        new ReferralAccepted(referral, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
                                null, "bench", at)};
                for (int seq = 0; seq < 3 && i + seq < count; seq++) {
                    ProducerRecord<String, byte[]> record = converter.createKafkaMessage(new GenericDomainEventMessage<>(
                            "Referral", referral.toString(), seq, events[seq], MetaData.emptyInstance(),
                            UUID.randomUUID().toString(), at), asReferralEvents ? Topics.REFERRAL_EVENTS : "bench.raw");
                    acks.add(producer.send(record));
                }
            }
            producer.flush();
            // A record the broker did not take is not a record produced: the figure would be a timeout's.
            for (Future<org.apache.kafka.clients.producer.RecordMetadata> ack : acks) {
                ack.get();
            }
        }
        return count;
    }

    /**
     * Until the producer knows a leader of every partition. A first batch sent to a partition of a
     * topic created a moment ago may be refused before its leader is known, and this broker then
     * refused every later batch of that partition as out of order until the delivery timeout.
     */
    private static void awaitLeaders(KafkaProducer<String, byte[]> producer, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (producer.partitionsFor(topic).stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no leader for every partition of " + topic + " in 30 s");
            }
            Thread.sleep(100);
        }
    }

    /** The same machine's raw infrastructure with the same number of records. */
    private Map<String, Object> raw(int count) throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>();
        progress("raw ceiling: Kafka produce (acks=all) of " + count + " records");
        createRawTopic();
        long started = System.nanoTime();
        produce(count, false);
        raw.put("kafkaProduceRecordsPerSecond", round(count / ((System.nanoTime() - started) / 1e9)));

        progress("raw ceiling: PostgreSQL single-row inserts (autocommit, 16 connections) of the events' JSON");
        String payload = json.writeValueAsString(new ReferralMade(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "Tampere", NeedLevel.YELLOW, Priority.ROUTINE, new Sealed("v1.eA"),
                UUID.randomUUID(), null, null, null, "bench", Instant.now()));
        String url = platform.infrastructure().jdbcUrl(platform.layout().referral().database());
        try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, "")) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_raw (id BIGSERIAL PRIMARY KEY, "
                    + "aggregate VARCHAR(64), payload BYTEA)");
        }
        int rows = Math.min(count, quick ? 5_000 : 20_000);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, "");
                     PreparedStatement insert = c.prepareStatement("INSERT INTO bench_raw (aggregate, payload) VALUES (?, ?)")) {
                    for (int i = thread; i < rows; i += 16) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setBytes(2, payload.getBytes());
                        insert.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        raw.put("postgresInsertsPerSecond", round(rows / ((System.nanoTime() - started) / 1e9)));

        progress("raw ceiling: Mongo inserts of " + count + " report documents (batches of 1,000)");
        try (MongoClient client = MongoClients.create(platform.infrastructure().mongoUri("bench"))) {
            MongoCollection<Document> docs = client.getDatabase("bench").getCollection("raw");
            started = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(new Document("_id", UUID.randomUUID().toString()).append("municipality", "Tampere")
                        .append("needLevel", "YELLOW").append("madeAt", new java.util.Date()).append("status", "ACCEPTED"));
                if (batch.size() == 1000) {
                    docs.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                docs.insertMany(batch);
            }
            raw.put("mongoBatchInsertsPerSecond", round(count / ((System.nanoTime() - started) / 1e9)));
            int singles = quick ? 2_000 : 5_000;
            started = System.nanoTime();
            for (int i = 0; i < singles; i++) {
                docs.insertOne(new Document("_id", UUID.randomUUID().toString()).append("status", "ACCEPTED"));
            }
            raw.put("mongoSingleInsertsPerSecond", round(singles / ((System.nanoTime() - started) / 1e9)));
        }
        return raw;
    }

    private void createRawTopic() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                "bootstrap.servers", platform.infrastructure().kafkaBootstrapServers()))) {
            if (!admin.listTopics().names().get().contains("bench.raw")) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("bench.raw", 3, (short) 1)))
                        .all().get();
            }
            // Created is not yet led: the producer's first metadata must already name every leader.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (admin.describeTopics(List.of("bench.raw")).allTopicNames().get().get("bench.raw").partitions()
                    .stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("bench.raw has no leader for every partition after 30 s");
                }
                Thread.sleep(100);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void ratios() {
        Map<String, Object> raw = (Map<String, Object>) results.get("raw");
        Map<String, Object> at16 = (Map<String, Object>) ((Map<String, Object>) results.get("writePath")).get("16 agencies");
        Map<String, Object> replay = (Map<String, Object>) results.get("replay");
        Map<String, Object> ratios = new LinkedHashMap<>();
        // A command stores one event in one PostgreSQL transaction: the raw ceiling is single-row inserts.
        ratios.put("writeCommandsPerRawPostgresInsert", round(number(at16, "commandsPerSecond")
                / number(raw, "postgresInsertsPerSecond")));
        // Replay is bound by the read store: compare with raw batch inserts into the same server.
        ratios.put("replayPerRawMongoBatchInsert", round(number(replay, "eventsPerSecond")
                / number(raw, "mongoBatchInsertsPerSecond")));
        ratios.put("replayPerRawKafkaProduce", round(number(replay, "eventsPerSecond")
                / number(raw, "kafkaProduceRecordsPerSecond")));
        ratios.put("staleReadShareAt16Agencies", ((Map<String, Object>) results.get("readYourWrites")).get("staleShare"));
        // What one command costs the whole machine: at full load, commands/s is the cores over this.
        ratios.put("cpuMsPerCommandAt16Agencies", ((Map<String, Object>) at16.get("cpuMsPerCommand")).get("total"));
        // First in the table and in the JSON: the figures the targets are stated in.
        Map<String, Object> rest = new LinkedHashMap<>(results);
        results.clear();
        results.put("ratios", ratios);
        results.putAll(rest);
    }

    @SuppressWarnings("unchecked")
    private void print() {
        results.forEach((key, value) -> {
            if (key.equals("twoInstances")) {
                TwoInstances.print((Map<String, Object>) value);
                return;
            }
            if (value instanceof Map<?, ?> map) {
                System.out.println(key + ":");
                map.forEach((k, v) -> System.out.printf("  %-34s %s%n", k, v));
            } else {
                System.out.printf("%-36s %s%n", key, value);
            }
        });
    }

    /**
     * The platform's processes for {@link ProcessCpu}. The launcher's threads are split: the load
     * generator (its HTTP client and senders, the lag pollers), the Mongo-protocol server, and the
     * rest (the JIT, the collector, mail).
     */
    private ProcessCpu processCpu() {
        Map<String, java.util.function.LongSupplier> parts = new LinkedHashMap<>();
        long self = ProcessHandle.current().pid();
        String[] generator = {"HttpClient", "pool-", "lag-"};
        String[] mongo = {"mongo-server", "H2", "MVStore"};
        parts.put("load generator", () -> ProcessCpu.threadTicks(generator));
        parts.put("mongo-protocol server", () -> ProcessCpu.threadTicks(mongo));
        parts.put("launcher, other threads", () -> ProcessCpu.ticksOf(self) - ProcessCpu.threadTicks(generator)
                - ProcessCpu.threadTicks(mongo));
        parts.put("kafka broker", ProcessCpu.processes(() -> new long[] {platform.infrastructure().kafka().pid()}));
        parts.put("postgresql (all backends)", ProcessCpu.processes(Benchmark::postgresPids));
        String[] names = {"referral-service", "meeting-service", "reporting-service"};
        for (int i = 0; i < names.length; i++) {
            long pid = platform.processes().get(i).pid();
            parts.put(names[i], ProcessCpu.processes(() -> new long[] {pid}));
        }
        return new ProcessCpu(parts);
    }

    /** PostgreSQL's processes (postmaster and backends) alive now. */
    private static long[] postgresPids() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToLong(ProcessHandle::pid).toArray();
    }

    /** Resident memory (MiB) of every process of the platform: this launcher, the broker, PostgreSQL, the services. */
    private Map<String, Long> memory() {
        Map<String, Long> rss = new LinkedHashMap<>();
        rss.put("launcher (PostgreSQL control, Mongo server)", rssOf(ProcessHandle.current().pid()));
        rss.put("kafka broker", rssOf(platform.infrastructure().kafka().pid()));
        long postgres = Arrays.stream(postgresPids()).map(Benchmark::rssOf).sum();
        rss.put("postgresql (all backends)", postgres);
        String[] names = {"referral-service", "meeting-service", "reporting-service"};
        for (int i = 0; i < names.length; i++) {
            rss.put(names[i], rssOf(platform.processes().get(i).pid()));
        }
        List<Process> second = platform.secondProcesses();
        for (int i = 0; i < second.size(); i++) {
            rss.put(names[i] + " (B)", rssOf(second.get(i).pid()));
        }
        rss.put("total", rss.values().stream().mapToLong(Long::longValue).sum());
        return rss;
    }

    /**
     * Proportional set size (MiB): resident memory with each shared page divided among the processes
     * that map it, so PostgreSQL's shared buffers count once, not once per backend. Falls back to
     * the resident set where the kernel gives no rollup.
     */
    private static long rssOf(long pid) {
        for (String[] source : new String[][] {{"smaps_rollup", "Pss:"}, {"status", "VmRSS:"}}) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/" + source[0]))) {
                    if (line.startsWith(source[1])) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    }
                }
            } catch (Exception e) {
                // the process ended, or this source is missing: try the next
            }
        }
        return 0;
    }

    private interface Call {
        Map<String, Object> run() throws Exception;
    }

    private static Map<String, Object> timed(ConcurrentLinkedQueue<Long> latencies, Call call) throws Exception {
        long started = System.nanoTime();
        Map<String, Object> result = call.run();
        latencies.add((System.nanoTime() - started) / 1000);
        return result;
    }

    private static Map<String, Object> percentiles(String name, ConcurrentLinkedQueue<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        Map<String, Object> result = new LinkedHashMap<>();
        if (sorted.isEmpty()) {
            return result;
        }
        boolean micros = name.equals("latencyMs");
        for (int p : new int[] {50, 95, 99}) {
            long value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
            result.put(name + "P" + p, micros ? round(value / 1000.0) : value);
        }
        result.put(name + "Samples", sorted.size());
        return result;
    }

    private Map<String, Object> post(String url, String token, Object body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? Map.of() : json.readValue(response.body(), Map.class);
    }

    private static UUID id(Map<String, Object> body) {
        return UUID.fromString((String) body.get("id"));
    }

    private static boolean allDone(List<Future<?>> work) {
        return work.stream().allMatch(Future::isDone);
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    /** Two decimals: every figure of the run is written so. */
    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void progress(String message) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
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
