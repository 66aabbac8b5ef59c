package fi.perhekeskus.meeting.programme;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.infra.local.FreePorts;
import fi.perhekeskus.infra.local.LocalMongo;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.privacy.AesGcm;
import fi.perhekeskus.privacy.SealedValues;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real local Mongo-protocol server: a comment is stored only sealed with its
 * programme's key, its facilitators read it opened, and the purge deletes what is past retention.
 */
class FeedbackCommentsTest {

    @TempDir
    static Path dir;
    static LocalMongo mongo;
    static MongoClient client;
    static MongoDatabase database;

    static final Instant NOW = Instant.parse("2026-03-02T18:00:00Z");
    static final UUID PROGRAMME = UUID.randomUUID();
    static final UUID SESSION = UUID.randomUUID();

    /** Keys in memory, one per subject, as the JDBC sealer keeps them in PostgreSQL. */
    static final class MemorySealer implements FamilySealer {
        private final Map<UUID, Optional<SecretKey>> keys = new ConcurrentHashMap<>();

        @Override
        public Sealed seal(UUID subject, String plaintext) {
            return SealedValues.seal(keys.computeIfAbsent(subject, s -> Optional.of(AesGcm.newKey())).orElseThrow(),
                    subject, plaintext);
        }

        @Override
        public Optional<String> open(UUID subject, Sealed sealed) {
            return keys.getOrDefault(subject, Optional.empty()).map(key -> SealedValues.open(key, subject, sealed));
        }

        @Override
        public void erase(UUID subject) {
            keys.put(subject, Optional.empty());
        }

        @Override
        public boolean isErased(UUID subject) {
            return keys.containsKey(subject) && keys.get(subject).isEmpty();
        }
    }

    @BeforeAll
    static void start() {
        mongo = LocalMongo.start(dir, FreePorts.next());
        client = MongoClients.create(mongo.uri("test"));
        database = client.getDatabase("test");
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void aCommentIsStoredSealedAndReadOpenedUntilItsRetentionEnds() {
        MemorySealer sealer = new MemorySealer();
        FeedbackComments comments = new FeedbackComments(database, new ProgrammeNotes(sealer), Duration.ofDays(365));
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        comments.keep(PROGRAMME, SESSION, old, "Ohjaaja Tuulikki oli ihana", NOW.minus(Duration.ofDays(366)));
        comments.keep(PROGRAMME, SESSION, recent, "Kiitos, hyvä ilta", NOW.minus(Duration.ofDays(1)));

        assertThat(database.getCollection("feedback_comments").find().map(Document::toJson))
                .noneMatch(json -> json.contains("Tuulikki") || json.contains("Kiitos"));
        assertThat(comments.ofSession(PROGRAMME, SESSION)).extracting(FeedbackComments.Comment::comment)
                .containsExactly("Ohjaaja Tuulikki oli ihana", "Kiitos, hyvä ilta");

        FeedbackCommentPurge purge = new FeedbackCommentPurge(comments, Clock.fixed(NOW, ZoneOffset.UTC));
        purge.purge();

        assertThat(comments.ofSession(PROGRAMME, SESSION)).extracting(FeedbackComments.Comment::feedbackId)
                .containsExactly(recent);
        // A year on, the second one goes too.
        new FeedbackCommentPurge(comments, Clock.fixed(NOW.plus(Duration.ofDays(365)), ZoneOffset.UTC)).purge();
        assertThat(comments.ofSession(PROGRAMME, SESSION)).isEmpty();
    }

    @Test
    void destroyingTheProgrammesKeyShredsItsComments() {
        MemorySealer sealer = new MemorySealer();
        UUID programme = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        FeedbackComments comments = new FeedbackComments(database, new ProgrammeNotes(sealer), Duration.ofDays(365));
        comments.keep(programme, session, UUID.randomUUID(), "Pekka puhui liikaa", NOW);

        sealer.erase(programme);

        assertThat(comments.ofSession(programme, session)).extracting(FeedbackComments.Comment::comment)
                .containsExactly(FamilySealer.ERASED);
    }
}
