package fi.perhekeskus.infra.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalSecretsTest {

    @TempDir
    Path data;

    @Test
    void aNewInstallationGetsRandomSecretsKeptForItsOwnerAlone() throws Exception {
        LocalSecrets first = LocalSecrets.resolve(Map.<String, String>of()::get, data);

        Path file = data.resolve("secrets.properties");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.jwtSecret().getBytes()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Base64.getDecoder().decode(first.masterKey())).hasSize(32);
        assertThat(LocalSecrets.resolve(Map.<String, String>of()::get, data)).isEqualTo(first);
        assertThat(LocalSecrets.resolve(Map.<String, String>of()::get, Files.createTempDirectory(data, "other")))
                .isNotEqualTo(first);
    }

    @Test
    void theEnvironmentVariablesAlwaysWinEachOnItsOwn() {
        LocalSecrets stored = LocalSecrets.resolve(Map.<String, String>of()::get, data);

        LocalSecrets secret = LocalSecrets.resolve(Map.of("PERHEKESKUS_JWT_SECRET", "s".repeat(40))::get, data);
        LocalSecrets both = LocalSecrets.resolve(Map.of("PERHEKESKUS_JWT_SECRET", "s".repeat(40),
                "PERHEKESKUS_PRIVACY_MASTER_KEY", "k")::get, data);

        assertThat(secret).isEqualTo(new LocalSecrets("s".repeat(40), stored.masterKey()));
        assertThat(both).isEqualTo(new LocalSecrets("s".repeat(40), "k"));
    }

    @Test
    void theVariablesAreWhatTheServicesRead() {
        LocalSecrets secrets = LocalSecrets.random();

        assertThat(secrets.environment()).containsOnlyKeys("PERHEKESKUS_JWT_SECRET", "PERHEKESKUS_PRIVACY_MASTER_KEY");
        assertThat(secrets.properties()).containsOnlyKeys("perhekeskus.security.jwt-secret",
                "perhekeskus.privacy.master-key");
        assertThat(secrets.toString()).doesNotContain(secrets.jwtSecret(), secrets.masterKey());
        assertThat(LocalSecrets.forTests()).isSameAs(LocalSecrets.forTests()).isNotEqualTo(secrets);
    }

    @Test
    void aDamagedFileIsNotSilentlyReplaced() throws Exception {
        Files.writeString(data.resolve("secrets.properties"), "perhekeskus.security.jwt-secret=x\n");

        assertThatThrownBy(() -> LocalSecrets.resolve(Map.<String, String>of()::get, data))
                .hasMessageContaining("PERHEKESKUS_PRIVACY_MASTER_KEY");
    }
}
