package fi.perhekeskus.infra.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the real Mongo-protocol server: a redelivered event changes nothing. */
class SequencedDocumentsTest {

    @TempDir
    static Path dir;
    static ReadStore store;
    static MongoCollection<Document> views;

    @BeforeAll
    static void start() {
        store = new ReadStore(dir);
        views = store.collection("views");
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void eachSequenceNumberIsAppliedOnce() {
        assertThat(SequencedDocuments.apply(views, "a", 0, Updates.inc("count", 1))).isTrue();
        assertThat(SequencedDocuments.apply(views, "a", 1, Updates.inc("count", 1))).isTrue();
        assertThat(SequencedDocuments.apply(views, "a", 1, Updates.inc("count", 1))).isFalse();
        assertThat(SequencedDocuments.apply(views, "a", 0, Updates.inc("count", 1))).isFalse();
        assertThat(SequencedDocuments.apply(views, "b", 0, Updates.push("history", "made"))).isTrue();

        assertThat(views.find(new Document("_id", "a")).first()).containsEntry("count", 2).containsEntry("_seq", 1L);
        assertThat(views.find(new Document("_id", "b")).first().getList("history", String.class)).containsExactly("made");
    }
}
