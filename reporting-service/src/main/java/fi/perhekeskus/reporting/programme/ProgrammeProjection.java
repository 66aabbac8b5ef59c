package fi.perhekeskus.reporting.programme;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import fi.perhekeskus.contract.programme.EnrolmentCancelled;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyInvited;
import fi.perhekeskus.contract.programme.InvitationAnswered;
import fi.perhekeskus.contract.programme.ProgrammeEvaluated;
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
 * fathers, children) and the feedback answers (in all and per session), the invitation funnel
 * (families invited, answered, enrolled, present: pseudonymous ids, as in the events) and which
 * agencies evaluated it when. Counts are increments guarded by the programme's
 * event sequence, so each event counts exactly once.
 */
@Component
@ProcessingGroup(ProcessingGroups.PROGRAMMES)
public class ProgrammeProjection {

    static final String COLLECTION = "report_programmes";
    static final String INVITATIONS = "report_programme_invitations";
    static final String EVALUATIONS = "report_programme_evaluations";

    private final MongoCollection<Document> programmes;
    private final MongoCollection<Document> invitations;
    private final MongoCollection<Document> evaluations;

    public ProgrammeProjection(MongoDatabase readDatabase) {
        this.programmes = readDatabase.getCollection(COLLECTION);
        this.invitations = readDatabase.getCollection(INVITATIONS);
        this.evaluations = readDatabase.getCollection(EVALUATIONS);
        invitations.createIndex(Indexes.ascending("programmeId"));
        evaluations.createIndex(Indexes.ascending("programmeId"));
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

    /** {@code enrolled}: the families enrolled now (pseudonymous ids), for the invitation funnel. */
    @EventHandler
    void on(FamilyEnrolled e, @SequenceNumber long seq) {
        BatchedDocuments.apply(programmes, e.programmeId().toString(), seq, Updates.combine(
                Updates.inc("enrolledFamilies", 1), Updates.addToSet("enrolled", e.familyId().toString())));
    }

    @EventHandler
    void on(EnrolmentCancelled e, @SequenceNumber long seq) {
        BatchedDocuments.apply(programmes, e.programmeId().toString(), seq, e.wasWaitlisted()
                ? Updates.inc("enrolledFamilies", 0)
                : Updates.combine(Updates.inc("enrolledFamilies", -1), Updates.pull("enrolled", e.familyId().toString())));
    }

    /**
     * An invitation, one document each (the family by pseudonymous id, as in the event). Invitations
     * and evaluations have documents of their own: whichever aggregate publishes them, each document
     * is written by the events of one aggregate only, in its order, as the sequence guard needs.
     */
    @EventHandler
    void on(FamilyInvited e, @SequenceNumber long seq) {
        BatchedDocuments.apply(invitations, e.invitationId().toString(), seq, Updates.combine(
                Updates.set("programmeId", e.programmeId().toString()),
                Updates.set("familyId", e.familyId().toString())));
    }

    /** The invitation was answered, yes or no. */
    @EventHandler
    void on(InvitationAnswered e, @SequenceNumber long seq) {
        BatchedDocuments.apply(invitations, e.invitationId().toString(), seq, Updates.combine(
                Updates.set("programmeId", e.programmeId().toString()),
                Updates.set("familyId", e.familyId().toString()),
                Updates.set("answered", true)));
    }

    /**
     * That an agency evaluated the programme, and when. Its texts are sealed with the programme's key,
     * which only meeting-service holds: reporting keeps none of them.
     */
    @EventHandler
    void on(ProgrammeEvaluated e, @SequenceNumber long seq) {
        BatchedDocuments.apply(evaluations, e.programmeId() + ":" + e.agencyId(), seq, Updates.combine(
                Updates.set("programmeId", e.programmeId().toString()),
                Updates.set("agencyId", e.agencyId().toString()),
                Updates.set("evaluatedAt", Date.from(e.evaluatedAt()))));
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
                Updates.set(key + ".present", families.stream().map(a -> a.familyId().toString()).toList()),
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
                Updates.inc("feedback.infoMatchedChildAge." + e.infoMatchedChildAge(), 1),
                Updates.inc("sessions." + e.sessionId() + ".feedback.timingSuited." + e.timingSuited(), 1),
                Updates.inc("sessions." + e.sessionId() + ".feedback.contentMetNeeds." + e.contentMetNeeds(), 1),
                Updates.inc("sessions." + e.sessionId() + ".feedback.infoMatchedChildAge." + e.infoMatchedChildAge(), 1)));
    }

    @ResetHandler
    void reset() {
        programmes.deleteMany(new Document());
        invitations.deleteMany(new Document());
        evaluations.deleteMany(new Document());
    }

    /** A programme's invitations: {@code familyId} and, once answered, {@code answered}. */
    public List<Document> invitations(UUID programmeId) {
        return invitations.find(Filters.eq("programmeId", programmeId.toString())).into(new ArrayList<>());
    }

    /** A programme's evaluations: {@code agencyId} and {@code evaluatedAt}. */
    public List<Document> evaluations(UUID programmeId) {
        return evaluations.find(Filters.eq("programmeId", programmeId.toString())).into(new ArrayList<>());
    }

    public Optional<Document> programme(UUID id) {
        return Optional.ofNullable(programmes.find(Filters.eq("_id", id.toString())).first());
    }

    public List<Document> all() {
        return programmes.find().into(new ArrayList<>());
    }
}
