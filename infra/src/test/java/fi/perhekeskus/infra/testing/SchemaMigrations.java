package fi.perhekeskus.infra.testing;

import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.infra.local.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A service's schema migrations run on a database of their own on the JVM's real PostgreSQL, exactly as
 * the service runs them at start: Spring Boot's Flyway auto-configuration with the service's own
 * configuration file (its locations) and the platform defaults (baseline of a database made before
 * migrations). Only the DataSource and Flyway are started, not the service.
 */
public final class SchemaMigrations {

    /** The platform tables as the services made them before migrations (test resource beside this class). */
    public static final String PLATFORM_BEFORE_MIGRATIONS = "fi/perhekeskus/infra/testing/platform-before-migrations.sql";

    private final String url;
    private final JdbcTemplate jdbc;

    private SchemaMigrations(String url) {
        this.url = url;
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url, LocalPostgres.USER, ""));
    }

    /** A new, empty database on the JVM's shared PostgreSQL. */
    public static SchemaMigrations emptyDatabase(String prefix) {
        String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new SchemaMigrations(LocalInfrastructure.shared().jdbcUrl(database));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Runs a script of statements as one multi-statement execute, as the old start-up code did. */
    public void runScript(String classpathResource) {
        try {
            jdbc.execute(new ClassPathResource(classpathResource).getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Migrates as the service named by its configuration file ({@code spring.config.name}) does at start;
     * extra properties such as {@code spring.flyway.target=4} stop at an earlier version.
     */
    public History migrate(String serviceConfigName, String... properties) {
        // Command-line arguments: above the service's own file, as the environment is in production.
        List<String> arguments = new ArrayList<>(List.of("--spring.config.name=" + serviceConfigName,
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + LocalPostgres.USER,
                "--spring.datasource.password="));
        Arrays.stream(properties).map(property -> "--" + property).forEach(arguments::add);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MigrationsOnly.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new))) {
            return History.of(context.getBean(Flyway.class).info());
        }
    }

    /** Column name to PostgreSQL type (udt name, e.g. {@code int8}, {@code varchar}, {@code _uuid}) of a table. */
    public Map<String, String> columns(String table) {
        Map<String, String> columns = new LinkedHashMap<>();
        jdbc.query("SELECT column_name, udt_name FROM information_schema.columns "
                        + "WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position",
                rs -> {
                    columns.put(rs.getString(1), rs.getString(2));
                }, table);
        return columns;
    }

    /** Index name to its definition of a table. */
    public Map<String, String> indexes(String table) {
        Map<String, String> indexes = new LinkedHashMap<>();
        jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ?",
                rs -> {
                    indexes.put(rs.getString(1), rs.getString(2));
                }, table);
        return indexes;
    }

    /** Every table but Flyway's history, each with its columns and indexes: two databases of one shape compare equal. */
    public Map<String, List<Object>> shape() {
        Map<String, List<Object>> shape = new LinkedHashMap<>();
        for (String table : tables()) {
            if (!table.equals("flyway_schema_history")) {
                shape.put(table, List.of(columns(table), indexes(table)));
            }
        }
        return shape;
    }

    public List<String> tables() {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name", String.class);
    }

    /** The schema history after a migration: applied rows in order, the current and the newest known version. */
    public record History(List<Row> applied, String current, String latestAvailable, int pending) {

        public record Row(String version, String description, String type, boolean success) {
        }

        static History of(MigrationInfoService info) {
            List<Row> applied = Arrays.stream(info.applied())
                    .map(m -> new Row(m.getVersion() == null ? null : m.getVersion().getVersion(), m.getDescription(),
                            m.getType().name(), m.getState().isApplied() && !m.getState().isFailed()))
                    .toList();
            String latest = Arrays.stream(info.all())
                    .filter(m -> m.getVersion() != null)
                    .map(MigrationInfo::getVersion)
                    .max(Comparator.naturalOrder())
                    .map(v -> v.getVersion())
                    .orElse(null);
            return new History(applied, info.current() == null ? null : info.current().getVersion().getVersion(),
                    latest, info.pending().length);
        }

        public List<String> appliedVersions() {
            return applied.stream().map(Row::version).toList();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class MigrationsOnly {
    }
}
