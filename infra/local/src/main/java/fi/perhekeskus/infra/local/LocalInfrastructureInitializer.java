package fi.perhekeskus.infra.local;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a Spring context at the JVM's shared {@link LocalInfrastructure}: integration tests use
 * the same real Kafka, PostgreSQL, Mongo-protocol server and mail server as {@code ./run}, on free ports.
 * The service names its database with {@code perhekeskus.database} and its read-model database
 * with {@code perhekeskus.read-database}. It also supplies the JVM's random test secrets
 * ({@link LocalSecrets#forTests()}): no service has a secret of its own in its source.
 */
public class LocalInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        LocalInfrastructure infrastructure = LocalInfrastructure.shared();
        var environment = context.getEnvironment();
        String database = environment.getProperty("perhekeskus.database", "referral");
        String readDatabase = environment.getProperty("perhekeskus.read-database", "perhekeskus_" + database);
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", infrastructure.jdbcUrl(database),
                "spring.datasource.username", LocalPostgres.USER,
                "spring.datasource.password", "",
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.data.mongodb.uri", infrastructure.mongoUri(readDatabase),
                "spring.mail.host", infrastructure.mail().smtpHost(),
                "spring.mail.port", infrastructure.mail().smtpPort()));
        // The JVM's random test secrets; tests mint their tokens with LocalSecrets.forTests().tokens().
        properties.putAll(LocalSecrets.forTests().properties());
        environment.getPropertySources().addFirst(new MapPropertySource("local-infrastructure", properties));
    }
}
