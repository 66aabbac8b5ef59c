package fi.perhekeskus.reporting.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.referral.EscalationStage;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralAccepted;
import fi.perhekeskus.contract.referral.ReferralCancelled;
import fi.perhekeskus.contract.referral.ReferralCompleted;
import fi.perhekeskus.contract.referral.ReferralDeclined;
import fi.perhekeskus.contract.referral.ReferralEscalated;
import fi.perhekeskus.contract.referral.ReferralHandoverMeetingHeld;
import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.contract.referral.ReferralPutOnHold;
import fi.perhekeskus.contract.referral.ReferralReceived;
import fi.perhekeskus.contract.referral.ReferralRedirected;
import fi.perhekeskus.contract.referral.ReferralResumed;
import fi.perhekeskus.contract.referral.ReferralStarted;
import fi.perhekeskus.contract.referral.ReferralStatus;
import fi.perhekeskus.reporting.ProcessingGroups;
import fi.perhekeskus.reporting.ReportingServiceIT;
import fi.perhekeskus.reporting.rebuild.ProjectionRebuild;
import fi.perhekeskus.reporting.support.EventPublisher;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild of the referral flow from offset 0 gives the live run's documents, field for field:
 * every kind of step, arrays in event order, redelivered events refused once more, referrals whose
 * events interleave with each other's (so that a referral's events span batches), and the indexes
 * the report reads are there again afterwards.
 */
@ReportingServiceIT
class ReferralFlowRebuildIT {

    private static final int REFERRALS = 60;

    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    MongoDatabase readDatabase;
    @Autowired
    ProjectionRebuild rebuild;

    @Test
    void aRebuildFromOffsetZeroGivesTheLiveDocumentsFieldForField() {
        String municipality = "Rebuild-" + UUID.randomUUID();
        Instant t0 = Instant.parse("2025-05-05T08:00:00Z").truncatedTo(ChronoUnit.MILLIS);
        List<UUID> referrals = new ArrayList<>();
        for (int i = 0; i < REFERRALS; i++) {
            referrals.add(UUID.randomUUID());
        }
        List<UUID> redirectedTo = new ArrayList<>();
        try (EventPublisher events = new EventPublisher(objectMapper)) {
            for (int i = 0; i < REFERRALS; i++) {
                UUID referral = referrals.get(i);
                Instant made = t0.plus(i, ChronoUnit.HOURS);
                events.publish(referral, made(referral, municipality, i % 3 == 0 ? NeedLevel.RED : NeedLevel.YELLOW,
                        null, made), made);
            }
            // Step by step across all referrals: a referral's events lie far apart on the topic.
            for (int step = 0; step < 7; step++) {
                for (int i = 0; i < REFERRALS; i++) {
                    UUID referral = referrals.get(i);
                    Instant at = t0.plus(i, ChronoUnit.HOURS).plus(step + 1, ChronoUnit.DAYS);
                    publishStep(events, referral, i, step, at, municipality, redirectedTo);
                }
            }
        }
        List<UUID> all = new ArrayList<>(referrals);
        all.addAll(redirectedTo);
        MongoCollection<Document> view = readDatabase.getCollection(ReferralFlowProjection.COLLECTION);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Document> live = documents(view, all);
            assertThat(live).hasSize(all.size());
            // The last step of each kind of flow has been applied.
            assertThat(live).filteredOn(d -> "COMPLETED".equals(d.getString("status"))).hasSize(REFERRALS / 6 * 2);
            assertThat(live).filteredOn(d -> d.get("escalations") != null).allSatisfy(d ->
                    assertThat(d.getList("escalations", String.class)).containsExactly("NOT_RECEIVED", "NOT_DECIDED"));
        });
        List<Document> live = documents(view, all);
        assertThat(live).filteredOn(d -> "REDIRECTED".equals(d.getString("status"))).isNotEmpty();
        assertThat(live).filteredOn(d -> Boolean.TRUE.equals(d.getBoolean("redirected"))).hasSize(redirectedTo.size());
        assertThat(live).filteredOn(d -> d.get("heldAt") != null && d.get("handoverAt") != null).isNotEmpty();

        rebuild.rebuild(ProcessingGroups.REFERRAL_FLOW);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(rebuild.progress(ProcessingGroups.REFERRAL_FLOW).percent()).isEqualTo(100L);
            assertThat(documents(view, all)).isEqualTo(live);
        });
        List<String> indexes = view.listIndexes().map(i -> i.getString("name")).into(new ArrayList<>());
        assertThat(indexes).contains("madeAt_1", "municipality_1_madeAt_1");
    }

    /**
     * Six kinds of flow by {@code i % 6}: completed after a hold and a hand-over, completed with
     * escalations, declined, redirected (with the new referral made), cancelled, still in progress.
     * Some steps are sent twice, as a producer retrying would.
     */
    private static void publishStep(EventPublisher events, UUID referral, int i, int step, Instant at,
                                    String municipality, List<UUID> redirectedTo) {
        int kind = i % 6;
        UUID agency = UUID.randomUUID();
        ProducerRecord<String, byte[]> sent = switch (step) {
            case 0 -> kind == 1
                    ? events.publish(referral, new ReferralEscalated(referral, EscalationStage.NOT_RECEIVED, at, at), at)
                    : events.publish(referral, new ReferralReceived(referral, agency, "w", at), at);
            case 1 -> switch (kind) {
                case 1 -> events.publish(referral, new ReferralReceived(referral, agency, "w", at), at);
                case 2 -> events.publish(referral, new ReferralDeclined(referral, new Sealed("v1.eA"), "w", at), at);
                case 3 -> {
                    UUID next = UUID.randomUUID();
                    redirectedTo.add(next);
                    ProducerRecord<String, byte[]> redirected = events.publish(referral, new ReferralRedirected(referral,
                            next, UUID.randomUUID(), UUID.randomUUID(), null, "w", at), at);
                    events.publish(next, made(next, municipality, NeedLevel.YELLOW, referral, at), at);
                    yield redirected;
                }
                case 4 -> events.publish(referral, new ReferralCancelled(referral, new Sealed("v1.eA"), "w", at), at);
                default -> events.publish(referral, new ReferralAccepted(referral, UUID.randomUUID(), UUID.randomUUID(),
                        agency, null, null, "w", at), at);
            };
            case 2 -> switch (kind) {
                case 0 -> events.publish(referral, new ReferralHandoverMeetingHeld(referral, UUID.randomUUID(),
                        LocalDate.of(2025, 5, 10), true, new Sealed("v1.eA"), UUID.randomUUID(), "w", at), at);
                case 1 -> events.publish(referral, new ReferralEscalated(referral, EscalationStage.NOT_DECIDED, at, at), at);
                default -> null;
            };
            case 3 -> kind == 0 || kind == 1 || kind == 5
                    ? kind == 1
                    ? events.publish(referral, new ReferralAccepted(referral, UUID.randomUUID(), UUID.randomUUID(),
                            agency, null, null, "w", at), at)
                    : events.publish(referral, new ReferralStarted(referral, "w", at), at)
                    : null;
            case 4 -> switch (kind) {
                case 0 -> events.publish(referral, new ReferralPutOnHold(referral, ReferralStatus.IN_PROGRESS,
                        new Sealed("v1.eA"), "w", at), at);
                case 1 -> events.publish(referral, new ReferralStarted(referral, "w", at), at);
                default -> null;
            };
            case 5 -> kind == 0
                    ? events.publish(referral, new ReferralResumed(referral, ReferralStatus.IN_PROGRESS, "w", at), at)
                    : null;
            default -> kind == 0 || kind == 1
                    ? events.publish(referral, new ReferralCompleted(referral,
                            kind == 0 ? ReferralOutcome.GOAL_MET : ReferralOutcome.NOT_MET, null, "w", at), at)
                    : null;
        };
        if (sent != null && (i + step) % 3 == 0) {
            events.send(sent);
        }
    }

    private static ReferralMade made(UUID referral, String municipality, NeedLevel need, UUID redirectedFrom, Instant at) {
        return new ReferralMade(referral, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                municipality, need, Priority.ROUTINE, new Sealed("v1.eA"), UUID.randomUUID(), null, redirectedFrom, null,
                "w", at);
    }

    private static List<Document> documents(MongoCollection<Document> view, List<UUID> ids) {
        return view.find(Filters.in("_id", ids.stream().map(UUID::toString).toList())).sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }
}
