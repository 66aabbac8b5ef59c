package fi.perhekeskus.infra.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.domain.DomainException;
import fi.perhekeskus.infra.security.Caller;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on every POST that creates something. A key, per caller (its agency, or
 * its subject for network-wide roles) and per operation, stands for one resource id and one request
 * body (its SHA-256). The first request to claim the key fixes both; every later or concurrent
 * request with the key answers with the resource's current state, and the same key with another
 * body is 422.
 *
 * <p>No lock is held while a command runs. Concurrent requests with one key all resolve to the same
 * resource id, so at most one of them can create it: the event store's unique (aggregate, sequence)
 * key refuses the others, and each of those then finds the resource and replays it. A request that
 * a business rule refuses frees its key, so a corrected request may reuse it; a refusal never
 * frees a key whose resource exists.
 */
public class IdempotentCreation {

    static final int MAX_KEY_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final EventStore eventStore;

    public IdempotentCreation(JdbcTemplate jdbc, ObjectMapper mapper, EventStore eventStore) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.eventStore = eventStore;
    }

    /** What an operation does to create its resource, to tell that it exists and to answer again. */
    public interface Resource<T> {

        boolean exists(UUID id);

        T create(UUID id);

        T replay(UUID id);
    }

    /**
     * A resource that is an aggregate of its own, created by one command: it exists once the event
     * store holds an event of it. (Here, so that controllers need not hold the event store.)
     */
    public <T> Resource<T> newAggregate(Function<UUID, T> create, Function<UUID, T> replay) {
        return new Resource<>() {
            @Override
            public boolean exists(UUID id) {
                return eventStore.lastSequenceNumberFor(id.toString()).isPresent();
            }

            @Override
            public T create(UUID id) {
                return create.apply(id);
            }

            @Override
            public T replay(UUID id) {
                return replay.apply(id);
            }
        };
    }

    /** The answer, and whether it repeats an earlier request's outcome. */
    public record Outcome<T>(T body, UUID id, boolean replayed) {

        /** A 201 at {@code location}, marked {@code Idempotent-Replayed: true} when it repeats an earlier answer. */
        public ResponseEntity.BodyBuilder created(String location) {
            return status(ResponseEntity.created(URI.create(location)));
        }

        public ResponseEntity.BodyBuilder status(ResponseEntity.BodyBuilder answer) {
            return replayed ? answer.header(REPLAYED, "true") : answer;
        }
    }

    public static final String REPLAYED = "Idempotent-Replayed";

    /**
     * @param operation names the operation (for example {@code "POST /api/v1/referrals"}): a key is
     *                  per operation
     * @param key       the request's {@code Idempotency-Key}, or null for a request without one
     * @param newId     the resource id when the request is the first with its key (or has none)
     */
    public <T> Outcome<T> create(String operation, Caller caller, String key, Object request, Supplier<UUID> newId,
                                 Resource<T> resource) {
        if (key == null) {
            UUID id = newId.get();
            return new Outcome<>(resource.create(id), id, false);
        }
        validate(key);
        String principal = caller.agency().map(UUID::toString).orElse("sub:" + caller.workerId());
        byte[] hash = hash(operation, request);
        UUID id = claim(operation, principal, key, hash, newId.get());
        if (resource.exists(id)) {
            return new Outcome<>(resource.replay(id), id, true);
        }
        try {
            return new Outcome<>(resource.create(id), id, false);
        } catch (RuntimeException refused) {
            if (resource.exists(id)) {
                // A concurrent request with the same key created it first.
                return new Outcome<>(resource.replay(id), id, true);
            }
            if (refused instanceof DomainException) {
                jdbc.update("DELETE FROM idempotency_keys WHERE operation = ? AND principal = ? "
                        + "AND idempotency_key = ? AND resource_id = ?", operation, principal, key, id);
            }
            throw refused;
        }
    }

    private UUID claim(String operation, String principal, String key, byte[] hash, UUID candidate) {
        jdbc.update("INSERT INTO idempotency_keys (operation, principal, idempotency_key, request_hash, resource_id) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", operation, principal, key, hash, candidate);
        List<Claim> claims = jdbc.query("SELECT request_hash, resource_id FROM idempotency_keys "
                        + "WHERE operation = ? AND principal = ? AND idempotency_key = ?",
                (rs, i) -> new Claim(rs.getBytes(1), rs.getObject(2, UUID.class)), operation, principal, key);
        if (claims.isEmpty()) {
            // Freed by a refused request between our insert and read: claim it again.
            return claim(operation, principal, key, hash, candidate);
        }
        Claim claim = claims.get(0);
        if (!Arrays.equals(claim.hash(), hash)) {
            throw new IdempotencyKeyReusedException();
        }
        return claim.resourceId();
    }

    private record Claim(byte[] hash, UUID resourceId) {
    }

    private static void validate(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidIdempotencyKeyException();
        }
    }

    private byte[] hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(mapper.writeValueAsBytes(request));
            return digest.digest();
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }
}
