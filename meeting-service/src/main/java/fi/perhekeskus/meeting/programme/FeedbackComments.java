package fi.perhekeskus.meeting.programme;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Families' free-text comments, kept only here for the session's facilitators. Anonymous, but a
 * comment may name people, so it never enters an event or Kafka; here it is stored sealed with the
 * programme's key and kept no longer than {@code perhekeskus.feedback.comment-retention} (P365D):
 * the answers to the questions are what the reports need, the words are for the next evenings.
 */
@Component
public class FeedbackComments {

    /** A comment as the facilitators read it. */
    public record Comment(UUID feedbackId, String comment, Instant at) {
    }

    private final MongoCollection<Document> comments;
    private final ProgrammeNotes notes;
    private final Duration retention;

    public FeedbackComments(MongoDatabase readDatabase, ProgrammeNotes notes,
                            @Value("${perhekeskus.feedback.comment-retention:P365D}") Duration retention) {
        this.comments = readDatabase.getCollection("feedback_comments");
        this.notes = notes;
        this.retention = retention;
    }

    public void keep(UUID programmeId, UUID sessionId, UUID feedbackId, String comment, Instant at) {
        comments.insertOne(new Document("_id", feedbackId.toString()).append("programmeId", programmeId.toString())
                .append("sessionId", sessionId.toString())
                .append("comment", notes.seal(programmeId, comment).ciphertext()).append("at", Date.from(at)));
    }

    /** The session's comments still kept, oldest first, opened. */
    public List<Comment> ofSession(UUID programmeId, UUID sessionId) {
        List<Comment> read = new ArrayList<>();
        for (Document d : comments.find(Filters.eq("sessionId", sessionId.toString())).sort(Sorts.ascending("at"))) {
            read.add(new Comment(UUID.fromString(d.getString("_id")), notes.open(programmeId, d.getString("comment")),
                    d.getDate("at").toInstant()));
        }
        return read;
    }

    /** Deletes the comments given before {@code now} minus the retention period; returns how many. */
    public long purge(Instant now) {
        return comments.deleteMany(Filters.lt("at", Date.from(now.minus(retention)))).getDeletedCount();
    }

    public Duration retention() {
        return retention;
    }
}
