package fi.perhekeskus.infra.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Heartbeats in the read store, for a service whose tokens are there (reporting-service's
 * {@code MongoTokenStore}): one document per processor and owner in {@value #COLLECTION}. They age
 * by the instances' clocks, which must agree to well within the freshness window.
 */
public class MongoProcessorInstances implements ProcessorInstances {

    public static final String COLLECTION = "processor_instances";

    private final MongoCollection<Document> instances;
    private final Clock clock;

    public MongoProcessorInstances(MongoDatabase database, Clock clock) {
        this.instances = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public void beat(String owner, Collection<String> processors) {
        long now = clock.millis();
        for (String processor : processors) {
            String id = processor + "\n" + owner;
            instances.replaceOne(Filters.eq("_id", id),
                    new Document("_id", id).append("processor", processor).append("owner", owner).append("lastSeen", now),
                    new ReplaceOptions().upsert(true));
        }
        for (Document gone : instances.find(Filters.eq("owner", owner))) {
            if (!processors.contains(gone.getString("processor"))) {
                instances.deleteOne(Filters.eq("_id", gone.get("_id")));
            }
        }
    }

    @Override
    public Map<String, Set<String>> live(Duration freshFor) {
        long since = clock.millis() - freshFor.toMillis();
        Map<String, Set<String>> live = new HashMap<>();
        for (Document instance : instances.find()) {
            Number seen = instance.get("lastSeen", Number.class);
            if (seen != null && seen.longValue() > since) {
                live.computeIfAbsent(instance.getString("processor"), k -> new HashSet<>()).add(instance.getString("owner"));
            }
        }
        return live;
    }

    @Override
    public void leave(String owner) {
        instances.deleteMany(Filters.eq("owner", owner));
    }
}
