package fi.perhekeskus.referral.directory;

import fi.perhekeskus.referral.ProcessingGroups;
import fi.perhekeskus.contract.directory.CapacityStatus;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.gathering.OpenPlaceRegistered;
import fi.perhekeskus.contract.programme.EnrolmentCancelled;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyWaitlisted;
import fi.perhekeskus.contract.programme.GroupSessionCancelled;
import fi.perhekeskus.contract.programme.GroupSessionRescheduled;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.referral.ProcessingGroups;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * meeting-service's programmes and open meeting places, from the meeting topic into this service's
 * PostgreSQL (V7): the families' finder shows them, and the platform keeps each GROUP service's
 * capacity from them. Every write sets a state (a place is keyed by programme and family), so a
 * redelivered or replayed event leaves the same rows, and the capacity command records an event only
 * when the status changes.
 */
@Component
@ProcessingGroup(ProcessingGroups.PROGRAMME_OFFERS)
public class ProgrammeOfferIndex {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeOfferIndex.class);

    private final JdbcTemplate jdbc;
    private final ServiceCatalog catalog;
    private final CommandGateway commands;
    private final Clock clock;

    public ProgrammeOfferIndex(JdbcTemplate jdbc, ServiceCatalog catalog, @Lazy CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(ProgrammeScheduled e) {
        jdbc.update("""
                INSERT INTO offer_programmes (programme_id, service_id, name, location, capacity_families,
                                              age_from_months, age_to_months)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (programme_id) DO UPDATE SET service_id = EXCLUDED.service_id, name = EXCLUDED.name,
                    location = EXCLUDED.location, capacity_families = EXCLUDED.capacity_families,
                    age_from_months = EXCLUDED.age_from_months, age_to_months = EXCLUDED.age_to_months""",
                e.programmeId(), e.serviceId(), e.name(), e.location(), e.capacityFamilies(),
                e.targetAgeFromMonths(), e.targetAgeToMonths());
        for (ProgrammeScheduled.Session session : e.sessions()) {
            jdbc.update("""
                    INSERT INTO offer_sessions (session_id, programme_id, starts_at) VALUES (?, ?, ?)
                    ON CONFLICT (session_id) DO UPDATE SET starts_at = EXCLUDED.starts_at""",
                    session.sessionId(), e.programmeId(), Timestamp.from(session.startsAt()));
        }
        keepCapacity(e.serviceId());
    }

    @EventHandler
    void on(GroupSessionRescheduled e) {
        jdbc.update("UPDATE offer_sessions SET starts_at = ? WHERE session_id = ?", Timestamp.from(e.startsAt()),
                e.sessionId());
        serviceOf(e.programmeId()).ifPresent(this::keepCapacity);
    }

    @EventHandler
    void on(GroupSessionCancelled e) {
        jdbc.update("UPDATE offer_sessions SET cancelled = TRUE WHERE session_id = ?", e.sessionId());
        serviceOf(e.programmeId()).ifPresent(this::keepCapacity);
    }

    @EventHandler
    void on(FamilyEnrolled e) {
        place(e.programmeId(), e.familyId(), false);
    }

    @EventHandler
    void on(FamilyWaitlisted e) {
        place(e.programmeId(), e.familyId(), true);
    }

    @EventHandler
    void on(EnrolmentCancelled e) {
        jdbc.update("DELETE FROM offer_places WHERE programme_id = ? AND family_id = ?", e.programmeId(), e.familyId());
        serviceOf(e.programmeId()).ifPresent(this::keepCapacity);
    }

    @EventHandler
    void on(OpenPlaceRegistered e) {
        jdbc.update("""
                INSERT INTO offer_open_places (place_id, agency_id, name, municipality, address, opening_hours)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (place_id) DO UPDATE SET agency_id = EXCLUDED.agency_id, name = EXCLUDED.name,
                    municipality = EXCLUDED.municipality, address = EXCLUDED.address,
                    opening_hours = EXCLUDED.opening_hours""",
                e.placeId(), e.agencyId(), e.name(), e.municipality(), e.address(), e.openingHours());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM offer_places");
        jdbc.update("DELETE FROM offer_sessions");
        jdbc.update("DELETE FROM offer_programmes");
        jdbc.update("DELETE FROM offer_open_places");
    }

    /**
     * Every GROUP service with a programme again, for the time that passed since the last event: a
     * programme whose first session has begun is no longer upcoming (GroupCapacityClock).
     */
    public void keepEveryCapacity() {
        // Outside a processor: each command is a unit of work of its own, and a service unknown here
        // (a programme of a service of another installation) is passed over.
        for (UUID serviceId : jdbc.queryForList("SELECT DISTINCT service_id FROM offer_programmes", UUID.class)) {
            try {
                commands.sendAndWait(new KeepGroupCapacity(serviceId, status(serviceId, clock.instant()), clock.instant()));
            } catch (AggregateNotFoundException | CommandExecutionException e) {
                log.debug("no capacity kept for service {}: {}", serviceId, e.getMessage());
            }
        }
    }

    private void place(UUID programmeId, UUID familyId, boolean waitlisted) {
        jdbc.update("""
                INSERT INTO offer_places (programme_id, family_id, waitlisted) VALUES (?, ?, ?)
                ON CONFLICT (programme_id, family_id) DO UPDATE SET waitlisted = EXCLUDED.waitlisted""",
                programmeId, familyId, waitlisted);
        serviceOf(programmeId).ifPresent(this::keepCapacity);
    }

    private Optional<UUID> serviceOf(UUID programmeId) {
        return jdbc.queryForList("SELECT service_id FROM offer_programmes WHERE programme_id = ?", UUID.class,
                programmeId).stream().findFirst();
    }

    /**
     * A programme is upcoming while its first session (of those not cancelled) lies ahead: with a free place
     * the service is OPEN; when every upcoming one is full (a family would join a waitlist) WAITLIST;
     * with none CLOSED. Only a listed GROUP service gets the command (it refuses nothing else, so the
     * processor's transaction is never spoiled by a refusal).
     */
    private void keepCapacity(UUID serviceId) {
        Optional<ServiceOffer> offer = catalog.offer(serviceId);
        if (offer.isEmpty() || offer.get().withdrawn() || offer.get().kind() != ServiceKind.GROUP) {
            return;
        }
        Instant now = clock.instant();
        commands.sendAndWait(new KeepGroupCapacity(serviceId, status(serviceId, now), now));
    }

    private CapacityStatus status(UUID serviceId, Instant now) {
        List<Integer> freePlaces = jdbc.queryForList("""
                SELECT p.capacity_families - (SELECT count(*) FROM offer_places f
                                              WHERE f.programme_id = p.programme_id AND NOT f.waitlisted)
                FROM offer_programmes p
                WHERE p.service_id = ?
                  AND (SELECT min(s.starts_at) FROM offer_sessions s
                       WHERE s.programme_id = p.programme_id AND NOT s.cancelled) > ?""",
                Integer.class, serviceId, Timestamp.from(now));
        return freePlaces.isEmpty() ? CapacityStatus.CLOSED
                : freePlaces.stream().anyMatch(free -> free > 0) ? CapacityStatus.OPEN : CapacityStatus.WAITLIST;
    }
}
