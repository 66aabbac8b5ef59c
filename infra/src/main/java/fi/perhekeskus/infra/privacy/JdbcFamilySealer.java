package fi.perhekeskus.infra.privacy;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.privacy.AesGcm;
import fi.perhekeskus.privacy.SealedValues;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Family data keys in the service's own PostgreSQL, apart from the events, each wrapped (AES-GCM)
 * under the master key. Erasure overwrites the wrapped key with NULL; the row stays so the family
 * can never get a new key and reads say "[erased]". Unwrapped keys are cached in memory and dropped
 * from the cache on erasure. The table is made by the platform's migration
 * {@code db/migration/platform/V3__family_keys.sql}.
 */
public class JdbcFamilySealer implements FamilySealer {

    private final JdbcTemplate jdbc;
    private final SecretKey masterKey;
    private final Map<UUID, SecretKey> cache = new ConcurrentHashMap<>();

    public JdbcFamilySealer(JdbcTemplate jdbc, SecretKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
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
        jdbc.update("""
                INSERT INTO family_keys (family_id, wrapped_key, erased_at) VALUES (?, NULL, now())
                ON CONFLICT (family_id) DO UPDATE SET wrapped_key = NULL,
                    erased_at = COALESCE(family_keys.erased_at, now())""", familyId);
        cache.remove(familyId);
    }

    @Override
    public boolean isErased(UUID familyId) {
        List<Boolean> erased = jdbc.queryForList(
                "SELECT erased_at IS NOT NULL FROM family_keys WHERE family_id = ?", Boolean.class, familyId);
        return !erased.isEmpty() && erased.get(0);
    }

    private Optional<SecretKey> keyOf(UUID familyId, boolean create) {
        SecretKey cached = cache.get(familyId);
        if (cached != null) {
            return Optional.of(cached);
        }
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
        cache.put(familyId, key);
        return Optional.of(key);
    }

    private static byte[] owner(UUID familyId) {
        return ("family-key:" + familyId).getBytes(StandardCharsets.UTF_8);
    }
}
