package fi.perhekeskus.referral.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The notification outbox in this service's PostgreSQL (table {@code notification_outbox}, migration
 * V9): messages are written here by the handlers of their causes, in the handler's transaction, and
 * sent by {@link NotificationSender}. The message id is the primary key, so a cause handled twice
 * stores one message.
 */
@Component
public class NotificationOutbox {

    /** A stored message; {@code parameters} are the template's values (ids, programme, times: no personal data). */
    public record Message(UUID messageId, NotificationKind kind, RecipientKind recipientKind, UUID recipientId,
                          String cause, Map<String, String> parameters, NotificationStatus status, int attempts,
                          Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
    }

    private static final TypeReference<TreeMap<String, String>> PARAMETERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<Message> rows = this::message;

    public NotificationOutbox(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the message of {@code cause} unless it is already stored; answers whether it was new. */
    public boolean enqueue(NotificationKind kind, UUID recipientId, String cause, Map<String, String> parameters,
                           Instant now) {
        UUID id = MessageIds.of(cause, kind.recipient());
        String values;
        try {
            values = json.writeValueAsString(new TreeMap<>(parameters));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameters not writable", e);
        }
        return jdbc.update("""
                INSERT INTO notification_outbox (message_id, kind, recipient_kind, recipient_id, cause, parameters,
                                                 status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT (message_id) DO NOTHING""",
                id, kind.name(), kind.recipient().name(), recipientId, cause, values, Timestamp.from(now),
                Timestamp.from(now)) > 0;
    }

    /**
     * Takes up to {@code max} due messages for one sender until {@code leaseUntil}: committed at once, and
     * rows another sender is taking are skipped, so two senders never take the same message.
     */
    public List<Message> claim(int max, Instant now, Instant leaseUntil) {
        return jdbc.query("""
                UPDATE notification_outbox SET claimed_until = ? WHERE message_id IN (
                    SELECT message_id FROM notification_outbox
                    WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING *""", rows, Timestamp.from(leaseUntil), Timestamp.from(now), Timestamp.from(now), max);
    }

    /** Hands claimed, unsent messages back: another sender may take them at once. */
    public void release(List<UUID> messageIds) {
        for (UUID id : messageIds) {
            jdbc.update("UPDATE notification_outbox SET claimed_until = NULL WHERE message_id = ? AND status = 'PENDING'", id);
        }
    }

    /** Sent: a message with a link forgets the link, a credential no one needs to keep. */
    public void sent(UUID messageId, Instant at) {
        jdbc.update("""
                UPDATE notification_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = ?, claimed_until = NULL,
                    last_error = NULL,
                    parameters = CASE WHEN kind IN ('PARTNER_LINK', 'FAMILY_INVITED', 'FEEDBACK_LINK') THEN '{}' ELSE parameters END
                WHERE message_id = ?""", Timestamp.from(at), messageId);
    }

    /** An attempt failed: the next one is at {@code nextAttempt}, or none (FAILED) when it is null. */
    public void attemptFailed(UUID messageId, String error, Instant nextAttempt) {
        jdbc.update("""
                UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?, claimed_until = NULL,
                    status = ?, next_attempt_at = COALESCE(?, next_attempt_at) WHERE message_id = ?""",
                error, nextAttempt == null ? NotificationStatus.FAILED.name() : NotificationStatus.PENDING.name(),
                nextAttempt == null ? null : Timestamp.from(nextAttempt), messageId);
    }

    /** Nobody to send it to: never sent, kept as a record that it was not. */
    public void discarded(UUID messageId, String reason) {
        jdbc.update("""
                UPDATE notification_outbox SET status = 'DISCARDED', last_error = ?, claimed_until = NULL
                WHERE message_id = ?""", reason, messageId);
    }

    /** A FAILED message gets a fresh set of attempts, due now; answers whether there was one. */
    public boolean retry(UUID messageId, Instant now) {
        return jdbc.update("""
                UPDATE notification_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_until = NULL
                WHERE message_id = ? AND status = 'FAILED'""", Timestamp.from(now), messageId) > 0;
    }

    /** A page of the messages of one status, or of every status when {@code status} is null; newest first. */
    public List<Message> list(NotificationStatus status, int limit, int offset) {
        if (status == null) {
            return jdbc.query("SELECT * FROM notification_outbox ORDER BY created_at DESC, message_id LIMIT ? OFFSET ?",
                    rows, limit, offset);
        }
        return jdbc.query("SELECT * FROM notification_outbox WHERE status = ? ORDER BY created_at DESC, message_id "
                + "LIMIT ? OFFSET ?", rows, status.name(), limit, offset);
    }

    public Optional<Message> find(UUID messageId) {
        return jdbc.query("SELECT * FROM notification_outbox WHERE message_id = ?", rows, messageId).stream().findFirst();
    }

    public long count(NotificationStatus status) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE status = ?", Long.class,
                status.name());
        return n == null ? 0 : n;
    }

    /** The pending messages due before {@code dueBefore}: waiting longer than they should. */
    public long overdue(Instant dueBefore) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE status = 'PENDING' AND next_attempt_at < ?",
                Long.class, Timestamp.from(dueBefore));
        return n == null ? 0 : n;
    }

    /** The last error of the most recently failed attempt, if any message has one. */
    public Optional<String> latestError() {
        return jdbc.queryForList("""
                SELECT last_error FROM notification_outbox WHERE status IN ('PENDING', 'FAILED') AND last_error IS NOT NULL
                ORDER BY next_attempt_at DESC LIMIT 1""", String.class).stream().findFirst();
    }

    private Message message(ResultSet rs, int row) throws SQLException {
        Map<String, String> parameters;
        try {
            parameters = json.readValue(rs.getString("parameters"), PARAMETERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification parameters not readable", e);
        }
        return new Message(rs.getObject("message_id", UUID.class), NotificationKind.valueOf(rs.getString("kind")),
                RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getObject("recipient_id", UUID.class),
                rs.getString("cause"), parameters, NotificationStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
