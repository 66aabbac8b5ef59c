package fi.perhekeskus.referral.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.CapacityStatus;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.contract.directory.ServiceCapacityChanged;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.directory.ServiceUpdated;
import fi.perhekeskus.contract.directory.ServiceWithdrawn;
import fi.perhekeskus.infra.consistency.ViewCatchUp;
import fi.perhekeskus.infra.readmodel.BatchedDocuments;
import fi.perhekeskus.referral.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The service directory: agencies and their listed services, searchable. */
@Component
@ProcessingGroup(ProcessingGroups.VIEWS)
public class DirectoryProjection {

    private final MongoCollection<Document> agencies;
    private final MongoCollection<Document> services;
    private final ViewCatchUp catchUp;

    public DirectoryProjection(MongoDatabase readDatabase, @Lazy ViewCatchUp catchUp) {
        this.catchUp = catchUp;
        this.agencies = readDatabase.getCollection("directory_agencies");
        this.services = readDatabase.getCollection("directory_services");
        // The search (offered services by name) and an agency's own services by name.
        services.createIndex(Indexes.ascending("withdrawn", "name", "_id"));
        services.createIndex(Indexes.ascending("agencyId", "name", "_id"));
    }

    // modifiedAt is the stored event's own timestamp, so a replay writes the same value again.

    @EventHandler
    void on(AgencyRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        BatchedDocuments.apply(agencies, event.agencyId().toString(), sequence, Updates.combine(
                Updates.set("name", event.name()),
                Updates.set("organizerType", event.organizerType().name()),
                Updates.set("organizerName", event.organizerName()),
                Updates.set("municipality", event.municipality()),
                Updates.set("servedMunicipalities", event.servedMunicipalities()),
                Updates.set("modifiedAt", Date.from(at))));
    }

    @EventHandler
    void on(ServiceListed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        BatchedDocuments.apply(services, event.serviceId().toString(), sequence, Updates.combine(
                Updates.set("agencyId", event.agencyId().toString()),
                Updates.set("agencyName", agencyName(event.agencyId())),
                describe(event.name(), event.kind(), event.needLevel(), event.ageFromMonths(), event.ageToMonths(),
                        event.municipalities(), event.languages(), event.description()),
                Updates.set("withdrawn", false),
                Updates.set("capacity", Capacity.initial(event.kind()).name()),
                Updates.set("waitWeeks", null),
                Updates.set("capacityAt", Date.from(at)),
                Updates.set("modifiedAt", Date.from(at))));
    }

    @EventHandler
    void on(ServiceCapacityChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        BatchedDocuments.apply(services, event.serviceId().toString(), sequence, Updates.combine(
                Updates.set("capacity", event.status().name()),
                Updates.set("waitWeeks", event.waitWeeks()),
                Updates.set("capacityAt", Date.from(event.changedAt())),
                Updates.set("modifiedAt", Date.from(at))));
    }

    @EventHandler
    void on(ServiceUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        BatchedDocuments.apply(services, event.serviceId().toString(), sequence, Updates.combine(
                describe(event.name(), event.kind(), event.needLevel(), event.ageFromMonths(), event.ageToMonths(),
                        event.municipalities(), event.languages(), event.description()),
                Updates.set("modifiedAt", Date.from(at))));
    }

    @EventHandler
    void on(ServiceWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        BatchedDocuments.apply(services, event.serviceId().toString(), sequence, Updates.combine(
                Updates.set("withdrawn", true),
                Updates.set("modifiedAt", Date.from(at))));
    }

    @ResetHandler
    void reset() {
        agencies.deleteMany(new Document());
        services.deleteMany(new Document());
    }

    public List<ServiceSummary> search(ServiceSearch search) {
        catchUp.await(ProcessingGroups.VIEWS);
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
        if (search.capacity() != null) {
            filters.add(Filters.eq("capacity", search.capacity().name()));
        }
        if (search.ageMonths() != null) {
            filters.add(Filters.lte("ageFromMonths", search.ageMonths()));
            filters.add(Filters.gte("ageToMonths", search.ageMonths()));
        }
        List<ServiceSummary> found = new ArrayList<>();
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

    public Optional<ServiceSummary> service(UUID id) {
        catchUp.await(ProcessingGroups.VIEWS);
        return Optional.ofNullable(services.find(Filters.eq("_id", id.toString())).first()).map(DirectoryProjection::view);
    }

    /**
     * The whole directory, withdrawn services included (the public HSDS listing shows them as
     * inactive), in a stable order (name, then id) so that pages do not overlap.
     */
    public DirectoryPage<DirectoryEntry> listing(DirectoryListing query, long offset, int limit) {
        catchUp.await(ProcessingGroups.VIEWS);
        List<Bson> filters = new ArrayList<>();
        if (query.agencyId() != null) {
            filters.add(Filters.eq("agencyId", query.agencyId().toString()));
        }
        if (query.needLevel() != null) {
            filters.add(Filters.eq("needLevel", query.needLevel().name()));
        }
        if (query.kind() != null) {
            filters.add(Filters.eq("kind", query.kind().name()));
        }
        if (query.capacity() != null) {
            filters.add(Filters.eq("capacity", query.capacity().name()));
        }
        if (query.modifiedSince() != null) {
            filters.add(Filters.gte("modifiedAt", Date.from(query.modifiedSince())));
        }
        Predicate<Document> text = containing(query.text(), "searchText");
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        return page(services.find(filter).sort(Sorts.ascending("name", "_id")), text, offset, limit,
                DirectoryProjection::entry);
    }

    /** A service as the directory holds it, withdrawn or not. */
    public Optional<DirectoryEntry> entry(UUID id) {
        catchUp.await(ProcessingGroups.VIEWS);
        return Optional.ofNullable(services.find(Filters.eq("_id", id.toString())).first()).map(DirectoryProjection::entry);
    }

    /** The network's agencies, by name, matching a free text (name or organiser) when one is given. */
    public DirectoryPage<AgencySummary> agencies(String text, long offset, int limit) {
        catchUp.await(ProcessingGroups.VIEWS);
        Predicate<Document> matches = containing(text, "name", "organizerName");
        return page(agencies.find().sort(Sorts.ascending("name", "_id")), matches, offset, limit,
                DirectoryProjection::agency);
    }

    public Optional<AgencySummary> agency(UUID id) {
        catchUp.await(ProcessingGroups.VIEWS);
        return Optional.ofNullable(agencies.find(Filters.eq("_id", id.toString())).first()).map(DirectoryProjection::agency);
    }

    /** The agencies of the given ids that are registered (no wait: for a page just read). */
    public Map<UUID, AgencySummary> agencies(Collection<UUID> ids) {
        Map<UUID, AgencySummary> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document d : agencies.find(Filters.in("_id", ids.stream().map(UUID::toString).distinct().toList()))) {
            AgencySummary agency = agency(d);
            found.put(agency.id(), agency);
        }
        return found;
    }

    /** Every service of an agency, withdrawn ones included, by name. */
    public List<DirectoryEntry> servicesOf(UUID agencyId) {
        catchUp.await(ProcessingGroups.VIEWS);
        List<DirectoryEntry> found = new ArrayList<>();
        for (Document d : services.find(Filters.eq("agencyId", agencyId.toString())).sort(Sorts.ascending("name", "_id"))) {
            found.add(entry(d));
        }
        return found;
    }

    private static <T> DirectoryPage<T> page(Iterable<Document> sorted, Predicate<Document> matches, long offset,
                                            int limit, java.util.function.Function<Document, T> view) {
        // The total needs every match counted; free text is matched here, as in search().
        List<T> items = new ArrayList<>();
        long total = 0;
        for (Document d : sorted) {
            if (!matches.test(d)) {
                continue;
            }
            if (total >= offset && items.size() < limit) {
                items.add(view.apply(d));
            }
            total++;
        }
        return new DirectoryPage<>(total, items);
    }

    private static Predicate<Document> containing(String text, String... fields) {
        if (text == null || text.isBlank()) {
            return d -> true;
        }
        String needle = text.toLowerCase(Locale.ROOT);
        return d -> {
            for (String field : fields) {
                String value = d.getString(field);
                if (value != null && value.toLowerCase(Locale.ROOT).contains(needle)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static DirectoryEntry entry(Document d) {
        Date modified = d.getDate("modifiedAt");
        return new DirectoryEntry(view(d), d.getBoolean("withdrawn", false),
                modified == null ? null : modified.toInstant());
    }

    private static AgencySummary agency(Document d) {
        Date modified = d.getDate("modifiedAt");
        String type = d.getString("organizerType");
        return new AgencySummary(UUID.fromString(d.getString("_id")), d.getString("name"),
                type == null ? null : OrganizerType.valueOf(type), d.getString("organizerName"),
                d.getString("municipality"), d.getList("servedMunicipalities", String.class),
                modified == null ? null : modified.toInstant());
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

    private static ServiceSummary view(Document d) {
        return new ServiceSummary(UUID.fromString(d.getString("_id")), UUID.fromString(d.getString("agencyId")),
                d.getString("agencyName"), d.getString("name"), ServiceKind.valueOf(d.getString("kind")),
                NeedLevel.valueOf(d.getString("needLevel")), d.getInteger("ageFromMonths"),
                d.getInteger("ageToMonths"), d.getList("municipalities", String.class),
                d.getList("languages", String.class), d.getString("description"), capacity(d));
    }

    private static Capacity capacity(Document d) {
        String status = d.getString("capacity");
        Date at = d.getDate("capacityAt");
        return new Capacity(status == null ? Capacity.initial(ServiceKind.valueOf(d.getString("kind")))
                : CapacityStatus.valueOf(status), d.getInteger("waitWeeks"), at == null ? null : at.toInstant());
    }
}
