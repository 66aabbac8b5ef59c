package fi.perhekeskus.system;

import fi.perhekeskus.infra.local.LocalInfrastructureInitializer;
import fi.perhekeskus.reporting.ReportingServiceApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test across services on the real local infrastructure: reporting-service in this JVM, the
 * others as processes ({@link RunningService}), all on the JVM's shared Kafka, PostgreSQL and
 * Mongo-protocol server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ReportingServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ReportingServiceApplication.NAME)
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
public @interface SystemIT {
}
