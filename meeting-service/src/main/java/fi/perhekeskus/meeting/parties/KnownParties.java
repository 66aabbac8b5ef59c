package fi.perhekeskus.meeting.parties;

import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.infra.security.RegisteredAgencies;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agencies, families and consents of the network as meeting-service has learnt them from the
 * referral topic, in its own PostgreSQL: ids, agency ids and dates only, never personal data.
 * Written by {@link KnownPartiesProjection}; every write is idempotent, so redelivery changes nothing.
 * Tables: migration {@code db/migration/meeting/V4__known_parties.sql}.
 */
@Component
public class KnownParties implements FamilyConsents, RegisteredAgencies {

    private final JdbcTemplate jdbc;
    private final FamilySealer sealer;
    /** Asked on every request once tokens are checked against it; an agency once registered stays so. */
    private final Set<UUID> registeredAgencies = ConcurrentHashMap.newKeySet();

    public KnownParties(JdbcTemplate jdbc, FamilySealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    @Override
    public boolean isRegistered(UUID agencyId) {
        if (agencyId == null) {
            return false;
        }
        if (registeredAgencies.contains(agencyId)) {
            return true;
        }
        boolean registered = !jdbc.queryForList("SELECT 1 FROM known_agency WHERE agency_id = ?", Integer.class,
                agencyId).isEmpty();
        if (registered) {
            registeredAgencies.add(agencyId);
        }
        return registered;
    }

    @Override
    public Optional<FamilyStanding> standing(UUID familyId, LocalDate today) {
        List<UUID> registeredBy = jdbc.query("SELECT registered_by_agency_id FROM known_family "
                        + "WHERE family_id = ? AND registered_at IS NOT NULL AND erased_at IS NULL",
                (rs, i) -> rs.getObject(1, UUID.class), familyId);
        // The key store may hear of an erasure first (another processor): erased there is erased here.
        if (registeredBy.isEmpty() || sealer.isErased(familyId)) {
            return Optional.empty();
        }
        Set<UUID> covered = new HashSet<>();
        jdbc.query("SELECT agency_ids FROM known_consent WHERE family_id = ? AND withdrawn_at IS NULL "
                + "AND valid_until >= ?", rs -> {
            covered.addAll(Arrays.asList((UUID[]) rs.getArray(1).getArray()));
        }, familyId, Date.valueOf(today));
        return Optional.of(new FamilyStanding(familyId, registeredBy.get(0), covered));
    }

    void agencyRegistered(UUID agencyId, Instant at) {
        jdbc.update("INSERT INTO known_agency VALUES (?, ?) ON CONFLICT DO NOTHING", agencyId, ts(at));
    }

    void familyRegistered(UUID familyId, UUID byAgencyId, Instant at) {
        jdbc.update("""
                INSERT INTO known_family (family_id, registered_by_agency_id, registered_at) VALUES (?, ?, ?)
                ON CONFLICT (family_id) DO UPDATE SET registered_by_agency_id = EXCLUDED.registered_by_agency_id,
                    registered_at = EXCLUDED.registered_at""", familyId, byAgencyId, ts(at));
    }

    void familyErased(UUID familyId, Instant at) {
        jdbc.update("""
                INSERT INTO known_family (family_id, erased_at) VALUES (?, ?)
                ON CONFLICT (family_id) DO UPDATE SET erased_at = COALESCE(known_family.erased_at, EXCLUDED.erased_at)""",
                familyId, ts(at));
    }

    void consentGiven(UUID familyId, UUID consentId, List<UUID> agencyIds, LocalDate validUntil) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO known_consent (consent_id, family_id, agency_ids, valid_until) VALUES (?, ?, ?, ?)
                    ON CONFLICT (consent_id) DO UPDATE SET agency_ids = EXCLUDED.agency_ids,
                        valid_until = EXCLUDED.valid_until""");
            Array agencies = connection.createArrayOf("uuid", agencyIds.toArray());
            statement.setObject(1, consentId);
            statement.setObject(2, familyId);
            statement.setArray(3, agencies);
            statement.setDate(4, validUntil == null ? null : Date.valueOf(validUntil));
            return statement;
        });
    }

    void consentWithdrawn(UUID familyId, UUID consentId, Instant at) {
        // Kept even if the consent itself has not arrived: it stays withdrawn when it does.
        jdbc.update("""
                INSERT INTO known_consent (consent_id, family_id, agency_ids, withdrawn_at) VALUES (?, ?, '{}', ?)
                ON CONFLICT (consent_id) DO UPDATE SET
                    withdrawn_at = COALESCE(known_consent.withdrawn_at, EXCLUDED.withdrawn_at)""",
                consentId, familyId, ts(at));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
