package fi.perhekeskus.infra.privacy;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.infra.local.FreePorts;
import fi.perhekeskus.infra.local.LocalPostgres;
import fi.perhekeskus.privacy.AesGcm;
import fi.perhekeskus.privacy.SealBrokenException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.crypto.SecretKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real PostgreSQL: keys are stored wrapped, erasure shreds, a wrong master key fails closed. */
class JdbcFamilySealerTest {

    @TempDir
    static Path dir;
    static LocalPostgres postgres;
    static JdbcTemplate jdbc;
    static final SecretKey MASTER = AesGcm.newKey();

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.start(dir.resolve("pg"), FreePorts.next(), List.of("keys"));
        jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl("keys"), LocalPostgres.USER, ""));
        Flyway.configure().dataSource(jdbc.getDataSource()).locations("classpath:db/migration/platform").load().migrate();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aFamilysValueOpensUntilTheFamilyIsErased() {
        JdbcFamilySealer sealer = new JdbcFamilySealer(jdbc, MASTER);
        UUID family = UUID.randomUUID();
        Sealed name = sealer.seal(family, "Ilmari Mäkelä");

        assertThat(sealer.open(family, name)).contains("Ilmari Mäkelä");
        // A second instance (no cache) reads the same wrapped key from the table.
        assertThat(new JdbcFamilySealer(jdbc, MASTER).open(family, name)).contains("Ilmari Mäkelä");

        sealer.erase(family);

        assertThat(sealer.isErased(family)).isTrue();
        assertThat(sealer.open(family, name)).isEmpty();
        assertThat(new JdbcFamilySealer(jdbc, MASTER).open(family, name)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT wrapped_key IS NULL FROM family_keys WHERE family_id = ?",
                Boolean.class, family)).isTrue();
        assertThatThrownBy(() -> sealer.seal(family, "again")).isInstanceOf(RuleViolationException.class);
        sealer.erase(family);
    }

    @Test
    void aValueDroppedByAnUpcasterReadsAsDroppedUntilErasure() {
        JdbcFamilySealer sealer = new JdbcFamilySealer(jdbc, MASTER);
        UUID family = UUID.randomUUID();
        sealer.seal(family, "x");

        assertThat(sealer.open(family, Sealed.DROPPED)).contains(FamilySealer.DROPPED);
        sealer.erase(family);
        assertThat(sealer.open(family, Sealed.DROPPED)).isEmpty();
    }

    @Test
    void anySubjectWithAnIdHasItsOwnKeyAndItsOwnErasure() {
        JdbcFamilySealer sealer = new JdbcFamilySealer(jdbc, MASTER);
        UUID programme = UUID.randomUUID();
        UUID family = UUID.randomUUID();
        Sealed note = sealer.seal(programme, "Liisa on sairaana");
        Sealed name = sealer.seal(family, "Ilmari");

        assertThatThrownBy(() -> sealer.open(family, note)).isInstanceOf(SealBrokenException.class);
        sealer.erase(programme);
        assertThat(sealer.open(programme, note)).isEmpty();
        assertThat(sealer.open(family, name)).contains("Ilmari");
    }

    @Test
    void keysAreStoredOnlyWrappedUnderTheMasterKey() {
        JdbcFamilySealer sealer = new JdbcFamilySealer(jdbc, MASTER);
        UUID family = UUID.randomUUID();
        sealer.seal(family, "x");

        byte[] wrapped = jdbc.queryForObject("SELECT wrapped_key FROM family_keys WHERE family_id = ?",
                byte[].class, family);
        assertThat(wrapped).hasSize(12 + 32 + 16);
    }

    @Test
    void aWrongMasterKeyFailsClosed() {
        UUID family = UUID.randomUUID();
        Sealed sealed = new JdbcFamilySealer(jdbc, MASTER).seal(family, "Ilmari");

        JdbcFamilySealer wrong = new JdbcFamilySealer(jdbc, AesGcm.newKey());
        assertThatThrownBy(() -> wrong.open(family, sealed)).isInstanceOf(SealBrokenException.class);
    }

    @Test
    void anUnknownFamilyIsNotErased() {
        assertThat(new JdbcFamilySealer(jdbc, MASTER).isErased(UUID.randomUUID())).isFalse();
    }

    @Test
    void anErasureByOneInstanceEmptiesTheOtherInstancesCache() {
        try (JdbcFamilySealer a = new JdbcFamilySealer(jdbc, MASTER).listenForErasures();
             JdbcFamilySealer b = new JdbcFamilySealer(jdbc, MASTER).listenForErasures()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> a.isListening() && b.isListening());
            UUID family = UUID.randomUUID();
            Sealed name = a.seal(family, "Aino Virtanen");
            assertThat(b.open(family, name)).contains("Aino Virtanen");

            a.erase(family);

            await().atMost(Duration.ofSeconds(5)).until(() -> b.open(family, name).isEmpty());
            assertThatThrownBy(() -> b.seal(family, "again")).isInstanceOf(RuleViolationException.class);
        }
    }

    @Test
    void aListeningInstanceCachesKeysAndANonListeningOneDoesNot() {
        UUID family = UUID.randomUUID();
        try (JdbcFamilySealer listening = new JdbcFamilySealer(jdbc, MASTER).listenForErasures()) {
            await().atMost(Duration.ofSeconds(10)).until(listening::isListening);
            JdbcFamilySealer notListening = new JdbcFamilySealer(jdbc, MASTER);
            Sealed name = listening.seal(family, "Eino");
            assertThat(notListening.open(family, name)).contains("Eino");

            corruptKeyOf(family);

            assertThat(listening.open(family, name)).contains("Eino");
            assertThatThrownBy(() -> notListening.open(family, name)).isInstanceOf(SealBrokenException.class);
        }
    }

    @Test
    void aLostListeningConnectionEmptiesTheCacheAndListeningResumes() {
        UUID family = UUID.randomUUID();
        try (JdbcFamilySealer sealer = new JdbcFamilySealer(jdbc, MASTER).listenForErasures()) {
            await().atMost(Duration.ofSeconds(10)).until(sealer::isListening);
            Sealed name = sealer.seal(family, "Eino");
            corruptKeyOf(family);
            assertThat(sealer.open(family, name)).contains("Eino");

            // While it was gone an erasure could have been missed: nothing cached before may stay.
            assertThat(jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = ?", Boolean.class, JdbcFamilySealer.LISTENER_NAME)).containsOnly(true);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThatThrownBy(() -> sealer.open(family, name)).isInstanceOf(SealBrokenException.class));
            await().atMost(Duration.ofSeconds(10)).until(sealer::isListening);
        }
    }

    @Test
    void aKeyReadJustBeforeAnotherInstanceErasedItIsNotKept() {
        UUID family = UUID.randomUUID();
        try (JdbcFamilySealer a = new JdbcFamilySealer(jdbc, MASTER).listenForErasures();
             JdbcFamilySealer b = new JdbcFamilySealer(jdbc, MASTER).listenForErasures()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> a.isListening() && b.isListening());
            Sealed name = a.seal(family, "Aino");
            // b reads the key from the table; before b caches it, a erases, and b hears of it.
            b.afterKeyRead = () -> {
                b.afterKeyRead = () -> {
                };
                long heard = b.erasuresHeard();
                a.erase(family);
                await().atMost(Duration.ofSeconds(5)).until(() -> b.erasuresHeard() > heard);
            };

            // The read that began before the erasure may still open the value...
            assertThat(b.open(family, name)).contains("Aino");
            // ...but the key it read is not kept: the next read finds it shredded.
            assertThat(b.open(family, name)).isEmpty();
        }
    }

    @Test
    void aHealthyListeningConnectionStaysThroughItsProbes() {
        try (JdbcFamilySealer sealer = new JdbcFamilySealer(jdbc, MASTER).listenForErasures()) {
            await().atMost(Duration.ofSeconds(10)).until(sealer::isListening);

            // The first probe runs after 10 s; a probe that failed would drop the listening for a second.
            await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100)).until(sealer::isListening);
        }
    }

    /** The wrapped key replaced by another key wrapped for the same family: values sealed before no longer open. */
    private static void corruptKeyOf(UUID family) {
        byte[] other = AesGcm.encrypt(MASTER, AesGcm.newKey().getEncoded(),
                ("family-key:" + family).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        jdbc.update("UPDATE family_keys SET wrapped_key = ? WHERE family_id = ?", other, family);
    }
}
