package fi.perhekeskus.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.infra.local.LocalPlatform;
import fi.perhekeskus.infra.local.LocalPostgres;
import fi.perhekeskus.infra.security.LocalTokens;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * {@code ./run bench --reads}: read latency as the data grows. A receiving agency of its own gets
 * referrals seeded straight into referral-service's event store (the ReferralMade events the service
 * itself stored for a few real referrals over HTTP, copied with new ids and earlier times, so every
 * sealed reason still opens with its family's key); the service's own processors then build its views
 * and publish the events to Kafka for reporting-service, exactly as for referrals made over HTTP.
 * At each size 16 readers read the receiver's inbox, the directory search and the referral report
 * of a fixed 30-day window (the seeded referrals are spread over time at a constant rate, so that a
 * period holds as many referrals at either size: data grows by accumulating history).
 */
final class ReadPhase {

    /** Referrals per day of seeded history: a 30-day report window holds 600 of them at any size. */
    private static final int PER_DAY = 20;
    private static final int BATCH = 2_000;

    private final HttpClient http;
    private final ObjectMapper json;
    private final LocalTokens tokens;
    private final LocalPlatform.Running platform;
    private final Consumer<String> progress;
    private final ReferralLoad load;

    ReadPhase(HttpClient http, ObjectMapper json, LocalTokens tokens, LocalPlatform.Running platform,
              Consumer<String> progress) {
        this.http = http;
        this.json = json;
        this.tokens = tokens;
        this.platform = platform;
        this.progress = progress;
        this.load = new ReferralLoad(http, json, tokens, platform.layout().referral().port());
    }

    private record Template(ReferralMade made, byte[] metaData, String payloadType, String payloadRevision) {
    }

    interface CaughtUp {
        void await(int port) throws Exception;
    }

    Map<String, Object> run(int[] sizes, int readsPerReader, CaughtUp caughtUp) throws Exception {
        progress.accept("reads: registering a receiving agency, a service and 4 senders with a family each");
        ReferralLoad.Setup setup = load.setup(4);
        List<Template> templates = templates(setup);
        String inbox = load.url("/api/v1/referrals?direction=INCOMING&limit=50");
        String receiverToken = tokens.worker("reader", setup.receiver());
        String search = load.url("/api/v1/services?municipality=Tampere&needLevel=YELLOW&ageMonths=12&limit=50");
        String searchToken = tokens.worker("searcher", setup.senders().get(0));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String report = "http://127.0.0.1:" + platform.layout().reporting().port() + "/api/v1/reports/referrals?from="
                + today.minusDays(31) + "&to=" + today.minusDays(2) + "&groupBy=AGENCY";
        String analyst = tokens.analyst("reader");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("readers", 16);
        result.put("seededReferralsPerDay", PER_DAY);
        result.put("reportWindowDays", 30);
        int seeded = 0;
        for (int size : sizes) {
            Map<String, Object> atSize = new LinkedHashMap<>();
            long started = System.nanoTime();
            seed(templates, setup, seeded, size);
            double insertSeconds = (System.nanoTime() - started) / 1e9;
            caughtUp.await(platform.layout().referral().port());
            double referralViewsSeconds = (System.nanoTime() - started) / 1e9;
            caughtUp.await(platform.layout().reporting().port());
            double reportingSeconds = (System.nanoTime() - started) / 1e9;
            atSize.put("seed", Map.of("events", size - seeded, "insertSeconds", round(insertSeconds),
                    "referralViewsCaughtUpSeconds", round(referralViewsSeconds),
                    "reportingCaughtUpSeconds", round(reportingSeconds)));
            seeded = size;
            progress.accept("reads: " + size + " referrals seeded in " + round(reportingSeconds)
                    + " s; 16 readers on the inbox, the directory search and the referral report");
            // Warm-up at full concurrency, not measured: the services run C1-compiled code only, and the
            // first size would otherwise pay for compiling the read paths.
            read(List.of(inbox, search, report), List.of(receiverToken, searchToken, analyst), 16, readsPerReader / 2);
            atSize.putAll(read(List.of(inbox, search, report), List.of(receiverToken, searchToken, analyst), 16,
                    readsPerReader));
            result.put(Integer.toString(size), atSize);
        }
        return result;
    }

    /** Real referrals over HTTP, one per sending family; their stored ReferralMade events are the templates. */
    private List<Template> templates(ReferralLoad.Setup setup) throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < setup.senders().size(); i++) {
            ids.add(ReferralLoad.id(load.ok(load.url("/api/v1/referrals"), tokens.worker("nurse-" + i, setup.senders().get(i)),
                    ReferralLoad.referral(setup.families().get(i), setup.service()))));
        }
        List<Template> templates = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement select = c.prepareStatement(
                "SELECT payload, metaData, payloadType, payloadRevision FROM domainevententry"
                        + " WHERE aggregateIdentifier = ? AND sequenceNumber = 0")) {
            for (UUID id : ids) {
                select.setString(1, id.toString());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no stored ReferralMade for " + id);
                    }
                    templates.add(new Template(json.readValue(row.getBytes(1), ReferralMade.class), row.getBytes(2),
                            row.getString(3), row.getString(4)));
                }
            }
        }
        return templates;
    }

    /** Referrals {@code from} (inclusive) to {@code to}: referral n made n/PER_DAY days before yesterday. */
    private void seed(List<Template> templates, ReferralLoad.Setup setup, int from, int to) throws Exception {
        Instant newest = Instant.now().minus(Duration.ofDays(2));
        long step = Duration.ofDays(1).toMillis() / PER_DAY;
        try (Connection c = connection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO domainevententry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,"
                        + " payload, payloadRevision, payloadType, timeStamp) VALUES (?, 0, 'Referral', ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int n = from; n < to; n++) {
                Template t = templates.get(n % templates.size());
                ReferralMade m = t.made();
                Instant at = newest.minusMillis(n * step);
                ReferralMade copy = new ReferralMade(UUID.randomUUID(), m.familyId(), m.memberIds(), m.serviceId(),
                        m.senderAgencyId(), m.receiverAgencyId(), m.municipality(), m.needLevel(), m.priority(),
                        m.reason(), m.consentId(), m.legalBasis(), null, null, m.madeBy(), at);
                insert.setString(1, copy.referralId().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setBytes(3, t.metaData());
                insert.setBytes(4, json.writeValueAsBytes(copy));
                insert.setString(5, t.payloadRevision());
                insert.setString(6, t.payloadType());
                insert.setString(7, at.toString());
                insert.addBatch();
                if ((n - from + 1) % BATCH == 0 || n == to - 1) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private Connection connection() throws Exception {
        String url = platform.infrastructure().jdbcUrl(platform.layout().referral().database());
        return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                LocalPostgres.USER, "");
    }

    /** {@code readers} threads, each {@code reads} GETs taking the urls in turn; latencies per url. */
    private Map<String, Object> read(List<String> urls, List<String> readerTokens, int readers, int reads)
            throws Exception {
        List<ConcurrentLinkedQueue<Long>> latencies = new ArrayList<>();
        urls.forEach(u -> latencies.add(new ConcurrentLinkedQueue<>()));
        ConcurrentLinkedQueue<Long> all = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            int reader = r;
            work.add(pool.submit(() -> {
                for (int i = 0; i < reads; i++) {
                    int kind = (reader + i) % urls.size();
                    long t = System.nanoTime();
                    ReferralLoad.Answer answer = load.get(urls.get(kind), readerTokens.get(kind));
                    long ms = (System.nanoTime() - t) / 1_000_000;
                    if (answer.status() != 200) {
                        throw new IllegalStateException(urls.get(kind) + " answered " + answer.status() + ": "
                                + answer.text());
                    }
                    latencies.get(kind).add(ms);
                    all.add(ms);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            // A failed read must not leave the other readers (and so the JVM) running.
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("readsPerSecond", round(all.size() / seconds));
        result.put("all", percentiles(all));
        String[] names = {"inbox", "directorySearch", "referralReport"};
        for (int i = 0; i < urls.size(); i++) {
            result.put(names[i], percentiles(latencies.get(i)));
        }
        return result;
    }

    static Map<String, Object> percentiles(ConcurrentLinkedQueue<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", sorted.size());
        p.put("p50Ms", sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2));
        p.put("p99Ms", sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)));
        return p;
    }

    /** The worst of the three reads: its p99 at the largest size over its p99 at the smallest. */
    @SuppressWarnings("unchecked")
    static double p99LargeOverSmall(Map<String, Object> reads, int small, int large) {
        Map<String, Object> s = (Map<String, Object>) reads.get(Integer.toString(small));
        Map<String, Object> l = (Map<String, Object>) reads.get(Integer.toString(large));
        double worst = 0;
        for (String kind : List.of("inbox", "directorySearch", "referralReport")) {
            double a = ((Number) ((Map<String, Object>) s.get(kind)).get("p99Ms")).doubleValue();
            double b = ((Number) ((Map<String, Object>) l.get(kind)).get("p99Ms")).doubleValue();
            worst = Math.max(worst, b / Math.max(1, a));
        }
        return round(worst);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String format(Map<String, Object> reads) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Object> size : reads.entrySet()) {
            if (size.getValue() instanceof Map<?, ?> m && m.containsKey("inbox")) {
                out.append(String.format(Locale.ROOT, "  %s referrals: %s%n", size.getKey(), m));
            }
        }
        return out.toString();
    }
}
