package fi.perhekeskus.referral.accessreport;

import fi.perhekeskus.referral.ProcessingGroups;
import fi.perhekeskus.referral.privacy.AccessLog;
import fi.perhekeskus.contract.gathering.NetworkMeetingHeld;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyWaitlisted;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.referral.family.FamilyConsents;
import fi.perhekeskus.referral.family.SharingBasis;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * meeting-service's disclosures of a family, read from the meeting topic into the family's access log:
 * an enrolment (or a place on the waitlist) shows the family to every agency of the programme, and a
 * network meeting's record goes to every agency that took part. The basis of each is decided here,
 * where the family's consents are: the consent that covers the agency, the registering agency, else
 * the referral that led to the enrolment, or for a network meeting the legal basis the meeting
 * recorded (meeting-service allows no other). A promotion from the waitlist discloses nothing new.
 * One entry per event and agency, so redelivery and replay change nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.MEETING_DISCLOSURES)
public class MeetingDisclosureRecorder {

    /** Fed from the meeting topic (Kafka), with its own token. */
    private final AccessLog log;
    private final FamilyConsents families;
    private final JdbcTemplate jdbc;

    public MeetingDisclosureRecorder(AccessLog log, FamilyConsents families, JdbcTemplate jdbc) {
        this.log = log;
        this.families = families;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgrammeScheduled e) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO programme_agencies (programme_id, agency_ids) VALUES (?, ?)
                    ON CONFLICT (programme_id) DO UPDATE SET agency_ids = EXCLUDED.agency_ids""");
            Array agencies = connection.createArrayOf("uuid", e.agencyIds().toArray());
            statement.setObject(1, e.programmeId());
            statement.setArray(2, agencies);
            return statement;
        });
    }

    @EventHandler
    void on(FamilyEnrolled e, @MessageIdentifier String eventId) {
        if (!e.promotedFromWaitlist()) {
            enrolment(eventId, e.programmeId(), e.familyId(), e.source(), e.referralId(), e.enrolledBy(), e.enrolledAt());
        }
    }

    @EventHandler
    void on(FamilyWaitlisted e, @MessageIdentifier String eventId) {
        enrolment(eventId, e.programmeId(), e.familyId(), e.source(), e.referralId(), e.waitlistedBy(),
                e.waitlistedAt());
    }

    @EventHandler
    void on(NetworkMeetingHeld e, @MessageIdentifier String eventId) {
        LocalDate on = day(e.recordedAt());
        for (UUID agency : e.agencyIds()) {
            String basis = families.basisFor(e.familyId(), agency, null, on).map(SharingBasis::describe)
                    .orElse("legal basis recorded on network meeting " + e.meetingId());
            log.disclosure(key(eventId, agency), e.familyId(), e.recordedBy(), null, agency, null,
                    "network meeting " + e.meetingId() + " (meeting-service)", basis, e.recordedAt());
        }
    }

    private void enrolment(String eventId, UUID programmeId, UUID familyId, EnrolmentSource source, UUID referralId,
                           String worker, Instant at) {
        List<UUID> agencies = jdbc.query("SELECT agency_ids FROM programme_agencies WHERE programme_id = ?",
                (rs, i) -> Arrays.asList((UUID[]) rs.getArray(1).getArray()), programmeId).stream()
                .findFirst().orElse(List.of());
        LocalDate on = day(at);
        for (UUID agency : agencies) {
            String basis = families.basisFor(familyId, agency, null, on).map(SharingBasis::describe)
                    .orElse(source == EnrolmentSource.REFERRAL && referralId != null ? "referral " + referralId
                            : "no basis of its own recorded (enrolled by another agency of the programme)");
            log.disclosure(key(eventId, agency), familyId, worker, null, agency, referralId,
                    "group programme " + programmeId + " enrolment, " + source + " (meeting-service)", basis, at);
        }
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The access log's idempotency key of one event's disclosure to one agency (fits its 64 characters). */
    private static String key(String eventId, UUID agency) {
        return UUID.nameUUIDFromBytes((eventId + "/" + agency).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
