package fi.perhekeskus.reporting.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.directory.ServiceUpdated;
import fi.perhekeskus.infra.readmodel.BatchedDocuments;
import fi.perhekeskus.reporting.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The network's agencies and services, which reports group by and label with. Writes are guarded
 * by each aggregate's event sequence: applying an event twice leaves the same view.
 */
@Component
@ProcessingGroup(ProcessingGroups.DIRECTORY)
public class DirectoryProjection {

    static final String AGENCIES = "directory_agencies";
    static final String SERVICES = "directory_services";

    private final MongoCollection<Document> agencies;
    private final MongoCollection<Document> services;

    public DirectoryProjection(MongoDatabase readDatabase) {
        this.agencies = readDatabase.getCollection(AGENCIES);
        this.services = readDatabase.getCollection(SERVICES);
    }

    @EventHandler
    void on(AgencyRegistered event, @SequenceNumber long sequence) {
        BatchedDocuments.apply(agencies, event.agencyId().toString(), sequence, Updates.combine(
                Updates.set("name", event.name()),
                Updates.set("organizerType", event.organizerType().name()),
                Updates.set("organizerName", event.organizerName()),
                Updates.set("municipality", event.municipality()),
                Updates.set("servedMunicipalities", event.servedMunicipalities())));
    }

    @EventHandler
    void on(ServiceListed event, @SequenceNumber long sequence) {
        BatchedDocuments.apply(services, event.serviceId().toString(), sequence, Updates.combine(
                Updates.set("name", event.name()), Updates.set("agencyId", event.agencyId().toString()),
                Updates.set("kind", event.kind().name())));
    }

    @EventHandler
    void on(ServiceUpdated event, @SequenceNumber long sequence) {
        BatchedDocuments.apply(services, event.serviceId().toString(), sequence, Updates.combine(
                Updates.set("name", event.name()), Updates.set("kind", event.kind().name())));
    }

    @ResetHandler
    void reset() {
        agencies.deleteMany(new Document());
        services.deleteMany(new Document());
    }

    public List<AgencySummary> agencies() {
        List<AgencySummary> views = new ArrayList<>();
        for (Document d : agencies.find().sort(Sorts.ascending("name"))) {
            views.add(new AgencySummary(UUID.fromString(d.getString("_id")), d.getString("name"),
                    OrganizerType.valueOf(d.getString("organizerType")), d.getString("organizerName"),
                    d.getString("municipality"), d.getList("servedMunicipalities", String.class, List.of())));
        }
        return views;
    }

    /** Service id → the id of the agency that lists it. */
    public Map<String, String> serviceAgencies() {
        Map<String, String> agencies = new HashMap<>();
        services.find().forEach(d -> agencies.put(d.getString("_id"), d.getString("agencyId")));
        return agencies;
    }

    /** Service id → name, for labels. */
    public Map<String, String> serviceNames() {
        Map<String, String> names = new HashMap<>();
        services.find().forEach(d -> names.put(d.getString("_id"), d.getString("name")));
        return names;
    }
}
