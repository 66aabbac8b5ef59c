package fi.perhekeskus.referral.partner;

import fi.perhekeskus.infra.links.SignedTokens;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The partner link's token ({@link SignedTokens}: {@code base64url(payload) "." base64url(HMAC)}), where the
 * payload is a version byte, the referral, its receiving agency, the link's id, 128 random bits (the
 * secret) and the expiry. The signature binds all of them; the secret makes the link unguessable even
 * to someone who can read the event store, which keeps only the secret's hash; the stored link id and
 * hash make it revocable (only the referral's latest link is valid). No I/O and no Spring.
 */
final class PartnerTokens {

    private static final byte VERSION = 1;
    private static final int SECRET_BYTES = 16;
    private static final int PAYLOAD_BYTES = 1 + 16 + 16 + 16 + SECRET_BYTES + 8;
    /** Longer input is no token of ours: refused before any decoding. */
    private static final int MAX_TOKEN_CHARS = 160;

    record Link(UUID referralId, UUID receiverAgencyId, UUID linkId, byte[] secret, Instant expiresAt) {

        String secretHash() {
            return PartnerTokens.hash(secret);
        }
    }

    /** A new link's id, secret and hash, before the referral knows it. */
    record Fresh(UUID linkId, byte[] secret) {

        String secretHash() {
            return PartnerTokens.hash(secret);
        }
    }

    private final SignedTokens tokens;
    private final SecureRandom random = new SecureRandom();

    /** @param secret the configured secret; the signing key is derived from it for this use only */
    PartnerTokens(byte[] secret) {
        this.tokens = new SignedTokens(secret, "perhekeskus partner-link v1", PAYLOAD_BYTES);
    }

    Fresh fresh() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new Fresh(UUID.randomUUID(), secret);
    }

    String token(Link link) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(VERSION);
        put(payload, link.referralId());
        put(payload, link.receiverAgencyId());
        put(payload, link.linkId());
        payload.put(link.secret()).putLong(link.expiresAt().getEpochSecond());
        return tokens.sign(payload.array());
    }

    /** The link a token names, when it is well formed and its signature is ours; expiry is not checked here. */
    Optional<Link> read(String token) {
        if (token != null && token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        return tokens.open(token).filter(payload -> payload[0] == VERSION).map(PartnerTokens::link);
    }

    private static Link link(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload, 1, PAYLOAD_BYTES - 1);
        UUID referral = uuid(in);
        UUID receiver = uuid(in);
        UUID link = uuid(in);
        byte[] secret = new byte[SECRET_BYTES];
        in.get(secret);
        return new Link(referral, receiver, link, secret, Instant.ofEpochSecond(in.getLong()));
    }

    static String hash(byte[] secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(ByteBuffer buffer) {
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
