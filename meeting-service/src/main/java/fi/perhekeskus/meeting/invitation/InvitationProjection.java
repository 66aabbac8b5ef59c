package fi.perhekeskus.meeting.invitation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyInvited;
import fi.perhekeskus.contract.programme.InvitationAnswer;
import fi.perhekeskus.contract.programme.InvitationAnswered;
import fi.perhekeskus.contract.programme.InvitationExpired;
import fi.perhekeskus.infra.consistency.ViewCatchUp;
import fi.perhekeskus.infra.readmodel.SequencedDocuments;
import fi.perhekeskus.meeting.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A programme's invitations and where each stands: one document per invitation (ids and dates only).
 * A YES is ACCEPTED until the family's place arrives, then ENROLLED; a YES that waits on the waitlist
 * stays ACCEPTED until the family is promoted. The programme's sequence number guards every write,
 * so redelivered events change nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.VIEWS)
public class InvitationProjection {

    /** One invitation as the programme's agencies see it. */
    public record Row(UUID invitationId, UUID familyId, Instant invitedAt, InvitationStatus status) {
    }

    private final MongoCollection<Document> invitations;
    private final ViewCatchUp catchUp;

    public InvitationProjection(MongoDatabase readDatabase, @Lazy ViewCatchUp catchUp) {
        this.catchUp = catchUp;
        this.invitations = readDatabase.getCollection("invitations");
        // The local server uses an index only for a filter on exactly its fields: one per lookup below.
        invitations.createIndex(Indexes.ascending("programmeId"));
        invitations.createIndex(Indexes.ascending("programmeId", "familyId"));
    }

    @EventHandler
    void on(FamilyInvited e, @SequenceNumber long seq) {
        SequencedDocuments.apply(invitations, e.invitationId().toString(), seq, Updates.combine(
                Updates.set("programmeId", e.programmeId().toString()),
                Updates.set("familyId", e.familyId().toString()),
                Updates.set("invitedAt", Date.from(e.invitedAt())),
                Updates.set("status", InvitationStatus.INVITED.name())));
    }

    @EventHandler
    void on(InvitationAnswered e, @SequenceNumber long seq) {
        InvitationStatus status = e.answer() == InvitationAnswer.YES ? InvitationStatus.ACCEPTED
                : InvitationStatus.DECLINED;
        SequencedDocuments.apply(invitations, e.invitationId().toString(), seq,
                Updates.set("status", status.name()));
    }

    @EventHandler
    void on(InvitationExpired e, @SequenceNumber long seq) {
        SequencedDocuments.apply(invitations, e.invitationId().toString(), seq,
                Updates.set("status", InvitationStatus.EXPIRED.name()));
    }

    /** The family's place, whether at once or promoted from the waitlist, completes its accepted invitation. */
    @EventHandler
    void on(FamilyEnrolled e, @SequenceNumber long seq) {
        // A family has at most one invitation per programme.
        Document invitation = invitations.find(Filters.and(Filters.eq("programmeId", e.programmeId().toString()),
                Filters.eq("familyId", e.familyId().toString()))).first();
        if (invitation != null && InvitationStatus.ACCEPTED.name().equals(invitation.getString("status"))) {
            SequencedDocuments.apply(invitations, invitation.getString("_id"), seq,
                    Updates.set("status", InvitationStatus.ENROLLED.name()));
        }
    }

    @ResetHandler
    void reset() {
        invitations.deleteMany(new Document());
    }

    /** The programme's invitations, oldest first; waits until the view holds every change stored before. */
    public List<Row> ofProgramme(UUID programmeId) {
        catchUp.await(ProcessingGroups.VIEWS);
        List<Row> rows = new ArrayList<>();
        for (Document d : invitations.find(Filters.eq("programmeId", programmeId.toString()))
                .sort(Sorts.ascending("invitedAt", "_id"))) {
            rows.add(new Row(UUID.fromString(d.getString("_id")), UUID.fromString(d.getString("familyId")),
                    d.getDate("invitedAt").toInstant(), InvitationStatus.valueOf(d.getString("status"))));
        }
        return rows;
    }

    /** Where one invitation stands, when the view holds it; waits as {@link #ofProgramme} does. */
    public java.util.Optional<InvitationStatus> status(UUID invitationId) {
        catchUp.await(ProcessingGroups.VIEWS);
        return java.util.Optional.ofNullable(invitations.find(Filters.eq("_id", invitationId.toString())).first())
                .map(d -> InvitationStatus.valueOf(d.getString("status")));
    }
}
