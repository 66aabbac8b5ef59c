package fi.perhekeskus.reporting.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
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
import fi.perhekeskus.infra.readmodel.BatchedDocuments;
import fi.perhekeskus.reporting.ProcessingGroups;
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

/**
 * One document per referral with the times of its steps: the report counts and medians are folded
 * from these at query time, so a redelivered event (refused by the sequence guard) can never count
 * twice and the projection rebuilds to the same documents. No family ids: reports need none.
 */
@Component
@ProcessingGroup(ProcessingGroups.REFERRAL_FLOW)
public class ReferralFlowProjection {

    static final String COLLECTION = "report_referrals";

    private final MongoCollection<Document> referrals;

    public ReferralFlowProjection(MongoDatabase readDatabase) {
        this.referrals = readDatabase.getCollection(COLLECTION);
        createIndexes();
    }

    private void createIndexes() {
        // The report reads a period's referrals, in one municipality or all.
        referrals.createIndex(Indexes.ascending("madeAt"));
        referrals.createIndex(Indexes.ascending("municipality", "madeAt"));
    }

    @EventHandler
    void on(ReferralMade e, @SequenceNumber long seq) {
        apply(e.referralId().toString(), seq, Updates.combine(
                Updates.set("senderAgencyId", e.senderAgencyId().toString()),
                Updates.set("receiverAgencyId", e.receiverAgencyId().toString()),
                Updates.set("serviceId", e.serviceId().toString()),
                Updates.set("municipality", e.municipality()),
                Updates.set("needLevel", e.needLevel().name()),
                Updates.set("priority", e.priority().name()),
                Updates.set("redirected", e.redirectedFrom() != null),
                Updates.set("madeAt", date(e.madeAt())),
                Updates.set("status", "REQUESTED")));
    }

    @EventHandler
    void on(ReferralReceived e, @SequenceNumber long seq) {
        step(e.referralId().toString(), seq, "RECEIVED", "receivedAt", e.receivedAt());
    }

    @EventHandler
    void on(ReferralAccepted e, @SequenceNumber long seq) {
        step(e.referralId().toString(), seq, "ACCEPTED", "acceptedAt", e.acceptedAt());
    }

    @EventHandler
    void on(ReferralDeclined e, @SequenceNumber long seq) {
        step(e.referralId().toString(), seq, "DECLINED", "declinedAt", e.declinedAt());
    }

    @EventHandler
    void on(ReferralRedirected e, @SequenceNumber long seq) {
        step(e.referralId().toString(), seq, "REDIRECTED", "redirectedAt", e.redirectedAt());
    }

    @EventHandler
    void on(ReferralStarted e, @SequenceNumber long seq) {
        step(e.referralId().toString(), seq, "IN_PROGRESS", "startedAt", e.startedAt());
    }

    @EventHandler
    void on(ReferralCompleted e, @SequenceNumber long seq) {
        apply(e.referralId().toString(), seq, Updates.combine(Updates.set("status", "COMPLETED"),
                Updates.set("completedAt", date(e.completedAt())), Updates.set("outcome", e.outcome().name())));
    }

    @EventHandler
    void on(ReferralCancelled e, @SequenceNumber long seq) {
        step(e.referralId().toString(), seq, "CANCELLED", "cancelledAt", e.cancelledAt());
    }

    /** {@code heldAt}: the referral was put on hold at least once (the last hold's time). */
    @EventHandler
    void on(ReferralPutOnHold e, @SequenceNumber long seq) {
        step(e.referralId().toString(), seq, "ON_HOLD", "heldAt", e.heldAt());
    }

    @EventHandler
    void on(ReferralResumed e, @SequenceNumber long seq) {
        apply(e.referralId().toString(), seq, Updates.set("status", e.resumedTo().name()));
    }

    /** {@code handoverAt}: the referral had a warm hand-over meeting (the last one's time); no note, no family. */
    @EventHandler
    void on(ReferralHandoverMeetingHeld e, @SequenceNumber long seq) {
        apply(e.referralId().toString(), seq, Updates.set("handoverAt", date(e.recordedAt())));
    }

    @EventHandler
    void on(ReferralEscalated e, @SequenceNumber long seq) {
        apply(e.referralId().toString(), seq, Updates.push("escalations", e.stage().name()));
    }

    /**
     * Before a rebuild: the collection is dropped and created again with its indexes, instead of
     * deleting every document (which updates every index once per document, inside the rebuild);
     * its documents are then inserted without a lookup each batch ({@link BatchedDocuments#rebuilding}).
     */
    @ResetHandler
    void reset() {
        referrals.drop();
        createIndexes();
        BatchedDocuments.rebuilding(referrals);
    }

    /** Referrals made in the period (and municipality, when given). */
    public List<Document> made(String municipality, Instant from, Instant to) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.exists("madeAt"));
        if (municipality != null) {
            filters.add(Filters.eq("municipality", municipality));
        }
        if (from != null) {
            filters.add(Filters.gte("madeAt", date(from)));
        }
        if (to != null) {
            filters.add(Filters.lt("madeAt", date(to)));
        }
        return referrals.find(Filters.and(filters)).into(new ArrayList<>());
    }

    private void step(String id, long seq, String status, String field, Instant at) {
        apply(id, seq, Updates.combine(Updates.set("status", status), Updates.set(field, date(at))));
    }

    private void apply(String id, long seq, Bson update) {
        BatchedDocuments.apply(referrals, id, seq, update);
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
