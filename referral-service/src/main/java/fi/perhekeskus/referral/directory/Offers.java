package fi.perhekeskus.referral.directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reads what ProgrammeOfferIndex learnt from the meeting topic: upcoming programmes with a free place
 * and the open meeting places. Public descriptions only (no family, no worker).
 */
@Component
public class Offers {

    /** A programme whose first session lies ahead, with places left. */
    public record UpcomingGroup(UUID programmeId, UUID serviceId, String name, String location, Instant startsAt,
                                int freePlaces, int ageFromMonths, int ageToMonths) {
    }

    public record OpenPlace(UUID placeId, String name, String municipality, String address, String openingHours) {
    }

    private final JdbcTemplate jdbc;

    public Offers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<UpcomingGroup> upcomingWithRoom(Instant now) {
        return jdbc.query("""
                SELECT * FROM (
                    SELECT p.programme_id, p.service_id, p.name, p.location, p.age_from_months, p.age_to_months,
                           (SELECT min(s.starts_at) FROM offer_sessions s
                            WHERE s.programme_id = p.programme_id AND NOT s.cancelled) AS starts_at,
                           p.capacity_families - (SELECT count(*) FROM offer_places f
                                                  WHERE f.programme_id = p.programme_id AND NOT f.waitlisted) AS free
                    FROM offer_programmes p) g
                WHERE g.starts_at > ? AND g.free > 0
                ORDER BY g.starts_at, g.name""",
                (rs, i) -> new UpcomingGroup(rs.getObject("programme_id", UUID.class),
                        rs.getObject("service_id", UUID.class), rs.getString("name"), rs.getString("location"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getInt("free"), rs.getInt("age_from_months"),
                        rs.getInt("age_to_months")),
                Timestamp.from(now));
    }

    /** The open places, of one municipality when one is given, by name. */
    public List<OpenPlace> openPlaces(String municipality) {
        return jdbc.query("""
                SELECT place_id, name, municipality, address, opening_hours FROM offer_open_places
                WHERE ?::text IS NULL OR municipality = ? ORDER BY name, place_id""",
                (rs, i) -> new OpenPlace(rs.getObject("place_id", UUID.class), rs.getString("name"),
                        rs.getString("municipality"), rs.getString("address"), rs.getString("opening_hours")),
                municipality, municipality);
    }
}
