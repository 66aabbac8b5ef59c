package fi.perhekeskus.infra.consistency;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The token of every segment of a processor as its owner last stored it, whichever instance that
 * is. Read from the token table without claiming anything (Axon's TokenStore can only fetch a token
 * by claiming it). A segment is stored after its batch's view writes, so a stored token's position is one
 * the shared view already holds.
 */
class StoredPositions {

    private final JdbcTemplate jdbc;
    private final Supplier<Serializer> serializer;

    StoredPositions(JdbcTemplate jdbc, Supplier<Serializer> serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Segment → stored token; empty for a segment with no token yet. */
    Map<Integer, Optional<TrackingToken>> of(String processorName) {
        Map<Integer, Optional<TrackingToken>> positions = new HashMap<>();
        jdbc.query("SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?", rs -> {
            byte[] token = rs.getBytes("token");
            String type = rs.getString("tokentype");
            positions.put(rs.getInt("segment"), token == null || type == null ? Optional.empty()
                    : token(token, type));
        }, processorName);
        return positions;
    }

    private Optional<TrackingToken> token(byte[] token, String type) {
        Object read = serializer.get().deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return read instanceof TrackingToken tracking ? Optional.of(tracking) : Optional.empty();
    }
}
