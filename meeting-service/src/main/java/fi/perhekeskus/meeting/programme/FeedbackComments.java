package fi.perhekeskus.meeting.programme;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.time.Instant;
import java.util.UUID;

/**
 * Families' free-text comments, kept only here for the facilitators: anonymous, but a comment may
 * name people, so it is never put in an event or on Kafka.
 */
@Component
public class FeedbackComments {

    private final MongoCollection<Document> comments;

    public FeedbackComments(MongoDatabase readDatabase) {
        this.comments = readDatabase.getCollection("feedback_comments");
    }

    public void keep(UUID programmeId, UUID sessionId, UUID feedbackId, String comment, Instant at) {
        comments.insertOne(new Document("_id", feedbackId.toString()).append("programmeId", programmeId.toString())
                .append("sessionId", sessionId.toString()).append("comment", comment).append("at", Date.from(at)));
    }
}
