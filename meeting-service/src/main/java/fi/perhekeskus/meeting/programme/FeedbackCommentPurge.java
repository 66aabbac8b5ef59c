package fi.perhekeskus.meeting.programme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;

/**
 * Deletes feedback comments past their retention period, every
 * {@code perhekeskus.feedback.comment-purge-interval} (PT1H). Every instance may run it: deleting
 * what is past its time twice changes nothing.
 */
@Configuration
@EnableScheduling
public class FeedbackCommentPurge {

    private static final Logger log = LoggerFactory.getLogger(FeedbackCommentPurge.class);

    private final FeedbackComments comments;
    private final Clock clock;

    public FeedbackCommentPurge(FeedbackComments comments, Clock clock) {
        this.comments = comments;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${perhekeskus.feedback.comment-purge-interval:PT1H}",
            initialDelayString = "${perhekeskus.feedback.comment-purge-interval:PT1H}")
    void purge() {
        long deleted = comments.purge(clock.instant());
        if (deleted > 0) {
            log.info("Deleted {} feedback comments older than {}", deleted, comments.retention());
        }
    }
}
