package fi.perhekeskus.infra.links;

import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The links in families' own mail, minted by referral-service (which holds the family's address) and
 * opened by meeting-service (which holds the programme): {@code base64url(payload) "." base64url(HMAC)}.
 * Both services derive the same key from the shared secret, so no code has to cross Kafka, where
 * integrators read. The payload names no person:
 * <ul>
 *   <li>an invitation link: the programme, the invitation and its expiry;</li>
 *   <li>a feedback link: the programme, the session and a nonce that the sender derives from the family,
 *       which the receiver cannot turn back into the family, so feedback stays anonymous while each
 *       family's link is one-use.</li>
 * </ul>
 * No I/O and no Spring.
 */
public final class FamilyLinkTokens {

    private static final byte VERSION = 1;
    private static final byte INVITATION = 'I';
    private static final byte FEEDBACK = 'F';
    private static final int PAYLOAD_BYTES = 1 + 1 + 16 + 16 + 16;
    /** Longer input is no token of ours: refused before any decoding. */
    public static final int MAX_TOKEN_CHARS = 120;

    /** What an invitation link opens. */
    public record InvitationLink(UUID programmeId, UUID invitationId, Instant expiresAt) {
    }

    /** What a feedback link opens; {@code nonce} tells one family's link from another's, and no more. */
    public record FeedbackLink(UUID programmeId, UUID sessionId, UUID nonce) {
    }

    private final SignedTokens tokens;
    private final SecretKeySpec nonces;

    /** @param secret the configured secret; the keys are derived from it for these links only */
    public FamilyLinkTokens(byte[] secret) {
        this.tokens = new SignedTokens(secret, "perhekeskus family-link v1", PAYLOAD_BYTES);
        this.nonces = SignedTokens.derive(secret, "perhekeskus family-link nonce v1");
    }

    public String invitation(UUID programmeId, UUID invitationId, Instant expiresAt) {
        ByteBuffer payload = payload(INVITATION, programmeId, invitationId);
        payload.putLong(expiresAt.getEpochSecond()).putLong(0);
        return tokens.sign(payload.array());
    }

    /** The same session and family always give the same link: a redelivered cause mails the same one. */
    public String feedback(UUID programmeId, UUID sessionId, UUID familyId) {
        byte[] derived = SignedTokens.hmac(nonces, (sessionId + "/" + familyId).getBytes(StandardCharsets.UTF_8));
        ByteBuffer payload = payload(FEEDBACK, programmeId, sessionId);
        payload.put(derived, 0, 16);
        return tokens.sign(payload.array());
    }

    public Optional<InvitationLink> readInvitation(String token) {
        return read(token, INVITATION).map(in -> new InvitationLink(uuid(in), uuid(in),
                Instant.ofEpochSecond(in.getLong())));
    }

    public Optional<FeedbackLink> readFeedback(String token) {
        return read(token, FEEDBACK).map(in -> new FeedbackLink(uuid(in), uuid(in), uuid(in)));
    }

    /** Only tokens of our shape and kind are opened; anything else, also a signature by another key, is empty. */
    private Optional<ByteBuffer> read(String token, byte kind) {
        if (token != null && token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        return tokens.open(token).filter(p -> p[0] == VERSION && p[1] == kind)
                .map(p -> ByteBuffer.wrap(p, 2, PAYLOAD_BYTES - 2));
    }

    private static ByteBuffer payload(byte kind, UUID first, UUID second) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(VERSION).put(kind);
        put(payload, first);
        put(payload, second);
        return payload;
    }

    private static void put(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(ByteBuffer buffer) {
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    @Override
    public String toString() {
        // Never the keys.
        return "FamilyLinkTokens";
    }
}
