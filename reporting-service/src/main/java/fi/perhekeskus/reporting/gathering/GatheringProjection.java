package fi.perhekeskus.reporting.gathering;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import fi.perhekeskus.contract.gathering.NetworkMeetingHeld;
import fi.perhekeskus.contract.gathering.OpenPlaceVisitsRecorded;
import fi.perhekeskus.infra.readmodel.BatchedDocuments;
import fi.perhekeskus.reporting.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Network meetings and open-place visits, counted for the yearly scorecard (no family ids kept). */
@Component
@ProcessingGroup(ProcessingGroups.GATHERINGS)
public class GatheringProjection {

    private final MongoCollection<Document> meetings;
    private final MongoCollection<Document> places;

    public GatheringProjection(MongoDatabase readDatabase) {
        this.meetings = readDatabase.getCollection("report_network_meetings");
        this.places = readDatabase.getCollection("report_open_places");
    }

    @EventHandler
    void on(NetworkMeetingHeld e, @SequenceNumber long seq) {
        BatchedDocuments.apply(meetings, e.meetingId().toString(), seq, Updates.combine(
                Updates.set("year", e.heldOn().getYear()),
                Updates.set("agencyIds", e.agencyIds().stream().map(UUID::toString).toList())));
    }

    @EventHandler
    void on(OpenPlaceVisitsRecorded e, @SequenceNumber long seq) {
        String year = String.valueOf(e.date().getYear());
        BatchedDocuments.apply(places, e.placeId().toString(), seq, Updates.combine(
                Updates.inc("years." + year + ".families", e.families()),
                Updates.inc("years." + year + ".adults", e.adults()),
                Updates.inc("years." + year + ".children", e.children())));
    }

    @ResetHandler
    void reset() {
        meetings.deleteMany(new Document());
        places.deleteMany(new Document());
    }

    public List<Document> meetings() {
        return meetings.find().into(new ArrayList<>());
    }

    public List<Document> places() {
        return places.find().into(new ArrayList<>());
    }
}
