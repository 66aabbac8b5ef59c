package fi.perhekeskus.meeting.feedback;

import fi.perhekeskus.infra.links.FamilyLinkTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one-use feedback links of sessions, in this service's PostgreSQL (migration
 * {@code V7__feedback_links.sql}). A code is 160 random bits from {@link SecureRandom}, written
 * base64url; only its SHA-256 is stored, so the table does not open a single form. A code is spent
 * by one conditional update, so two posts of the same code never both count.
 */
@Component
public class FeedbackLinks {

    /** 20 random bytes, base64url without padding. */
    private static final int CODE_BYTES = 20;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{27}");

    /** Where a code stands. */
    public enum Standing { OPEN, USED, UNKNOWN }

    /** A link's session and where it stands. */
    public record Link(Standing standing, UUID programmeId, UUID sessionId) {

        static final Link UNKNOWN = new Link(Standing.UNKNOWN, null, null);
    }

    private final JdbcTemplate jdbc;
    private final FamilyLinkTokens signed;
    private final SecureRandom random = new SecureRandom();

    public FeedbackLinks(JdbcTemplate jdbc, FamilyLinkTokens signed) {
        this.jdbc = jdbc;
        this.signed = signed;
    }

    /** {@code count} new codes for the session; the codes are returned once and kept only hashed. */
    public List<String> issue(UUID programmeId, UUID sessionId, int count, String issuedBy, Instant at) {
        List<String> codes = new ArrayList<>(count);
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[CODE_BYTES];
            random.nextBytes(bytes);
            String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            codes.add(code);
            rows.add(new Object[] {hash(code), programmeId, sessionId, issuedBy, Timestamp.from(at)});
        }
        jdbc.batchUpdate("INSERT INTO feedback_link (code_hash, programme_id, session_id, issued_by, issued_at) "
                + "VALUES (?, ?, ?, ?, ?)", rows);
        return codes;
    }

    /** The code's session and standing; a code that is not of our shape is unknown without a look-up. */
    public Link find(String code) {
        Optional<FamilyLinkTokens.FeedbackLink> mailed = mailed(code);
        if (!wellFormed(code) && mailed.isEmpty()) {
            return Link.UNKNOWN;
        }
        Link unused = mailed.map(m -> new Link(Standing.OPEN, m.programmeId(), m.sessionId())).orElse(Link.UNKNOWN);
        return jdbc.query("SELECT programme_id, session_id, used_at FROM feedback_link WHERE code_hash = ?",
                (rs, i) -> new Link(rs.getTimestamp("used_at") == null ? Standing.OPEN : Standing.USED,
                        rs.getObject("programme_id", UUID.class), rs.getObject("session_id", UUID.class)),
                (Object) hash(code)).stream().findFirst().orElse(unused);
    }

    /**
     * Spends the code for {@code feedbackId}: its session when the code was open, empty when it was
     * used or unknown (then {@link #find} tells which).
     */
    public Optional<Link> spend(String code, UUID feedbackId, Instant at) {
        Optional<FamilyLinkTokens.FeedbackLink> mailed = mailed(code);
        if (mailed.isPresent()) {
            // Written on first use; a second use finds it spent. Restored, it is open again.
            FamilyLinkTokens.FeedbackLink link = mailed.get();
            return jdbc.query("""
                            INSERT INTO feedback_link (code_hash, programme_id, session_id, issued_by, issued_at, used_at, feedback_id)
                            VALUES (?, ?, ?, 'family-mail', ?, ?, ?)
                            ON CONFLICT (code_hash) DO UPDATE SET used_at = EXCLUDED.used_at, feedback_id = EXCLUDED.feedback_id
                            WHERE feedback_link.used_at IS NULL
                            RETURNING programme_id, session_id""",
                    (rs, i) -> new Link(Standing.USED, rs.getObject("programme_id", UUID.class),
                            rs.getObject("session_id", UUID.class)),
                    hash(code), link.programmeId(), link.sessionId(), Timestamp.from(at), Timestamp.from(at), feedbackId)
                    .stream().findFirst();
        }
        if (!wellFormed(code)) {
            return Optional.empty();
        }
        return jdbc.query("UPDATE feedback_link SET used_at = ?, feedback_id = ? WHERE code_hash = ? AND used_at IS NULL "
                        + "RETURNING programme_id, session_id",
                (rs, i) -> new Link(Standing.USED, rs.getObject("programme_id", UUID.class),
                        rs.getObject("session_id", UUID.class)),
                Timestamp.from(at), feedbackId, hash(code)).stream().findFirst();
    }

    /** Opens the code again when the feedback it was spent on was refused. */
    public void restore(String code, UUID feedbackId) {
        jdbc.update("UPDATE feedback_link SET used_at = NULL, feedback_id = NULL WHERE code_hash = ? AND feedback_id = ?",
                hash(code), feedbackId);
    }

    private Optional<FamilyLinkTokens.FeedbackLink> mailed(String code) {
        return code != null && code.indexOf('.') > 0 ? signed.readFeedback(code) : Optional.empty();
    }

    static boolean wellFormed(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    private static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
