package fi.perhekeskus.meeting.programme;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import fi.perhekeskus.contract.programme.EnrolmentCancelled;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyWaitlisted;
import fi.perhekeskus.contract.programme.FeedbackGiven;
import fi.perhekeskus.contract.programme.GroupSessionCancelled;
import fi.perhekeskus.contract.programme.GroupSessionAttendanceCorrected;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.GroupSessionRescheduled;
import fi.perhekeskus.contract.programme.ProgrammeEvaluated;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.infra.readmodel.SequencedDocuments;
import fi.perhekeskus.meeting.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import fi.perhekeskus.infra.consistency.ViewCatchUp;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A programme as its facilitators see it: sessions with their status, who is enrolled, who waits
 * in line (in order), attendance totals, and why a session last changed (its code, and its note still
 * sealed with the programme's key). One document per programme.
 */
@Component
@ProcessingGroup(ProcessingGroups.VIEWS)
public class ProgrammeProjection {

    private final MongoCollection<Document> programmes;

    private final ViewCatchUp catchUp;

    public ProgrammeProjection(MongoDatabase readDatabase, @Lazy ViewCatchUp catchUp) {
        this.catchUp = catchUp;
        this.programmes = readDatabase.getCollection("programmes");
    }

    @EventHandler
    void on(ProgrammeScheduled e, @SequenceNumber long seq) {
        List<Document> sessions = e.sessions().stream().map(s -> new Document("id", s.sessionId().toString())
                .append("startsAt", Date.from(s.startsAt())).append("endsAt", Date.from(s.endsAt()))
                .append("topic", s.topic()).append("status", "SCHEDULED")
                .append("facilitatorAgencyIds", s.facilitatorAgencyIds().stream().map(UUID::toString).toList()))
                .toList();
        apply(e.programmeId(), seq, Updates.combine(
                Updates.set("name", e.name()),
                Updates.set("serviceId", e.serviceId().toString()),
                Updates.set("agencyIds", e.agencyIds().stream().map(UUID::toString).toList()),
                Updates.set("location", e.location()),
                Updates.set("capacityFamilies", e.capacityFamilies()),
                Updates.set("plannedFamilies", e.plannedFamilies()),
                Updates.set("sessions", sessions),
                Updates.set("enrolled", List.of()),
                Updates.set("waitlisted", List.of())));
    }

    @EventHandler
    void on(FamilyEnrolled e, @SequenceNumber long seq) {
        withDocument(e.programmeId(), seq, d -> {
            List<Document> waitlisted = without(d.getList("waitlisted", Document.class), e.familyId());
            List<Document> enrolled = new ArrayList<>(d.getList("enrolled", Document.class));
            enrolled.add(place(e.familyId(), e.source().name(), e.referralId()));
            return Updates.combine(Updates.set("enrolled", enrolled), Updates.set("waitlisted", waitlisted));
        });
    }

    @EventHandler
    void on(FamilyWaitlisted e, @SequenceNumber long seq) {
        withDocument(e.programmeId(), seq, d -> {
            List<Document> waitlisted = new ArrayList<>(d.getList("waitlisted", Document.class));
            waitlisted.add(place(e.familyId(), e.source().name(), e.referralId()));
            return Updates.set("waitlisted", waitlisted);
        });
    }

    @EventHandler
    void on(EnrolmentCancelled e, @SequenceNumber long seq) {
        withDocument(e.programmeId(), seq, d -> Updates.combine(
                Updates.set("enrolled", without(d.getList("enrolled", Document.class), e.familyId())),
                Updates.set("waitlisted", without(d.getList("waitlisted", Document.class), e.familyId()))));
    }

    @EventHandler
    void on(GroupSessionRescheduled e, @SequenceNumber long seq) {
        updateSession(e.programmeId(), seq, e.sessionId(), s -> s.append("startsAt", Date.from(e.startsAt()))
                .append("endsAt", Date.from(e.endsAt())).append("changeReason", e.reasonCode().name())
                .append("changeNote", e.note() == null ? null : e.note().ciphertext()));
    }

    @EventHandler
    void on(GroupSessionCancelled e, @SequenceNumber long seq) {
        updateSession(e.programmeId(), seq, e.sessionId(), s -> s.append("status", "CANCELLED")
                .append("changeReason", e.reasonCode().name())
                .append("changeNote", e.note() == null ? null : e.note().ciphertext()));
    }

    @EventHandler
    void on(GroupSessionHeld e, @SequenceNumber long seq) {
        int families = e.families().size();
        int fathers = e.families().stream().mapToInt(a -> a.fathers() > 0 ? 1 : 0).sum();
        int children = e.families().stream().mapToInt(GroupSessionHeld.Attendance::children).sum();
        updateSession(e.programmeId(), seq, e.sessionId(), s -> s.append("status", "HELD").append("families", families)
                .append("familiesWithFather", fathers).append("children", children));
    }

    /** A correction replaces the counts and is counted, so the programme shows that a session was corrected. */
    @EventHandler
    void on(GroupSessionAttendanceCorrected e, @SequenceNumber long seq) {
        int families = e.families().size();
        int fathers = e.families().stream().mapToInt(a -> a.fathers() > 0 ? 1 : 0).sum();
        int children = e.families().stream().mapToInt(GroupSessionHeld.Attendance::children).sum();
        updateSession(e.programmeId(), seq, e.sessionId(), s -> s.append("families", families)
                .append("familiesWithFather", fathers).append("children", children)
                .append("attendanceCorrections", s.getInteger("attendanceCorrections", 0) + 1)
                .append("attendanceCorrectedAt", java.util.Date.from(e.correctedAt())));
    }

    @EventHandler
    void on(FeedbackGiven e, @SequenceNumber long seq) {
        apply(e.programmeId(), seq, Updates.inc("feedbackCount", 1));
    }

    /** The agency's evaluation, its texts kept sealed as they came: opened only for coordinators. */
    @EventHandler
    void on(ProgrammeEvaluated e, @SequenceNumber long seq) {
        withDocument(e.programmeId(), seq, d -> {
            List<Document> evaluations = new ArrayList<>(d.getList("evaluations", Document.class, List.of()));
            evaluations.add(new Document("agencyId", e.agencyId().toString())
                    .append("evaluatedAt", java.util.Date.from(e.evaluatedAt()))
                    .append("workedWell", e.workedWell().ciphertext())
                    .append("toDevelop", e.toDevelop().ciphertext())
                    .append("proposals", e.proposals().ciphertext()));
            return Updates.set("evaluations", evaluations);
        });
    }

    @ResetHandler
    void reset() {
        programmes.deleteMany(new Document());
    }

    /** For readers: waits until the view holds every change stored before the read (read-your-writes). */
    public Optional<Document> programme(UUID id) {
        catchUp.await(ProcessingGroups.VIEWS);
        return stored(id);
    }

    /** As stored now; for this view's own handlers, which must never wait for themselves. */
    private Optional<Document> stored(UUID id) {
        return Optional.ofNullable(programmes.find(Filters.eq("_id", id.toString())).first());
    }

    /** Programmes in which the agency facilitates a session. */
    public List<Document> facilitatedBy(UUID agencyId) {
        catchUp.await(ProcessingGroups.VIEWS);
        return programmes.find(Filters.eq("sessions.facilitatorAgencyIds", agencyId.toString())).into(new ArrayList<>());
    }

    private void apply(UUID programmeId, long seq, Bson update) {
        SequencedDocuments.apply(programmes, programmeId.toString(), seq, update);
    }

    /** Read-modify-write of lists the local server cannot update in place; the sequence guard keeps it idempotent. */
    private void withDocument(UUID programmeId, long seq, java.util.function.Function<Document, Bson> change) {
        Document current = stored(programmeId).orElse(null);
        if (current == null || current.getLong(SequencedDocuments.SEQUENCE) >= seq) {
            return;
        }
        apply(programmeId, seq, change.apply(current));
    }

    private void updateSession(UUID programmeId, long seq, UUID sessionId,
                               java.util.function.UnaryOperator<Document> change) {
        withDocument(programmeId, seq, d -> {
            List<Document> sessions = new ArrayList<>();
            for (Document s : d.getList("sessions", Document.class)) {
                sessions.add(s.getString("id").equals(sessionId.toString()) ? change.apply(new Document(s)) : s);
            }
            return Updates.set("sessions", sessions);
        });
    }

    private static Document place(UUID familyId, String source, UUID referralId) {
        Document place = new Document("familyId", familyId.toString()).append("source", source);
        if (referralId != null) {
            place.append("referralId", referralId.toString());
        }
        return place;
    }

    private static List<Document> without(List<Document> places, UUID familyId) {
        return places.stream().filter(p -> !p.getString("familyId").equals(familyId.toString())).toList();
    }
}
