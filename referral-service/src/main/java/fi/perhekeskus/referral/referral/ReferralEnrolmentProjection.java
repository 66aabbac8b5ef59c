package fi.perhekeskus.referral.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import fi.perhekeskus.contract.programme.EnrolmentCancelled;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyWaitlisted;
import fi.perhekeskus.infra.readmodel.SequencedDocuments;
import fi.perhekeskus.referral.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * What a group referral led to, from meeting-service's topic: the programme the family was enrolled
 * in or waitlisted for by the referral ({@code referralId} on FamilyEnrolled and FamilyWaitlisted),
 * so that the sender learns it. One document per referral, guarded by the programme's event sequence
 * (a referral places its family in one programme): a redelivered event changes nothing. A cancelled
 * enrolment (its event names the programme and the family, not the referral) removes the document.
 * Only ids and a status are kept.
 */
@Component
@ProcessingGroup(ProcessingGroups.ENROLMENT_OUTCOMES)
public class ReferralEnrolmentProjection {

    public enum Status { ENROLLED, WAITLISTED }

    public record Enrolment(UUID programmeId, Status status) {
    }

    private final MongoCollection<Document> enrolments;

    public ReferralEnrolmentProjection(MongoDatabase readDatabase) {
        this.enrolments = readDatabase.getCollection("referral_enrolments");
        enrolments.createIndex(Indexes.ascending("programmeId", "familyId"));
    }

    @EventHandler
    void on(FamilyEnrolled e, @SequenceNumber long seq) {
        if (e.referralId() != null) {
            place(e.referralId(), e.programmeId(), e.familyId(), Status.ENROLLED, seq);
        }
    }

    @EventHandler
    void on(FamilyWaitlisted e, @SequenceNumber long seq) {
        if (e.referralId() != null) {
            place(e.referralId(), e.programmeId(), e.familyId(), Status.WAITLISTED, seq);
        }
    }

    @EventHandler
    void on(EnrolmentCancelled e) {
        enrolments.deleteMany(Filters.and(Filters.eq("programmeId", e.programmeId().toString()),
                Filters.eq("familyId", e.familyId().toString())));
    }

    @ResetHandler
    void reset() {
        enrolments.deleteMany(new Document());
    }

    public Optional<Enrolment> of(UUID referralId) {
        return Optional.ofNullable(enrolments.find(Filters.eq("_id", referralId.toString())).first())
                .map(d -> new Enrolment(UUID.fromString(d.getString("programmeId")),
                        Status.valueOf(d.getString("status"))));
    }

    private void place(UUID referralId, UUID programmeId, UUID familyId, Status status, long seq) {
        SequencedDocuments.apply(enrolments, referralId.toString(), seq, Updates.combine(
                Updates.set("programmeId", programmeId.toString()),
                Updates.set("familyId", familyId.toString()),
                Updates.set("status", status.name())));
    }
}
