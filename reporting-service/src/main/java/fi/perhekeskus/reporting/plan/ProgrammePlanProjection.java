package fi.perhekeskus.reporting.plan;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import fi.perhekeskus.contract.programme.ProgrammesPlanned;
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

/**
 * The year's plan of each group service (meeting-service's {@link ProgrammesPlanned}: one plan per
 * service and year, its id derived from both), which the scorecard sets the programmes scheduled and
 * held against. Guarded by the plan's event sequence.
 */
@Component
@ProcessingGroup(ProcessingGroups.PLANS)
public class ProgrammePlanProjection {

    static final String COLLECTION = "report_programme_plans";

    private final MongoCollection<Document> plans;

    public ProgrammePlanProjection(MongoDatabase readDatabase) {
        this.plans = readDatabase.getCollection(COLLECTION);
        plans.createIndex(Indexes.ascending("year"));
    }

    @EventHandler
    void on(ProgrammesPlanned e, @SequenceNumber long seq) {
        BatchedDocuments.apply(plans, e.planId().toString(), seq, Updates.combine(
                Updates.set("serviceId", e.serviceId().toString()),
                Updates.set("year", e.year()),
                Updates.set("plannedSeries", e.plannedSeries()),
                Updates.set("plannedFamiliesPerSeries", e.plannedFamiliesPerSeries())));
    }

    @ResetHandler
    void reset() {
        plans.deleteMany(new Document());
    }

    /** The plans of a year. */
    public List<ServicePlan> ofYear(int year) {
        List<ServicePlan> found = new ArrayList<>();
        for (Document d : plans.find(Filters.eq("year", year))) {
            found.add(new ServicePlan(UUID.fromString(d.getString("serviceId")), d.getInteger("year"),
                    d.getInteger("plannedSeries", 0), d.getInteger("plannedFamiliesPerSeries", 0)));
        }
        return found;
    }

    /** A service's plan for a year. */
    public record ServicePlan(UUID serviceId, int year, int plannedSeries, int plannedFamiliesPerSeries) {
    }
}
