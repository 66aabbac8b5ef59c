package fi.perhekeskus.infra.fuzz;

import fi.perhekeskus.infra.fuzz.OpenApiOperations.Operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What a fuzz run sent and what came back: counts by status class and code, and every faulty
 * answer, grouped by operation and fault with the first request of each group to reproduce it.
 */
public final class FuzzReport {

    private final String service;
    private final long seed;
    private final List<Operation> fuzzed;
    private final List<Operation> declared;
    private final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> safeAcceptedMalformed = new ConcurrentHashMap<>();
    private final Map<String, String> safeAcceptedExample = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger faulty = new AtomicInteger();
    private volatile Duration took = Duration.ZERO;

    /** One kind of fault on one operation: how often, and the first request that showed it. */
    public record Fault(String operation, String fault, int status, AtomicInteger count, String example) {

        @Override
        public String toString() {
            return count + " x " + fault + " (" + status + ") on " + operation + "\n  e.g. " + example;
        }
    }

    FuzzReport(String service, long seed, List<Operation> fuzzed, List<Operation> declared) {
        this.service = service;
        this.seed = seed;
        this.fuzzed = fuzzed;
        this.declared = declared;
    }

    void record(FuzzRequest request, ApiFuzzer.Verdict verdict) {
        sent.incrementAndGet();
        byStatus.computeIfAbsent(verdict.status(), s -> new AtomicInteger()).incrementAndGet();
        if (request.fatal() && request.operation().isSafe() && verdict.status() / 100 == 2) {
            safeAcceptedMalformed.computeIfAbsent(request.operation().toString(), o -> new AtomicInteger()).incrementAndGet();
            safeAcceptedExample.putIfAbsent(request.operation().toString(), request.describe());
        }
        if (!verdict.faults().isEmpty()) {
            faulty.incrementAndGet();
        }
        for (String fault : verdict.faults()) {
            String key = request.operation() + "|" + fault + "|" + verdict.status();
            faults.computeIfAbsent(key, k -> new Fault(request.operation().toString(), fault, verdict.status(),
                    new AtomicInteger(), request.describe() + "\n  -> " + verdict.status() + " "
                    + verdict.contentType() + " " + FuzzRequest.cut(verdict.body(), 400))).count().incrementAndGet();
        }
    }

    void took(Duration duration) {
        this.took = duration;
    }

    public int sent() {
        return sent.get();
    }

    public int count(int statusClass) {
        return byStatus.entrySet().stream().filter(e -> e.getKey() / 100 == statusClass)
                .mapToInt(e -> e.getValue().get()).sum();
    }

    public List<Fault> faults() {
        return faults.values().stream().sorted((a, b) -> (a.operation() + a.fault()).compareTo(b.operation() + b.fault()))
                .toList();
    }

    public List<Operation> fuzzedOperations() {
        return fuzzed;
    }

    /** Declared operations that have nothing to malform (a write without path, query or body). */
    public List<Operation> skippedOperations() {
        List<Operation> skipped = new ArrayList<>(declared);
        skipped.removeAll(fuzzed);
        return skipped;
    }

    /** The one-line summary, then the status codes, operations and every fault found. */
    public String summary() {
        Map<Integer, Integer> codes = new TreeMap<>();
        byStatus.forEach((code, n) -> codes.put(code, n.get()));
        return String.format("FUZZ %s seed=%d requests=%d operations=%d/%d 1xx=%d 2xx=%d 3xx=%d 4xx=%d 5xx=%d "
                        + "noAnswer=%d faulty=%d in %.1f s",
                service, seed, sent(), fuzzed.size(), declared.size(), count(1), count(2), count(3), count(4),
                count(5), count(0), faulty.get(), took.toMillis() / 1000.0);
    }

    public String details() {
        Map<Integer, Integer> codes = new TreeMap<>();
        byStatus.forEach((code, n) -> codes.put(code, n.get()));
        StringBuilder text = new StringBuilder(summary())
                .append("\n  by status: ").append(codes)
                .append("\n  operations: ").append(fuzzed.stream().map(Operation::toString).collect(Collectors.joining(", ")));
        if (!skippedOperations().isEmpty()) {
            text.append("\n  nothing to malform in: ").append(skippedOperations());
        }
        if (!safeAcceptedMalformed.isEmpty()) {
            text.append("\n  reads answered 2xx despite a refusable defect: ").append(new LinkedHashMap<>(safeAcceptedMalformed));
            safeAcceptedExample.values().forEach(e -> text.append("\n    e.g. ").append(e));
        }
        faults().forEach(f -> text.append("\n").append(f));
        return text.toString();
    }
}
