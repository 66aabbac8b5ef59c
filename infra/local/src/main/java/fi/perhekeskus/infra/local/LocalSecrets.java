package fi.perhekeskus.infra.local;

import fi.perhekeskus.infra.security.LocalTokens;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The JWT secret and the privacy master key of a local installation, resolved in one place for
 * {@code ./run} and its commands (token, demo, rebuild, bench) and for tests. No service has a
 * secret in its source; the environment variables always win, then the installation's own random
 * secrets in {@code .data/secrets.properties} (created on first use, readable by its owner only).
 */
public record LocalSecrets(String jwtSecret, String masterKey) {

    public static final String JWT_SECRET_VARIABLE = "PERHEKESKUS_JWT_SECRET";
    public static final String MASTER_KEY_VARIABLE = "PERHEKESKUS_PRIVACY_MASTER_KEY";
    public static final String JWT_SECRET_PROPERTY = "perhekeskus.security.jwt-secret";
    public static final String MASTER_KEY_PROPERTY = "perhekeskus.privacy.master-key";
    static final String FILE = "secrets.properties";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final LocalSecrets TESTS = random();

    /** Random secrets, generated once per JVM: every test of the JVM signs and checks with them. */
    public static LocalSecrets forTests() {
        return TESTS;
    }

    /** A fresh random pair, e.g. for a benchmark on throw-away infrastructure. */
    public static LocalSecrets random() {
        return new LocalSecrets(randomBase64(32, Base64.getUrlEncoder().withoutPadding()),
                randomBase64(32, Base64.getEncoder()));
    }

    /** The installation under {@code perhekeskus.root} (the directory of {@code ./run}). */
    public static LocalSecrets ofInstallation() {
        return ofInstallation(dataDirectory());
    }

    public static Path dataDirectory() {
        return Path.of(System.getProperty("perhekeskus.root", ".")).toAbsolutePath().normalize().resolve(".data");
    }

    /** The environment's variables where set, else the installation's own, created on first use. */
    public static LocalSecrets ofInstallation(Path dataDir) {
        return resolve(System::getenv, dataDir);
    }

    static LocalSecrets resolve(Function<String, String> environment, Path dataDir) {
        String jwtSecret = blankToNull(environment.apply(JWT_SECRET_VARIABLE));
        String masterKey = blankToNull(environment.apply(MASTER_KEY_VARIABLE));
        if (jwtSecret != null && masterKey != null) {
            return new LocalSecrets(jwtSecret, masterKey);
        }
        LocalSecrets stored = stored(dataDir.resolve(FILE));
        return new LocalSecrets(jwtSecret != null ? jwtSecret : stored.jwtSecret(),
                masterKey != null ? masterKey : stored.masterKey());
    }

    /** The variables to give a service process. */
    public Map<String, String> environment() {
        return Map.of(JWT_SECRET_VARIABLE, jwtSecret, MASTER_KEY_VARIABLE, masterKey);
    }

    /** The same as Spring properties, for a service started in this JVM. */
    public Map<String, Object> properties() {
        return Map.of(JWT_SECRET_PROPERTY, jwtSecret, MASTER_KEY_PROPERTY, masterKey);
    }

    public LocalTokens tokens() {
        return new LocalTokens(jwtSecret);
    }

    @Override
    public String toString() {
        return "LocalSecrets[redacted]";
    }

    private static LocalSecrets stored(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file, random());
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            String jwtSecret = blankToNull(properties.getProperty(JWT_SECRET_PROPERTY));
            String masterKey = blankToNull(properties.getProperty(MASTER_KEY_PROPERTY));
            if (jwtSecret == null || masterKey == null) {
                throw new IllegalStateException(file + " lacks " + JWT_SECRET_PROPERTY + " or " + MASTER_KEY_PROPERTY
                        + "; delete it to have new ones created, or set " + JWT_SECRET_VARIABLE + " and "
                        + MASTER_KEY_VARIABLE);
            }
            return new LocalSecrets(jwtSecret, masterKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** Written to a private temporary file first, then moved: no reader ever sees half a file. */
    private static void create(Path file, LocalSecrets secrets) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(temporary);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(ownerOnly));
        } else {
            Files.createFile(temporary);
        }
        Properties properties = new Properties();
        properties.setProperty(JWT_SECRET_PROPERTY, secrets.jwtSecret());
        properties.setProperty(MASTER_KEY_PROPERTY, secrets.masterKey());
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            properties.store(writer, "This installation's own secrets, created by ./run; "
                    + JWT_SECRET_VARIABLE + " and " + MASTER_KEY_VARIABLE + " override them");
        }
        try {
            // Without REPLACE_EXISTING: if another command created the file meanwhile, its secrets stand.
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            Files.deleteIfExists(temporary);
        }
    }

    private static String randomBase64(int bytes, Base64.Encoder encoder) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return encoder.encodeToString(random);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
