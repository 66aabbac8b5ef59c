package fi.perhekeskus.referral.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.referral.ReferralAccepted;
import fi.perhekeskus.contract.referral.ReferralCancelled;
import fi.perhekeskus.contract.referral.ReferralCompleted;
import fi.perhekeskus.contract.referral.ReferralDeclined;
import fi.perhekeskus.contract.referral.ReferralEscalated;
import fi.perhekeskus.contract.referral.ReferralHandoverMeetingHeld;
import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.contract.referral.ReferralPutOnHold;
import fi.perhekeskus.contract.referral.ReferralReceived;
import fi.perhekeskus.contract.referral.ReferralRedirected;
import fi.perhekeskus.contract.referral.ReferralResumed;
import fi.perhekeskus.contract.referral.ReferralStarted;
import fi.perhekeskus.contract.referral.ReferralStatus;
import fi.perhekeskus.infra.readmodel.BatchedDocuments;
import fi.perhekeskus.referral.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every referral with its whole history (who did what, when, and the status after it): the
 * sender's outbox and the receiver's inbox. Every free text (reason, legal basis, responsible worker,
 * decline reason, redirect and completion notes, cancel and hold reasons, hand-over notes) stays
 * sealed here; ReferralReader opens it for the parties.
 */
@Component
@ProcessingGroup(ProcessingGroups.VIEWS)
public class ReferralProjection {

    public enum Direction { INCOMING, OUTGOING }

    private final MongoCollection<Document> referrals;

    public ReferralProjection(MongoDatabase readDatabase) {
        this.referrals = readDatabase.getCollection("referrals");
        // Inbox and outbox pages, newest first, with and without a status; the FHIR search by owner.
        referrals.createIndex(Indexes.ascending("senderAgencyId", "madeAt"));
        referrals.createIndex(Indexes.ascending("receiverAgencyId", "madeAt"));
        referrals.createIndex(Indexes.ascending("senderAgencyId", "status", "madeAt"));
        referrals.createIndex(Indexes.ascending("receiverAgencyId", "status", "madeAt"));
        referrals.createIndex(Indexes.ascending("receiverAgencyId", "senderAgencyId", "madeAt"));
    }

    @EventHandler
    void on(ReferralMade e, @SequenceNumber long seq) {
        apply(e.referralId(), seq, ReferralStatus.REQUESTED, e.madeBy(), e.senderAgencyId(), e.madeAt(),
                "MADE", Updates.combine(
                        Updates.set("familyId", e.familyId().toString()),
                        Updates.set("serviceId", e.serviceId().toString()),
                        Updates.set("senderAgencyId", e.senderAgencyId().toString()),
                        Updates.set("receiverAgencyId", e.receiverAgencyId().toString()),
                        Updates.set("municipality", e.municipality()),
                        Updates.set("needLevel", e.needLevel().name()),
                        Updates.set("priority", e.priority().name()),
                        Updates.set("reason", e.reason().ciphertext()),
                        Updates.set("consentId", e.consentId() == null ? null : e.consentId().toString()),
                        Updates.set("legalBasis", ciphertext(e.legalBasis())),
                        Updates.set("redirectedFrom", e.redirectedFrom() == null ? null : e.redirectedFrom().toString()),
                        Updates.set("redirectedByAgencyId", e.redirectedByAgencyId() == null ? null
                                : e.redirectedByAgencyId().toString()),
                        Updates.set("madeAt", Date.from(e.madeAt()))), null);
    }

    @EventHandler
    void on(ReferralReceived e, @SequenceNumber long seq) {
        apply(e.referralId(), seq, ReferralStatus.RECEIVED, e.receivedBy(), e.receiverAgencyId(), e.receivedAt(),
                "RECEIVED", null, null);
    }

    @EventHandler
    void on(ReferralAccepted e, @SequenceNumber long seq) {
        apply(e.referralId(), seq, ReferralStatus.ACCEPTED, e.acceptedBy(), e.receiverAgencyId(), e.acceptedAt(),
                "ACCEPTED", Updates.combine(
                        Updates.set("responsibleWorker", ciphertext(e.responsibleWorker())),
                        Updates.set("firstContactOn", e.firstContactOn() == null ? null : e.firstContactOn().toString())),
                // The history is read without opening anything: it says that a worker was named, not who.
                e.responsibleWorker() == null ? null : "responsible worker named");
    }

    @EventHandler
    void on(ReferralDeclined e, @SequenceNumber long seq) {
        apply(e.referralId(), seq, ReferralStatus.DECLINED, e.declinedBy(), null, e.declinedAt(), "DECLINED",
                Updates.set("declineReason", e.reason().ciphertext()), null);
    }

    @EventHandler
    void on(ReferralRedirected e, @SequenceNumber long seq) {
        apply(e.referralId(), seq, ReferralStatus.REDIRECTED, e.redirectedBy(), null, e.redirectedAt(), "REDIRECTED",
                Updates.combine(Updates.set("redirectedTo", e.newReferralId().toString()),
                        Updates.set("redirectNote", ciphertext(e.note()))),
                "redirected to referral " + e.newReferralId());
    }

    @EventHandler
    void on(ReferralPutOnHold e, @SequenceNumber long seq) {
        apply(e.referralId(), seq, ReferralStatus.ON_HOLD, e.heldBy(), null, e.heldAt(), "ON_HOLD",
                Updates.set("onHoldReason", e.reason().ciphertext()), "held in " + e.heldIn());
    }

    @EventHandler
    void on(ReferralResumed e, @SequenceNumber long seq) {
        // The reason is of the hold that ended; the history keeps that there was one.
        apply(e.referralId(), seq, e.resumedTo(), e.resumedBy(), null, e.resumedAt(), "RESUMED",
                Updates.set("onHoldReason", null), null);
    }

    @EventHandler
    void on(ReferralHandoverMeetingHeld e, @SequenceNumber long seq) {
        Document meeting = new Document("meetingId", e.meetingId().toString())
                .append("heldOn", e.heldOn().toString())
                .append("familyPresent", e.familyPresent())
                .append("recordedByAgencyId", e.recordedByAgencyId().toString());
        if (e.note() != null) {
            meeting.append("note", e.note().ciphertext());
        }
        apply(e.referralId(), seq, null, e.recordedBy(), e.recordedByAgencyId(), e.recordedAt(), "HANDOVER_MEETING",
                Updates.push("handoverMeetings", meeting),
                "held on " + e.heldOn() + (e.familyPresent() ? ", family present" : ", family not present"));
    }

    @EventHandler
    void on(ReferralStarted e, @SequenceNumber long seq) {
        apply(e.referralId(), seq, ReferralStatus.IN_PROGRESS, e.startedBy(), null, e.startedAt(), "STARTED", null, null);
    }

    @EventHandler
    void on(ReferralCompleted e, @SequenceNumber long seq) {
        apply(e.referralId(), seq, ReferralStatus.COMPLETED, e.completedBy(), null, e.completedAt(), "COMPLETED",
                Updates.combine(Updates.set("outcome", e.outcome().name()),
                        Updates.set("completionNote", ciphertext(e.note()))), "outcome " + e.outcome());
    }

    @EventHandler
    void on(ReferralCancelled e, @SequenceNumber long seq) {
        apply(e.referralId(), seq, ReferralStatus.CANCELLED, e.cancelledBy(), null, e.cancelledAt(), "CANCELLED",
                Updates.set("cancelReason", ciphertext(e.reason())), null);
    }

    @EventHandler
    void on(ReferralEscalated e, @SequenceNumber long seq) {
        apply(e.referralId(), seq, null, null, null, e.escalatedAt(), "ESCALATED",
                Updates.push("escalations", e.stage().name()), e.stage().name());
    }

    @ResetHandler
    void reset() {
        referrals.deleteMany(new Document());
    }

    public Optional<Document> referral(UUID id) {
        return Optional.ofNullable(referrals.find(Filters.eq("_id", id.toString())).first());
    }

    public List<Document> list(UUID agencyId, Direction direction, ReferralStatus status, int limit, int offset) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq(direction == Direction.INCOMING ? "receiverAgencyId" : "senderAgencyId",
                agencyId.toString()));
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        return referrals.find(Filters.and(filters)).sort(Sorts.descending("madeAt")).skip(offset).limit(limit)
                .into(new ArrayList<>());
    }

    /**
     * Referrals to {@code receiverAgencyId}, newest first; when {@code senderAgencyId} is given, only
     * those it sent (the FHIR search by owner, for a requester).
     */
    public List<Document> toReceiver(UUID receiverAgencyId, UUID senderAgencyId, int limit, int offset) {
        Bson filter = Filters.eq("receiverAgencyId", receiverAgencyId.toString());
        if (senderAgencyId != null) {
            filter = Filters.and(filter, Filters.eq("senderAgencyId", senderAgencyId.toString()));
        }
        return referrals.find(filter).sort(Sorts.descending("madeAt")).skip(offset).limit(limit)
                .into(new ArrayList<>());
    }

    private static String ciphertext(Sealed value) {
        return value == null ? null : value.ciphertext();
    }

    private void apply(UUID referralId, long seq, ReferralStatus status, String by, UUID agencyId, Instant at,
                       String step, Bson fields, String detail) {
        Document entry = new Document("step", step).append("at", Date.from(at)).append("by", by);
        if (agencyId != null) {
            entry.append("agencyId", agencyId.toString());
        }
        if (status != null) {
            entry.append("status", status.name());
        }
        if (detail != null) {
            entry.append("detail", detail);
        }
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.push("history", entry));
        updates.add(Updates.set("updatedAt", Date.from(at)));
        if (status != null) {
            updates.add(Updates.set("status", status.name()));
        }
        if (fields != null) {
            updates.add(fields);
        }
        BatchedDocuments.apply(referrals, referralId.toString(), seq, Updates.combine(updates));
    }
}
