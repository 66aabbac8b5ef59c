package fi.perhekeskus.referral.family;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import fi.perhekeskus.contract.family.ConsentGiven;
import fi.perhekeskus.contract.family.ConsentWithdrawn;
import fi.perhekeskus.contract.family.FamilyDetailsChanged;
import fi.perhekeskus.contract.family.FamilyErased;
import fi.perhekeskus.contract.family.FamilyMemberAdded;
import fi.perhekeskus.contract.family.FamilyRegistered;
import fi.perhekeskus.contract.family.ResponsibleWorkerAssigned;
import org.bson.conversions.Bson;
import fi.perhekeskus.infra.readmodel.BatchedDocuments;
import fi.perhekeskus.referral.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The family's own view: the only projection that holds its (sealed) personal data. On erasure the
 * sealed values are dropped too, although without the key they could no longer be opened.
 */
@Component
@ProcessingGroup(ProcessingGroups.VIEWS)
public class FamilyProjection {

    private final MongoCollection<Document> families;

    public FamilyProjection(MongoDatabase readDatabase) {
        this.families = readDatabase.getCollection("families");
    }

    @EventHandler
    void on(FamilyRegistered event, @SequenceNumber long sequence) {
        List<Document> members = event.members().stream()
                .map(m -> new Document("memberId", m.memberId().toString()).append("role", m.role().name())
                        .append("personalData", m.personalData().ciphertext()))
                .toList();
        BatchedDocuments.apply(families, event.familyId().toString(), sequence, Updates.combine(
                Updates.set("municipality", event.municipality()),
                Updates.set("languages", event.languages()),
                Updates.set("registeringAgencyId", event.registeredByAgencyId().toString()),
                Updates.set("members", members),
                Updates.set("consents", new Document()),
                Updates.set("erased", false)));
    }

    @EventHandler
    void on(ConsentGiven event, @SequenceNumber long sequence) {
        Document consent = new Document("agencyIds", event.agencyIds().stream().map(UUID::toString).toList())
                .append("purpose", event.purpose().ciphertext())
                .append("givenBy", event.givenBy() == null ? null : event.givenBy().ciphertext())
                .append("validUntil", event.validUntil().toString())
                .append("withdrawn", false);
        BatchedDocuments.apply(families, event.familyId().toString(), sequence,
                Updates.set("consents." + event.consentId(), consent));
    }

    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long sequence) {
        BatchedDocuments.apply(families, event.familyId().toString(), sequence,
                Updates.set("consents." + event.consentId() + ".withdrawn", true));
    }

    @EventHandler
    void on(FamilyMemberAdded event, @SequenceNumber long sequence) {
        BatchedDocuments.apply(families, event.familyId().toString(), sequence, Updates.push("members",
                new Document("memberId", event.memberId().toString()).append("role", event.role().name())
                        .append("personalData", event.personalData().ciphertext())));
    }

    @EventHandler
    void on(FamilyDetailsChanged event, @SequenceNumber long sequence) {
        List<Bson> changes = new ArrayList<>();
        if (event.municipality() != null) {
            changes.add(Updates.set("municipality", event.municipality()));
        }
        if (event.languages() != null) {
            changes.add(Updates.set("languages", event.languages()));
        }
        if (event.contact() != null) {
            changes.add(Updates.set("contact", event.contact().ciphertext()));
        }
        if (!changes.isEmpty()) {
            BatchedDocuments.apply(families, event.familyId().toString(), sequence, Updates.combine(changes));
        }
    }

    /** The history of responsible workers, oldest first; each one's time ends where the next one's begins. */
    @EventHandler
    void on(ResponsibleWorkerAssigned event, @SequenceNumber long sequence) {
        BatchedDocuments.apply(families, event.familyId().toString(), sequence, Updates.push("responsibleWorkers",
                new Document("agencyId", event.agencyId().toString()).append("worker", event.worker().ciphertext())
                        .append("since", event.assignedAt().toString())));
    }

    @EventHandler
    void on(FamilyErased event, @SequenceNumber long sequence) {
        // Roles stay (the family's history keeps its shape); the sealed values go.
        List<Document> skeleton = family(event.familyId()).map(f -> f.getList("members", Document.class, List.of()))
                .orElse(List.of()).stream()
                .map(m -> new Document("memberId", m.getString("memberId")).append("role", m.getString("role")))
                .toList();
        // The responsible workers' agencies and dates stay; who they were goes with the key.
        List<Document> workers = family(event.familyId())
                .map(f -> f.getList("responsibleWorkers", Document.class, List.of())).orElse(List.of()).stream()
                .map(w -> new Document("agencyId", w.getString("agencyId")).append("since", w.getString("since")))
                .toList();
        BatchedDocuments.apply(families, event.familyId().toString(), sequence, Updates.combine(
                Updates.set("erased", true),
                Updates.set("members", skeleton),
                Updates.set("responsibleWorkers", workers),
                Updates.set("contact", null),
                Updates.set("consents", new Document())));
    }

    @ResetHandler
    void reset() {
        families.deleteMany(new Document());
    }

    public Optional<Document> family(UUID familyId) {
        return Optional.ofNullable(families.find(Filters.eq("_id", familyId.toString())).first());
    }
}
