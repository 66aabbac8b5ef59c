package fi.perhekeskus.referral.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.directory.ServiceUpdated;
import fi.perhekeskus.contract.directory.ServiceWithdrawn;
import fi.perhekeskus.infra.consistency.ViewCatchUp;
import fi.perhekeskus.infra.readmodel.BatchedDocuments;
import fi.perhekeskus.referral.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The service directory: agencies and their listed services, searchable. */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class DirectoryView {

    private final MongoCollection<Document> agencies;
    private final MongoCollection<Document> services;
    private final ViewCatchUp catchUp;

    public DirectoryView(MongoDatabase readDatabase, @Lazy ViewCatchUp catchUp) {
        this.catchUp = catchUp;
        this.agencies = readDatabase.getCollection("directory_agencies");
        this.services = readDatabase.getCollection("directory_services");
    }

    @EventHandler
    void on(AgencyRegistered event, @SequenceNumber long sequence) {
        BatchedDocuments.apply(agencies, event.agencyId().toString(), sequence, Updates.combine(
                Updates.set("name", event.name()),
                Updates.set("organizerType", event.organizerType().name()),
                Updates.set("municipality", event.municipality())));
    }

    @EventHandler
    void on(ServiceListed event, @SequenceNumber long sequence) {
        BatchedDocuments.apply(services, event.serviceId().toString(), sequence, Updates.combine(
                Updates.set("agencyId", event.agencyId().toString()),
                Updates.set("agencyName", agencyName(event.agencyId())),
                describe(event.name(), event.kind(), event.needLevel(), event.ageFromMonths(), event.ageToMonths(),
                        event.municipalities(), event.languages(), event.description()),
                Updates.set("withdrawn", false)));
    }

    @EventHandler
    void on(ServiceUpdated event, @SequenceNumber long sequence) {
        BatchedDocuments.apply(services, event.serviceId().toString(), sequence,
                describe(event.name(), event.kind(), event.needLevel(), event.ageFromMonths(), event.ageToMonths(),
                        event.municipalities(), event.languages(), event.description()));
    }

    @EventHandler
    void on(ServiceWithdrawn event, @SequenceNumber long sequence) {
        BatchedDocuments.apply(services, event.serviceId().toString(), sequence, Updates.set("withdrawn", true));
    }

    @ResetHandler
    void reset() {
        agencies.deleteMany(new Document());
        services.deleteMany(new Document());
    }

    public List<ServiceView> search(ServiceSearch search) {
        catchUp.await(ReadModels.GROUP);
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("withdrawn", false)));
        if (search.needLevel() != null) {
            filters.add(Filters.eq("needLevel", search.needLevel().name()));
        }
        if (search.kind() != null) {
            filters.add(Filters.eq("kind", search.kind().name()));
        }
        if (search.municipality() != null) {
            filters.add(Filters.eq("municipalities", search.municipality()));
        }
        if (search.language() != null) {
            filters.add(Filters.eq("languages", search.language()));
        }
        if (search.ageMonths() != null) {
            filters.add(Filters.lte("ageFromMonths", search.ageMonths()));
            filters.add(Filters.gte("ageToMonths", search.ageMonths()));
        }
        List<ServiceView> found = new ArrayList<>();
        Pattern text = search.q() == null ? null
                : Pattern.compile(Pattern.quote(search.q().toLowerCase(Locale.ROOT)));
        int skipped = 0;
        for (Document d : services.find(Filters.and(filters)).sort(Sorts.ascending("name"))) {
            // Free text matches name, description and agency, case-insensitively.
            if (text != null && !text.matcher(d.getString("searchText")).find()) {
                continue;
            }
            if (skipped++ < search.offset()) {
                continue;
            }
            found.add(view(d));
            if (found.size() == search.limit()) {
                break;
            }
        }
        return found;
    }

    public Optional<ServiceView> service(UUID id) {
        catchUp.await(ReadModels.GROUP);
        return Optional.ofNullable(services.find(Filters.eq("_id", id.toString())).first()).map(DirectoryView::view);
    }

    private String agencyName(UUID agencyId) {
        Document agency = agencies.find(Filters.eq("_id", agencyId.toString())).first();
        return agency == null ? null : agency.getString("name");
    }

    private static Bson describe(String name, ServiceKind kind, NeedLevel needLevel, int from, int to,
                                 List<String> municipalities, List<String> languages, String description) {
        String searchText = (name + " " + (description == null ? "" : description)).toLowerCase(Locale.ROOT);
        return Updates.combine(
                Updates.set("name", name),
                Updates.set("kind", kind.name()),
                Updates.set("needLevel", needLevel.name()),
                Updates.set("ageFromMonths", from),
                Updates.set("ageToMonths", to),
                Updates.set("municipalities", municipalities),
                Updates.set("languages", languages),
                Updates.set("description", description),
                Updates.set("searchText", searchText));
    }

    private static ServiceView view(Document d) {
        return new ServiceView(UUID.fromString(d.getString("_id")), UUID.fromString(d.getString("agencyId")),
                d.getString("agencyName"), d.getString("name"), ServiceKind.valueOf(d.getString("kind")),
                NeedLevel.valueOf(d.getString("needLevel")), d.getInteger("ageFromMonths"),
                d.getInteger("ageToMonths"), d.getList("municipalities", String.class),
                d.getList("languages", String.class), d.getString("description"));
    }
}
