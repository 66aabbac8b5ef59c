package fi.perhekeskus.infra.local.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import fi.perhekeskus.infra.local.FreePorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local read store's backend over a real wire connection: lookups, uniqueness, restarts, older files. */
class IndexedH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void findsDocumentsByIdAmongManyAndRefusesDuplicates() {
        withServer(IndexedH2Backend::open, docs -> {
            docs.insertMany(numbered(0, 2_000));
            assertThat(docs.find(Filters.eq("_id", "doc-1234")).first()).containsEntry("n", 1234);
            assertThat(docs.find(Filters.in("_id", List.of("doc-7", "doc-1999", "missing"))).into(new ArrayList<>()))
                    .extracting(d -> d.getInteger("n")).containsExactlyInAnyOrder(7, 1999);
            // Ids order as strings: only these four sort before "doc-1000".
            assertThat(docs.find(Filters.lt("_id", "doc-1000")).into(new ArrayList<>()))
                    .extracting(d -> d.getInteger("n")).containsExactlyInAnyOrder(0, 1, 10, 100);
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "doc-5")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        });
    }

    @Test
    void secondaryUniqueIndexesCompareByValue() {
        withServer(IndexedH2Backend::open, docs -> {
            docs.createIndex(Indexes.ascending("agency", "key"), new IndexOptions().unique(true));
            docs.insertOne(new Document("_id", 1).append("agency", "a").append("key", 10));
            docs.insertOne(new Document("_id", 2).append("agency", "a").append("key", 11L));
            docs.insertOne(new Document("_id", 3).append("agency", "b").append("key", 10));
            // The same number as another type is the same key, as in MongoDB.
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", 4).append("agency", "a").append("key", 10L)))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(docs.find(Filters.and(Filters.eq("agency", "a"), Filters.eq("key", 11))).first())
                    .containsEntry("_id", 2);
            assertThat(docs.find().sort(Sorts.ascending("_id")).into(new ArrayList<>())).hasSize(3);
        });
    }

    @Test
    void aCompoundUniqueIndexRefusesDuplicatesOnInsertAndOnUpdate() {
        withServer(IndexedH2Backend::open, docs -> {
            docs.createIndex(Indexes.compoundIndex(Indexes.ascending("agency"), Indexes.descending("day")),
                    new IndexOptions().unique(true));
            docs.insertOne(new Document("_id", 1).append("agency", "a").append("day", "2025-01-01"));
            docs.insertOne(new Document("_id", 2).append("agency", "a").append("day", "2025-01-02"));
            docs.insertOne(new Document("_id", 3).append("agency", "b").append("day", "2025-01-01"));
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", 4).append("agency", "b").append("day", "2025-01-01")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThatThrownBy(() -> docs.updateOne(Filters.eq("_id", 2), com.mongodb.client.model.Updates.set("day", "2025-01-01")))
                    .isInstanceOf(MongoWriteException.class);
            // A range over its last key reads it, and the refused writes left nothing behind.
            assertThat(docs.find(Filters.and(Filters.eq("agency", "a"), Filters.gte("day", "2025-01-01")))
                    .sort(Sorts.ascending("_id")).into(new ArrayList<>())).extracting(d -> d.get("_id")).containsExactly(1, 2);
        });
    }

    @Test
    void aCompoundIndexServesPagesAndIsKeptAcrossARestart() {
        withServer(IndexedH2Backend::open, docs -> {
            docs.createIndex(Indexes.compoundIndex(Indexes.ascending("agency"), Indexes.descending("at")));
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                many.add(new Document("_id", "d" + i).append("agency", "ag" + i % 30).append("at", i));
            }
            docs.insertMany(many);
        });
        withServer(IndexedH2Backend::open, docs -> {
            assertThat(docs.find(Filters.eq("agency", "ag7")).sort(Sorts.descending("at")).skip(1).limit(3)
                    .into(new ArrayList<>())).extracting(d -> d.getInteger("at")).containsExactly(2_947, 2_917, 2_887);
            docs.updateOne(Filters.eq("_id", "d7"), com.mongodb.client.model.Updates.set("agency", "ag8"));
            docs.deleteOne(Filters.eq("_id", "d37"));
            assertThat(docs.countDocuments(Filters.eq("agency", "ag7"))).isEqualTo(98);
            assertThat(docs.find(Filters.and(Filters.eq("agency", "ag8"), Filters.lt("at", 40))).into(new ArrayList<>()))
                    .extracting(d -> d.getInteger("at")).containsExactlyInAnyOrder(7, 8, 38);
        });
    }

    @Test
    void keysWithAMissingFieldAreKeptAcrossARestart() {
        withServer(IndexedH2Backend::open, docs -> {
            docs.createIndex(Indexes.ascending("a", "b"), new IndexOptions().unique(true).sparse(true));
            docs.insertOne(new Document("_id", 1).append("a", 1));
            docs.insertOne(new Document("_id", 2).append("a", 2));
        });
        withServer(IndexedH2Backend::open, docs -> {
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", 3).append("a", 1)))
                    .isInstanceOf(MongoWriteException.class);
            docs.insertOne(new Document("_id", 4).append("a", 1).append("b", 1));
            assertThat(docs.countDocuments()).isEqualTo(3);
        });
    }

    @Test
    void documentsAndIndexesSurviveARestart() {
        withServer(IndexedH2Backend::open, docs -> docs.insertMany(numbered(0, 500)));
        withServer(IndexedH2Backend::open, docs -> {
            assertThat(docs.find(Filters.eq("_id", "doc-499")).first()).containsEntry("n", 499);
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "doc-0"))).isInstanceOf(MongoWriteException.class);
            assertThat(docs.countDocuments()).isEqualTo(500);
        });
    }

    @Test
    void everyKindOfValueReadsBackTheSameAfterARestart() {
        Document rich = new Document("_id", "rich").append("text", "Hervannan neuvola ääkköset")
                .append("int", 7).append("long", 1L << 40).append("double", 0.65).append("flag", true)
                .append("nothing", null).append("at", new java.util.Date(1_700_000_000_000L))
                .append("list", List.of("a", 1, new Document("nested", List.of(2.5, "b"))))
                .append("doc", new Document("deep", new Document("deeper", "x")))
                .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3}));
        withServer(IndexedH2Backend::open, docs -> docs.insertOne(rich));
        withServer(IndexedH2Backend::open, docs -> assertThat(docs.find(Filters.eq("_id", "rich")).first())
                .usingRecursiveComparison().isEqualTo(rich));
    }

    @Test
    void opensAFileWrittenByTheStockBackendAndRebuildsItsIndexes() {
        withServer(H2Backend::new, docs -> {
            docs.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            docs.insertMany(numbered(0, 300));
        });
        withServer(IndexedH2Backend::open, docs -> {
            assertThat(docs.find(Filters.eq("_id", "doc-42")).first()).containsEntry("n", 42);
            assertThat(docs.find(Filters.eq("code", "c-42")).first()).containsEntry("_id", "doc-42");
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "new").append("code", "c-1")))
                    .isInstanceOf(MongoWriteException.class);
            docs.insertOne(new Document("_id", "doc-300").append("n", 300).append("code", "c-300"));
            assertThat(docs.find(Filters.eq("_id", "doc-300")).first()).containsEntry("n", 300);
        });
    }

    private void withServer(Function<String, MongoBackend> backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend.apply(dir.resolve("read-models.mv").toString()));
        int port = FreePorts.next();
        server.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            work.accept(client.getDatabase("test").getCollection("docs"));
        } finally {
            server.shutdown();
        }
    }

    private static List<Document> numbered(int from, int to) {
        List<Document> docs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            docs.add(new Document("_id", "doc-" + i).append("n", i).append("code", "c-" + i));
        }
        return docs;
    }
}
