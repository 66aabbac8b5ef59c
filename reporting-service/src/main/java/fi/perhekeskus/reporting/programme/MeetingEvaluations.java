package fi.perhekeskus.reporting.programme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The agencies' evaluation texts of a programme, read from meeting-service for a coordinator's report.
 * The texts are sealed with the programme's own key, which only meeting-service holds, so reporting
 * asks it, with the coordinator's own token: meeting-service decides again who may read them, and
 * reporting keeps no copy. When meeting-service does not answer in time the report still answers,
 * without the texts, and says so ({@code evaluationTexts: UNAVAILABLE}).
 */
@Component
public class MeetingEvaluations {

    private static final Logger log = LoggerFactory.getLogger(MeetingEvaluations.class);

    /** One agency's evaluation as meeting-service gives it to coordinators. */
    public record Texts(UUID agencyId, Instant evaluatedAt, String workedWell, String toDevelop, String proposals) {
    }

    private final RestClient client;

    public MeetingEvaluations(RestClient.Builder builder,
                              @Value("${perhekeskus.meeting.base-url:http://127.0.0.1:8082}") String baseUrl,
                              @Value("${perhekeskus.meeting.timeout:2s}") Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        this.client = builder.baseUrl(baseUrl.replaceAll("/+$", "")).requestFactory(requests).build();
    }

    /** The texts by agency, or empty when meeting-service could not give them. */
    public Optional<Map<UUID, Texts>> of(UUID programmeId, String authorization) {
        try {
            Texts[] texts = client.get().uri("/api/v1/programmes/{id}/evaluations", programmeId)
                    .header(HttpHeaders.AUTHORIZATION, authorization).retrieve().body(Texts[].class);
            return Optional.of(texts == null ? Map.of() : Arrays.stream(texts)
                    .collect(Collectors.toMap(Texts::agencyId, Function.identity(), (a, b) -> a)));
        } catch (RestClientException e) {
            log.warn("evaluation texts of programme {} not read from meeting-service: {}", programmeId, e.getMessage());
            return Optional.empty();
        }
    }
}
