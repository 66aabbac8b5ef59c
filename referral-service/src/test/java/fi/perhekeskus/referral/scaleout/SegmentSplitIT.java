package fi.perhekeskus.referral.scaleout;

import fi.perhekeskus.infra.local.LocalInfrastructureInitializer;
import fi.perhekeskus.infra.processing.ProcessorOwner;
import fi.perhekeskus.referral.ProcessingGroups;
import fi.perhekeskus.referral.ReferralServiceApplication;
import fi.perhekeskus.referral.ReferralServiceIT;
import fi.perhekeskus.referral.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static fi.perhekeskus.referral.support.Api.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of referral-service on one token store split the segments of a processor between
 * them (SegmentBalancer), reads at either see the writes at either while split, and when one
 * stops the other takes its segments back and the view keeps up.
 */
@ReferralServiceIT
class SegmentSplitIT {

    private static final String VIEWS = ProcessingGroups.VIEWS;
    private static final int FAMILIES = 8;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessorOwner owner;

    private ConfigurableApplicationContext second;

    @AfterEach
    void stopTheSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void bothInstancesOwnSegmentsAndTheFirstTakesThemBackWhenTheSecondStops() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?", Integer.class, VIEWS))
                .as("a processor of at least two segments").isGreaterThanOrEqualTo(2);
        second = ReferralServiceApplication.builder()
                .initializers(new LocalInfrastructureInitializer())
                .properties("server.port=0")
                .run();
        String other = second.getBean(ProcessorOwner.class).name();
        Api first = new Api(http);
        Api atSecond = new Api(new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + second.getEnvironment().getProperty("local.server.port"))));

        await("the second instance owning a segment of " + VIEWS).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> owners().containsValue(other) && new HashSet<>(owners().values()).size() >= 2);
        Map<Integer, String> split = owners();
        assertThat(split.values()).as("every segment claimed").doesNotContainNull();
        if (liveOwners().equals(Set.of(owner.name(), other))) {
            assertThat(Set.copyOf(split.values())).as("split %s", split).containsExactlyInAnyOrder(owner.name(), other);
        }

        // Split: a write at either instance is read at the other right after.
        UUID clinic = first.agency("Lielahden neuvola " + UUID.randomUUID(), "Tampere");
        assertThat(stale(first, atSecond, clinic)).as("reads at the second after writes at the first").isEmpty();
        assertThat(stale(atSecond, first, clinic)).as("reads at the first after writes at the second").isEmpty();
        assertThat(owners()).as("still split").containsValue(other);

        second.close();
        second = null;

        await("every segment of " + VIEWS + " back with a live instance").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Map<Integer, String> owners = owners();
                    return !owners.containsValue(other) && !owners.containsValue(null)
                            && liveOwners().containsAll(owners.values());
                });
        if (liveOwners().equals(Set.of(owner.name()))) {
            assertThat(Set.copyOf(owners().values())).as("the first alone owns every segment").containsExactly(owner.name());
        }
        // Events keep flowing: families written now, in whichever segment, are in the first's view at once.
        assertThat(stale(first, first, clinic)).as("reads at the first after its own writes").isEmpty();
    }

    /** Families written at {@code writer}, each read at {@code reader} right after; the reads that failed. */
    private static List<String> stale(Api writer, Api reader, UUID clinic) {
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < FAMILIES; i++) {
            UUID family = writer.family(clinic, "Iida", "Lahtinen", "131052-308T", "1952-10-13");
            int status = reader.call(HttpMethod.GET, "/api/v1/families/" + family, worker(clinic), null)
                    .getStatusCode().value();
            if (status != 200) {
                stale.add(family + ": " + status);
            }
        }
        return stale;
    }

    private Map<Integer, String> owners() {
        Map<Integer, String> owners = new HashMap<>();
        jdbc.query("SELECT segment, owner FROM tokenentry WHERE processorname = ?",
                rs -> {
                    owners.put(rs.getInt(1), rs.getString(2));
                }, VIEWS);
        return owners;
    }

    /** The owners whose heartbeat for the views' processor is fresh. */
    private Set<String> liveOwners() {
        return Set.copyOf(jdbc.queryForList("SELECT owner FROM processor_instances WHERE processor_name = ? "
                + "AND last_seen > now() - interval '15 seconds'", String.class, VIEWS));
    }
}
