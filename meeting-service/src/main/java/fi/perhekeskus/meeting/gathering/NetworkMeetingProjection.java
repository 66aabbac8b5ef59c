package fi.perhekeskus.meeting.gathering;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import fi.perhekeskus.contract.gathering.NetworkMeetingHeld;
import fi.perhekeskus.contract.gathering.NetworkMeetingLegalBasisRecorded;
import fi.perhekeskus.infra.readmodel.SequencedDocuments;
import fi.perhekeskus.meeting.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import fi.perhekeskus.infra.consistency.ViewCatchUp;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Network meetings for their agencies; the texts stay sealed here and are opened when read. */
@Component
@ProcessingGroup(ProcessingGroups.VIEWS)
public class NetworkMeetingProjection {

    private final MongoCollection<Document> meetings;

    private final ViewCatchUp catchUp;

    public NetworkMeetingProjection(MongoDatabase readDatabase, @Lazy ViewCatchUp catchUp) {
        this.catchUp = catchUp;
        this.meetings = readDatabase.getCollection("network_meetings");
        meetings.createIndex(com.mongodb.client.model.Indexes.ascending("agreedActions.agencyId"));
    }

    @EventHandler
    void on(NetworkMeetingHeld e, @SequenceNumber long seq) {
        SequencedDocuments.apply(meetings, e.meetingId().toString(), seq, Updates.combine(
                Updates.set("familyId", e.familyId().toString()),
                Updates.set("agencyIds", e.agencyIds().stream().map(UUID::toString).toList()),
                Updates.set("heldOn", e.heldOn().toString()),
                Updates.set("needsAssessed", e.needsAssessed()),
                Updates.set("agreedActions", e.agreedActions().stream().map(a -> new Document("agencyId",
                        a.agencyId().toString()).append("action", a.action().ciphertext())
                        .append("due", a.due().toString())).toList()),
                Updates.set("recordedBy", e.recordedBy()),
                Updates.set("recordedAt", Date.from(e.recordedAt()))));
    }

    @EventHandler
    void on(NetworkMeetingLegalBasisRecorded e, @SequenceNumber long seq) {
        SequencedDocuments.apply(meetings, e.meetingId().toString(), seq, Updates.combine(
                Updates.set("legalBasis", e.legalBasis().ciphertext()),
                Updates.set("agenciesByLegalBasis", e.agencyIds().stream().map(UUID::toString).toList())));
    }

    @ResetHandler
    void reset() {
        meetings.deleteMany(new Document());
    }

    public Optional<Document> meeting(UUID id) {
        catchUp.await(ProcessingGroups.VIEWS);
        return Optional.ofNullable(meetings.find(Filters.eq("_id", id.toString())).first());
    }

    /** The meetings that agreed an action for the agency, read right after its own writes. */
    public List<Document> withActionsFor(UUID agencyId) {
        catchUp.await(ProcessingGroups.VIEWS);
        return meetings.find(Filters.eq("agreedActions.agencyId", agencyId.toString())).into(new java.util.ArrayList<>());
    }
}
