package fi.perhekeskus.infra.privacy;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.privacy.AesGcm;
import fi.perhekeskus.privacy.SealedValues;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Family data keys in the service's own PostgreSQL, apart from the events, each wrapped (AES-GCM)
 * under the master key. Erasure overwrites the wrapped key with NULL; the row stays so the family
 * can never get a new key and reads say "[erased]". The table is made by the platform's migration
 * {@code db/migration/platform/V3__family_keys.sql}.
 *
 * <p>Unwrapped keys are cached in memory only while the sealer {@linkplain #listenForErasures()
 * listens} for erasures: every erasure, by whichever instance of the service, notifies the channel
 * {@value #CHANNEL} in the transaction that shreds the key, and each listening instance drops that
 * family's key from its cache when the notification arrives (milliseconds after the commit). While
 * the listening connection is down no key is cached and every use reads the table, and the cache
 * is emptied when it is back, since notifications sent meanwhile are lost. The connection is probed
 * every 10 s and given 5 s to answer, so one that went away without a reset is noticed within about
 * 16 s. It must reach PostgreSQL directly or through a session-pooling proxy: behind a
 * transaction-pooling one (PgBouncer's transaction mode) LISTEN succeeds and nothing is ever heard.
 */
public class JdbcFamilySealer implements FamilySealer, AutoCloseable {

    /** The PostgreSQL notification channel of erasures; the payload is the family's id. */
    public static final String CHANNEL = "family_key_erased";
    /** The listening backend's {@code application_name}. */
    public static final String LISTENER_NAME = "family-key-erasures";

    private static final Logger log = LoggerFactory.getLogger(JdbcFamilySealer.class);
    /** How often the listening connection is asked whether it is still there, and how long it may take. */
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(10);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final SecretKey masterKey;
    private final Map<UUID, SecretKey> cache = new ConcurrentHashMap<>();
    /** Moves on every erasure heard and every emptying: a key read before it moved is not kept. */
    private final AtomicLong erasuresHeard = new AtomicLong();
    private volatile boolean listening;
    private volatile Thread listener;
    /** Between a key's read from the table and its caching: where a test puts a racing erasure. */
    volatile Runnable afterKeyRead = () -> {
    };

    public JdbcFamilySealer(JdbcTemplate jdbc, SecretKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    /** Starts caching keys, kept right by the erasure notifications of every instance (see the class). */
    public JdbcFamilySealer listenForErasures() {
        Thread thread = new Thread(this::listen, "family-key-erasures");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
        return this;
    }

    /** Whether keys are cached: the listening connection is up. */
    public boolean isListening() {
        return listening;
    }

    @Override
    public void close() {
        Thread thread = listener;
        listener = null;
        stopCaching();
        if (thread != null) {
            thread.interrupt();
            try {
                // Its connection goes back to the pool before the pool closes.
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listen() {
        try {
            while (listener == Thread.currentThread()) {
                try (Connection connection = jdbc.getDataSource().getConnection();
                     Statement statement = connection.createStatement()) {
                    listenOn(connection, statement);
                } catch (Exception e) {
                    if (listener != Thread.currentThread()) {
                        break;
                    }
                    stopCaching();
                    log.warn("Not listening for family key erasures ({}); keys are read from the table until it is back",
                            e.toString());
                    Thread.sleep(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // However the thread ends (an Error included), no key stays cached without it.
            stopCaching();
        }
    }

    private void listenOn(Connection connection, Statement statement) throws Exception {
        connection.setAutoCommit(true);
        // A connection that silently went away (no reset ever arrives) answers nothing: without an
        // answer within this time the probe below fails, as a reset would.
        connection.setNetworkTimeout(Runnable::run, (int) PROBE_TIMEOUT.toMillis());
        // Named, so that operators (and the tests) can tell the listening backends in pg_stat_activity.
        statement.execute("SET application_name = '" + LISTENER_NAME + "'");
        statement.execute("LISTEN " + CHANNEL);
        PGConnection notifications = connection.unwrap(PGConnection.class);
        try {
            // Erasures before the LISTEN were not heard: whatever was cached then is dropped.
            stopCaching();
            listening = true;
            long probed = System.nanoTime();
            while (listener == Thread.currentThread()) {
                PGNotification[] heard = notifications.getNotifications(1000);
                if (heard != null) {
                    for (PGNotification erasure : heard) {
                        forget(UUID.fromString(erasure.getParameter()));
                    }
                }
                if (System.nanoTime() - probed > PROBE_INTERVAL.toNanos()) {
                    statement.execute("SELECT 1");
                    probed = System.nanoTime();
                }
            }
        } finally {
            stopCaching();
            // Back in the pool the connection is an ordinary one again (best effort: it may be gone).
            try {
                statement.execute("UNLISTEN *; RESET application_name");
            } catch (Exception ignored) {
                // a dead connection: the pool retires it
            }
        }
    }

    private void stopCaching() {
        listening = false;
        erasuresHeard.incrementAndGet();
        cache.clear();
    }

    /** How many erasures (and emptyings) this sealer has heard so far. */
    long erasuresHeard() {
        return erasuresHeard.get();
    }

    private void forget(UUID familyId) {
        erasuresHeard.incrementAndGet();
        cache.remove(familyId);
    }

    @Override
    public Sealed seal(UUID familyId, String plaintext) {
        return SealedValues.seal(keyOf(familyId, true)
                .orElseThrow(() -> new RuleViolationException("the family's data was erased")), familyId, plaintext);
    }

    @Override
    public Optional<String> open(UUID familyId, Sealed sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        if (sealed.isDropped()) {
            return isErased(familyId) ? Optional.empty() : Optional.of(DROPPED);
        }
        return keyOf(familyId, false).map(key -> SealedValues.open(key, familyId, sealed));
    }

    @Override
    public void erase(UUID familyId) {
        // One statement, so one transaction: every listening instance hears of it once the key is shredded.
        jdbc.query("""
                WITH shredded AS (
                    INSERT INTO family_keys (family_id, wrapped_key, erased_at) VALUES (?, NULL, now())
                    ON CONFLICT (family_id) DO UPDATE SET wrapped_key = NULL,
                        erased_at = COALESCE(family_keys.erased_at, now())
                    RETURNING family_id)
                SELECT pg_notify('%s', family_id::text) FROM shredded""".formatted(CHANNEL),
                (rs, i) -> null, familyId);
        forget(familyId);
    }

    @Override
    public boolean isErased(UUID familyId) {
        List<Boolean> erased = jdbc.queryForList(
                "SELECT erased_at IS NOT NULL FROM family_keys WHERE family_id = ?", Boolean.class, familyId);
        return !erased.isEmpty() && erased.get(0);
    }

    private Optional<SecretKey> keyOf(UUID familyId, boolean create) {
        SecretKey cached = listening ? cache.get(familyId) : null;
        if (cached != null) {
            return Optional.of(cached);
        }
        long heard = erasuresHeard.get();
        if (create) {
            byte[] wrapped = AesGcm.encrypt(masterKey, AesGcm.newKey().getEncoded(), owner(familyId));
            // Concurrent first uses race here; the first insert wins and everyone reads it back.
            jdbc.update("INSERT INTO family_keys (family_id, wrapped_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    familyId, wrapped);
        }
        List<byte[]> rows = jdbc.query("SELECT wrapped_key FROM family_keys WHERE family_id = ?",
                (rs, i) -> rs.getBytes(1), familyId);
        if (rows.isEmpty() || rows.get(0) == null) {
            return Optional.empty();
        }
        SecretKey key = AesGcm.key(AesGcm.decrypt(masterKey, rows.get(0), owner(familyId)));
        afterKeyRead.run();
        if (listening) {
            cache.put(familyId, key);
            // An erasure heard (or the listening lost) since the read may be of this family: then the
            // key read may be shredded already, and is not kept.
            if (erasuresHeard.get() != heard || !listening) {
                cache.remove(familyId);
            }
        }
        return Optional.of(key);
    }

    private static byte[] owner(UUID familyId) {
        return ("family-key:" + familyId).getBytes(StandardCharsets.UTF_8);
    }
}
