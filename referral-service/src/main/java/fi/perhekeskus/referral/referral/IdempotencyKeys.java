package fi.perhekeskus.referral.referral;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * {@code Idempotency-Key}s of referral requests, per agency, kept durably in the service's own
 * PostgreSQL: a retry, even after a crash, finds the referral its first attempt created.
 */
@Component
public class IdempotencyKeys {

    private final JdbcTemplate jdbc;

    public IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS referral_idempotency_keys (
                    agency_id   UUID NOT NULL,
                    key         TEXT NOT NULL,
                    referral_id UUID NOT NULL,
                    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
                    PRIMARY KEY (agency_id, key)
                )""");
        jdbc.execute("ALTER TABLE referral_idempotency_keys ALTER COLUMN key TYPE TEXT");
    }

    /** The referral id the key stands for: {@code candidate} if the key is new, else the first one. */
    public UUID reserve(UUID agencyId, String key, UUID candidate) {
        jdbc.update("INSERT INTO referral_idempotency_keys (agency_id, key, referral_id) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", agencyId, key, candidate);
        return jdbc.queryForObject("SELECT referral_id FROM referral_idempotency_keys WHERE agency_id = ? AND key = ?",
                UUID.class, agencyId, key);
    }

    /** Frees a key whose request was refused, so that a corrected request may use it. */
    public void release(UUID agencyId, String key, UUID referralId) {
        jdbc.update("DELETE FROM referral_idempotency_keys WHERE agency_id = ? AND key = ? AND referral_id = ?",
                agencyId, key, referralId);
    }
}
