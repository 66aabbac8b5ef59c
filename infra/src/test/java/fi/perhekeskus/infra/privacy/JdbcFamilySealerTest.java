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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
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
}
