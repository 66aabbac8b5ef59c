package fi.perhekeskus.infra.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Sends {@link MalformedRequests} to a running service, driven by the OpenAPI document it serves,
 * and judges every answer: no 5xx, every error {@code application/problem+json} with status, title
 * and detail, and no class name in any body. What the requests may not change is for the caller to
 * compare before and after.
 */
public final class ApiFuzzer {

    /** A fully qualified class name, or a simple one ending in Exception: neither belongs in an answer. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|org|com|io|fi|sun|jdk)\\.[a-z][a-z0-9_]*\\.[A-Za-z]|\\b[A-Z][A-Za-z0-9]*Exception\\b");

    /** server.max-http-request-header-size of the services. */
    private static final int HEAD_LIMIT = 16 * 1024;

    private final int port;
    private final Map<String, String> tokens;
    private Map<String, List<String>> known = Map.of();
    private int threads = 3;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param tokens a valid token for each role by the role's name, and {@code null} under a name such as
     *               {@code "no token"} for requests sent without one
     */
    public ApiFuzzer(int port, Map<String, String> tokens) {
        this.port = port;
        this.tokens = tokens;
    }

    /** Real values for path parameters, by {@code "path prefix#name"} or by {@code name}. */
    public ApiFuzzer known(Map<String, List<String>> values) {
        this.known = values;
        return this;
    }

    public ApiFuzzer threads(int count) {
        this.threads = count;
        return this;
    }

    /** The seed: {@code -Dperhekeskus.fuzz.seed}, else a fixed one, so that a failure reproduces. */
    public static long seed(long fixed) {
        return Long.getLong("perhekeskus.fuzz.seed", fixed);
    }

    /** How many requests: {@code -Dperhekeskus.fuzz.requests}, else {@code fixed}. */
    public static int requests(int fixed) {
        return Integer.getInteger("perhekeskus.fuzz.requests", fixed);
    }

    public FuzzReport run(String service, long seed, int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> docs = client.send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (docs.statusCode() != 200) {
            throw new IllegalStateException(service + " serves no OpenAPI document: " + docs.statusCode());
        }
        OpenApiOperations api = new OpenApiOperations(json.readTree(docs.body()));
        MalformedRequests generator = new MalformedRequests(api, tokens, known, seed);
        List<FuzzRequest> requests = generator.generate(count);
        FuzzReport report = new FuzzReport(service, seed, generator.operations(), api.all());
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (FuzzRequest request : requests) {
                sent.add(pool.submit(() -> report.record(request, send(client, request))));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        report.took(Duration.ofNanos(System.nanoTime() - started));
        return report;
    }

    /** The answer, and what is wrong with it. */
    record Verdict(int status, String contentType, String body, List<String> faults) {
    }

    private Verdict send(HttpClient client, FuzzRequest request) {
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request.target()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), body);
        request.headers().forEach(h -> builder.header(h.getKey(), h.getValue()));
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            if (request.target().length() > HEAD_LIMIT && request.body() != null) {
                // The server refuses a head over its limit before it can read the body, and closes: a client
                // still sending the body may see the reset instead of the 400.
                return new Verdict(0, "", "", List.of());
            }
            return new Verdict(0, "", "", List.of("no answer: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verdict(0, "", "", List.of("interrupted"));
        }
        return judge(request, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                new String(answer.body(), StandardCharsets.UTF_8));
    }

    private Verdict judge(FuzzRequest request, int status, String contentType, String body) {
        List<String> faults = new ArrayList<>();
        if (status >= 500) {
            faults.add("5xx");
        }
        if (status >= 400) {
            if (!contentType.startsWith("application/problem+json")) {
                faults.add("error not problem+json");
            } else {
                faults.addAll(problemFaults(status, body));
            }
        }
        if (CLASS_NAME.matcher(body).find() || body.contains("java.")) {
            faults.add("class name in body");
        }
        if (status >= 200 && status < 300 && request.fatal() && !request.operation().isSafe()) {
            faults.add("malformed write accepted");
        }
        return new Verdict(status, contentType, body, faults);
    }

    private List<String> problemFaults(int status, String body) {
        JsonNode problem;
        try {
            problem = json.readTree(body);
        } catch (IOException e) {
            return List.of("problem not JSON");
        }
        List<String> faults = new ArrayList<>();
        if (problem == null || !problem.isObject()) {
            return List.of("problem not an object");
        }
        if (problem.path("status").asInt() != status) {
            faults.add("problem status differs");
        }
        if (!problem.path("title").isTextual() || problem.path("title").asText().isBlank()) {
            faults.add("problem without title");
        }
        if (!problem.path("detail").isTextual() || problem.path("detail").asText().isBlank()) {
            faults.add("problem without detail");
        }
        return faults;
    }

    private URI uri(String target) {
        return URI.create("http://127.0.0.1:" + port + target);
    }
}
