package fi.perhekeskus.reporting.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fi.perhekeskus.infra.security.RegisteredAgencies;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which agencies are registered, as reporting learns it: {@code AgencyRegistered} on the referral
 * topic, kept by the {@link DirectoryProjection}. It lags referral-service by the projection's
 * delay. No event removes an agency, so one seen is remembered, also across a rebuild of the
 * directory projection.
 */
@Component
public class ProjectedRegisteredAgencies implements RegisteredAgencies {

    private final MongoCollection<Document> agencies;
    private final Set<UUID> known = ConcurrentHashMap.newKeySet();

    public ProjectedRegisteredAgencies(MongoDatabase readDatabase) {
        this.agencies = readDatabase.getCollection(DirectoryProjection.AGENCIES);
    }

    @Override
    public boolean isRegistered(UUID agencyId) {
        if (known.contains(agencyId)) {
            return true;
        }
        if (agencies.find(Filters.eq("_id", agencyId.toString())).limit(1).first() != null) {
            known.add(agencyId);
            return true;
        }
        return false;
    }
}
