package fi.perhekeskus.infra.local.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import fi.perhekeskus.infra.local.FreePorts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query read through the compound indexes returns exactly what the same query returns from a
 * collection without them (a scan), for random documents (numbers of several types, strings, dates,
 * nulls, missing fields, arrays) and random conjunctions of equalities, $in, ranges and other
 * predicates, sorted (totally, ending with the id), skipped and limited.
 */
class IndexPlanProperties {

    private static final List<Object> VALUES = List.of(0, 1, 2, 3L, 2.5, 1.0, "x", "y", "",
            new Date(1_700_000_000_000L), new Date(1_800_000_000_000L), true);
    private static final List<String> FIELDS = List.of("a", "b", "d", "tags", "u1", "u2");

    private static MongoServer server;
    private static MongoClient client;
    private static Path dir;

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("index-plans");
        server = new MongoServer(IndexedH2Backend.open(dir.resolve("plans.mv").toString()));
        int port = FreePorts.next();
        server.bind("127.0.0.1", port);
        client = MongoClients.create("mongodb://127.0.0.1:" + port);
    }

    @AfterContainer
    static void stop() throws Exception {
        client.close();
        server.shutdown();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 150)
    void anIndexedQueryReturnsWhatAScanReturns(@ForAll("documents") List<Document> documents,
                                               @ForAll("queries") List<Query> queries) {
        MongoDatabase db = client.getDatabase("plans");
        MongoCollection<Document> indexed = db.getCollection("indexed");
        MongoCollection<Document> scanned = db.getCollection("scanned");
        indexed.drop();
        scanned.drop();
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("a"), Indexes.descending("b")));
        indexed.createIndex(Indexes.ascending("b", "tags"));
        indexed.createIndex(Indexes.descending("d"));
        indexed.createIndex(Indexes.compoundIndex(Indexes.descending("u1"), Indexes.ascending("u2")),
                new IndexOptions().unique(true));
        if (!documents.isEmpty()) {
            indexed.insertMany(copies(documents));
            scanned.insertMany(copies(documents));
        }
        for (Query q : queries) {
            List<Document> viaIndex = q.run(indexed);
            List<Document> viaScan = q.run(scanned);
            if (q.sort == null) {
                assertThat(new HashSet<>(viaIndex)).as(q.toString()).isEqualTo(new HashSet<>(viaScan));
                assertThat(viaIndex).as(q.toString()).hasSameSizeAs(viaScan);
            } else {
                assertThat(viaIndex).as(q.toString()).isEqualTo(viaScan);
            }
        }
        // Updates move keys: the same queries after every document changed a field.
        for (Document d : documents) {
            Object id = d.get("_id");
            Bson change = com.mongodb.client.model.Updates.set("b", VALUES.get(Math.floorMod(id.hashCode(), VALUES.size())));
            indexed.updateOne(Filters.eq("_id", id), change);
            scanned.updateOne(Filters.eq("_id", id), change);
        }
        indexed.deleteMany(Filters.eq("a", 1));
        scanned.deleteMany(Filters.eq("a", 1));
        for (Query q : queries) {
            List<Document> viaIndex = q.run(indexed);
            List<Document> viaScan = q.run(scanned);
            if (q.sort == null) {
                assertThat(new HashSet<>(viaIndex)).as(q.toString()).isEqualTo(new HashSet<>(viaScan));
            } else {
                assertThat(viaIndex).as(q.toString()).isEqualTo(viaScan);
            }
        }
    }

    private static List<Document> copies(List<Document> documents) {
        return documents.stream().map(d -> Document.parse(d.toJson())).toList();
    }

    record Query(Bson filter, Bson sort, int skip, int limit) {
        List<Document> run(MongoCollection<Document> collection) {
            var find = collection.find(filter);
            if (sort != null) {
                find = find.sort(sort).skip(skip).limit(limit);
            }
            return find.into(new ArrayList<>());
        }

        @Override
        public String toString() {
            return "filter " + filter.toBsonDocument().toJson() + (sort == null ? ""
                    : " sort " + sort.toBsonDocument().toJson() + " skip " + skip + " limit " + limit);
        }
    }

    @Provide
    Arbitrary<List<Document>> documents() {
        Arbitrary<Optional<Object>> value = Arbitraries.of(VALUES).map(Optional::of)
                .injectNull(0.1).map(o -> o == null ? Optional.of(NULL) : o)
                .injectDuplicates(0.1);
        Arbitrary<Optional<Object>> maybe = Arbitraries.oneOf(value, Arbitraries.just(Optional.empty()));
        Arbitrary<Optional<Object>> tags = Arbitraries.oneOf(maybe,
                Arbitraries.of(VALUES).list().ofMaxSize(3).map(l -> Optional.of((Object) l)));
        return Combinators.combine(maybe, maybe, maybe, tags).as((a, b, d, t) -> {
            Document doc = new Document();
            put(doc, "a", a);
            put(doc, "b", b);
            put(doc, "d", d);
            put(doc, "tags", t);
            return doc;
        }).list().ofMaxSize(40).map(list -> {
            for (int i = 0; i < list.size(); i++) {
                list.get(i).append("_id", i).append("u1", i % 3).append("u2", i);
            }
            return list;
        });
    }

    private static final Object NULL = new Object();

    private static void put(Document doc, String field, Optional<Object> value) {
        value.ifPresent(v -> doc.append(field, v == NULL ? null : v));
    }

    @Provide
    Arbitrary<List<Query>> queries() {
        Arbitrary<Object> operand = Arbitraries.of(VALUES).injectNull(0.1);
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        Arbitrary<Bson> predicate = Combinators.combine(field, Arbitraries.integers().between(0, 9), operand,
                Arbitraries.of(VALUES).list().ofMinSize(1).ofMaxSize(3)).as((f, op, v, vs) -> switch (op) {
                    case 0, 1 -> Filters.eq(f, v);
                    case 2 -> Filters.in(f, vs);
                    case 3 -> Filters.gt(f, v);
                    case 4 -> Filters.gte(f, v);
                    case 5 -> Filters.lt(f, v);
                    case 6 -> Filters.lte(f, v);
                    case 7 -> Filters.exists(f, v != null);
                    case 8 -> Filters.ne(f, v);
                    default -> Filters.and(Filters.gte(f, v), Filters.lt(f, vs.get(0)));
                });
        Arbitrary<Bson> filter = predicate.list().ofMinSize(1).ofMaxSize(3)
                .map(ps -> ps.size() == 1 ? ps.get(0) : Filters.and(ps));
        Arbitrary<Bson> sort = Combinators.combine(
                Arbitraries.of("", "a", "b", "d", "u1", "u2", "tags").list().ofMaxSize(2).uniqueElements(),
                Arbitraries.integers().between(0, 7)).as((keys, signs) -> {
                    List<Bson> parts = new ArrayList<>();
                    int bit = 0;
                    for (String k : keys) {
                        if (!k.isEmpty()) {
                            parts.add((signs >> bit++ & 1) == 0 ? Sorts.ascending(k) : Sorts.descending(k));
                        }
                    }
                    parts.add((signs >> 2 & 1) == 0 ? Sorts.ascending("_id") : Sorts.descending("_id"));
                    return Sorts.orderBy(parts);
                });
        Arbitrary<Query> query = Combinators.combine(filter, sort.injectNull(0.3),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 10)).as(Query::new);
        return query.list().ofMinSize(1).ofMaxSize(6);
    }
}
