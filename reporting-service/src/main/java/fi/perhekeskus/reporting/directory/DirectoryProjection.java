package fi.perhekeskus.reporting.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.reporting.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The network's agencies, keyed by id. Every write is an upsert of the whole document, so applying
 * an event twice leaves the same view.
 */
@Component
@ProcessingGroup(Projections.DIRECTORY)
public class DirectoryProjection {

    static final String AGENCIES = "directory_agencies";

    private final MongoCollection<Document> agencies;

    public DirectoryProjection(MongoDatabase readDatabase) {
        this.agencies = readDatabase.getCollection(AGENCIES);
    }

    @EventHandler
    void on(AgencyRegistered event) {
        Document agency = new Document("_id", event.agencyId().toString())
                .append("name", event.name())
                .append("organizerType", event.organizerType().name())
                .append("organizerName", event.organizerName())
                .append("municipality", event.municipality())
                .append("servedMunicipalities", event.servedMunicipalities());
        agencies.replaceOne(Filters.eq("_id", agency.get("_id")), agency, new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        agencies.deleteMany(new Document());
    }

    public List<AgencyView> agencies() {
        List<AgencyView> views = new ArrayList<>();
        for (Document d : agencies.find().sort(Sorts.ascending("name"))) {
            views.add(new AgencyView(UUID.fromString(d.getString("_id")), d.getString("name"),
                    OrganizerType.valueOf(d.getString("organizerType")), d.getString("organizerName"),
                    d.getString("municipality"), d.getList("servedMunicipalities", String.class, List.of())));
        }
        return views;
    }
}
