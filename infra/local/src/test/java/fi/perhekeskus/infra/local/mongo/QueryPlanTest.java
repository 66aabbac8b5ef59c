package fi.perhekeskus.infra.local.mongo;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which index a query reads, how far, and whether it may stop at its limit: the inbox, outbox and report shapes. */
class QueryPlanTest {

    private final MVStore store = new MVStore.Builder().open();
    private final SecondaryIndex byReceiver = index("receiver", new IndexKey("receiverAgencyId", true),
            new IndexKey("madeAt", true));
    private final SecondaryIndex byReceiverStatus = index("receiverStatus", new IndexKey("receiverAgencyId", true),
            new IndexKey("status", true), new IndexKey("madeAt", false));

    QueryPlanTest() {
        for (int i = 0; i < 30; i++) {
            Document d = new Document("_id", "r" + i).append("receiverAgencyId", i % 3 == 0 ? "A" : "B")
                    .append("status", i % 2 == 0 ? "REQUESTED" : "ACCEPTED")
                    .append("madeAt", Instant.ofEpochSecond(1_000 + i));
            byReceiver.add(d, d.get("_id"), null);
            byReceiverStatus.add(d, d.get("_id"), null);
        }
    }

    @Test
    void theInboxPageReadsOneAgencysKeysNewestFirstInIndexOrder() {
        QueryPlan plan = QueryPlan.best(List.of(byReceiver, byReceiverStatus),
                new Document("receiverAgencyId", "A"), new Document("madeAt", -1));
        assertThat(plan).isNotNull();
        assertThat(plan.index()).isSameAs(byReceiver);
        assertThat(plan.yieldsRequestedOrder()).isTrue();
        assertThat(drain(plan.positions())).containsExactly("r27", "r24", "r21", "r18", "r15", "r12", "r9", "r6", "r3", "r0");
    }

    @Test
    void aStatusFilterPrefersTheIndexThatBindsItAndReadsItsDescendingKeyForwards() {
        Document query = new Document("$and", List.of(new Document("receiverAgencyId", "A"),
                new Document("status", "ACCEPTED")));
        QueryPlan plan = QueryPlan.best(List.of(byReceiver, byReceiverStatus), query, new Document("madeAt", -1));
        assertThat(plan.index()).isSameAs(byReceiverStatus);
        assertThat(plan.yieldsRequestedOrder()).isTrue();
        assertThat(drain(plan.positions())).containsExactly("r27", "r21", "r15", "r9", "r3");
    }

    @Test
    void aRangeOnTheNextKeyIsReadBetweenItsBounds() {
        Document query = new Document("receiverAgencyId", "B")
                .append("madeAt", new Document("$gte", Instant.ofEpochSecond(1_010)).append("$lt", Instant.ofEpochSecond(1_014)));
        QueryPlan plan = QueryPlan.best(List.of(byReceiver), query, null);
        // Bounds are read inclusively; the query filter drops 1014 afterwards.
        assertThat(drain(plan.positions())).containsExactly("r10", "r11", "r13", "r14");
    }

    @Test
    void aSortTheIndexCannotGiveIsLeftToTheEngineAndNoBoundMeansNoPlan() {
        QueryPlan plan = QueryPlan.best(List.of(byReceiver), new Document("receiverAgencyId", "A"),
                new Document("status", 1));
        assertThat(plan.yieldsRequestedOrder()).isFalse();
        assertThat(QueryPlan.best(List.of(byReceiver), new Document("status", "ACCEPTED"), null)).isNull();
        assertThat(QueryPlan.best(List.of(byReceiver), new Document("receiverAgencyId",
                new Document("$exists", true)), null)).isNull();
    }

    @Test
    void anArrayFieldMakesTheIndexMultikeyAndItStopsServingSorts() {
        SecondaryIndex byTag = index("tags", new IndexKey("tags", true));
        byTag.add(new Document("_id", 1).append("tags", List.of("x", "y")), 1, null);
        byTag.add(new Document("_id", 2).append("tags", List.of()), 2, null);
        QueryPlan plan = QueryPlan.best(List.of(byTag), new Document("tags", new Document("$in", List.of("x", "y"))),
                new Document("tags", 1));
        assertThat(plan.yieldsRequestedOrder()).isFalse();
        assertThat(drain(plan.positions())).containsExactly(1);
        // The empty array is kept under null, so that a scan over other keys would still find it.
        assertThat(drain(QueryPlan.best(List.of(byTag), new Document("tags", null), null).positions())).containsExactly(2);
    }

    private SecondaryIndex index(String name, IndexKey... keys) {
        List<IndexKey> list = List.of(keys);
        MVMap<KeyValue, Boolean> map = store.openMap(name,
                new MVMap.Builder<KeyValue, Boolean>().keyType(KeyValueType.ordered(SecondaryIndex.storedOrder(list))));
        return new SecondaryIndex(map, store.openMap("meta"), name, list, false);
    }

    private static List<Object> drain(Iterator<Object> positions) {
        List<Object> all = new ArrayList<>();
        positions.forEachRemaining(all::add);
        return all;
    }
}
