package fi.perhekeskus.reporting.programme;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import fi.perhekeskus.contract.programme.EnrolmentCancelled;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FeedbackGiven;
import fi.perhekeskus.contract.programme.GroupSessionCancelled;
import fi.perhekeskus.contract.programme.GroupSessionAttendanceCorrected;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.infra.readmodel.BatchedDocuments;
import fi.perhekeskus.reporting.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reach against plan per programme: enrolled families, each session's attendance (families,
 * fathers, children) and the feedback answers. Counts are increments guarded by the programme's
 * event sequence, so each event counts exactly once.
 */
@Component
@ProcessingGroup(ProcessingGroups.PROGRAMMES)
public class ProgrammeProjection {

    static final String COLLECTION = "report_programmes";

    private final MongoCollection<Document> programmes;

    public ProgrammeProjection(MongoDatabase readDatabase) {
        this.programmes = readDatabase.getCollection(COLLECTION);
    }

    @EventHandler
    void on(ProgrammeScheduled e, @SequenceNumber long seq) {
        List<Document> sessions = new ArrayList<>();
        for (ProgrammeScheduled.Session s : e.sessions()) {
            sessions.add(new Document("sessionId", s.sessionId().toString()).append("startsAt", Date.from(s.startsAt())));
        }
        BatchedDocuments.apply(programmes, e.programmeId().toString(), seq, Updates.combine(
                Updates.set("name", e.name()),
                Updates.set("serviceId", e.serviceId().toString()),
                Updates.set("agencyIds", e.agencyIds().stream().map(UUID::toString).toList()),
                Updates.set("plannedFamilies", e.plannedFamilies()),
                Updates.set("capacityFamilies", e.capacityFamilies()),
                Updates.set("year", e.sessions().get(0).startsAt().atZone(java.time.ZoneOffset.UTC).getYear()),
                Updates.set("sessionPlan", sessions),
                Updates.set("enrolledFamilies", 0)));
    }

    @EventHandler
    void on(FamilyEnrolled e, @SequenceNumber long seq) {
        BatchedDocuments.apply(programmes, e.programmeId().toString(), seq, Updates.inc("enrolledFamilies", 1));
    }

    @EventHandler
    void on(EnrolmentCancelled e, @SequenceNumber long seq) {
        BatchedDocuments.apply(programmes, e.programmeId().toString(), seq,
                Updates.inc("enrolledFamilies", e.wasWaitlisted() ? 0 : -1));
    }

    @EventHandler
    void on(GroupSessionHeld e, @SequenceNumber long seq) {
        BatchedDocuments.apply(programmes, e.programmeId().toString(), seq, Updates.combine(
                Updates.set("sessions." + e.sessionId() + ".held", true), attendance(e.sessionId(), e.families())));
    }

    /** A correction replaces the session's counts, and which of its families a father came with. */
    @EventHandler
    void on(GroupSessionAttendanceCorrected e, @SequenceNumber long seq) {
        BatchedDocuments.apply(programmes, e.programmeId().toString(), seq, attendance(e.sessionId(), e.families()));
    }

    /**
     * The families a father came with are kept per session (pseudonymous ids, as in the events), so
     * that the report counts distinct families reached through their fathers, not a sum over sessions.
     */
    private static org.bson.conversions.Bson attendance(UUID sessionId, List<GroupSessionHeld.Attendance> families) {
        String key = "sessions." + sessionId;
        return Updates.combine(
                Updates.set(key + ".families", families.size()),
                Updates.set(key + ".fathers", families.stream().mapToInt(GroupSessionHeld.Attendance::fathers).sum()),
                Updates.set(key + ".children", families.stream().mapToInt(GroupSessionHeld.Attendance::children).sum()),
                Updates.set(key + ".fatherFamilies", families.stream().filter(a -> a.fathers() > 0)
                        .map(a -> a.familyId().toString()).toList()));
    }

    @EventHandler
    void on(GroupSessionCancelled e, @SequenceNumber long seq) {
        BatchedDocuments.apply(programmes, e.programmeId().toString(), seq,
                Updates.set("sessions." + e.sessionId() + ".cancelled", true));
    }

    @EventHandler
    void on(FeedbackGiven e, @SequenceNumber long seq) {
        BatchedDocuments.apply(programmes, e.programmeId().toString(), seq, Updates.combine(
                Updates.inc("feedback.timingSuited." + e.timingSuited(), 1),
                Updates.inc("feedback.contentMetNeeds." + e.contentMetNeeds(), 1),
                Updates.inc("feedback.infoMatchedChildAge." + e.infoMatchedChildAge(), 1)));
    }

    @ResetHandler
    void reset() {
        programmes.deleteMany(new Document());
    }

    public Optional<Document> programme(UUID id) {
        return Optional.ofNullable(programmes.find(Filters.eq("_id", id.toString())).first());
    }

    public List<Document> all() {
        return programmes.find().into(new ArrayList<>());
    }
}
