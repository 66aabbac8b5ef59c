package fi.perhekeskus.reporting;

import fi.perhekeskus.infra.local.LocalInfrastructureInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An integration test of reporting-service on the real local infrastructure. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ReportingServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // No meeting-service runs beside these tests: the evaluations' texts are UNAVAILABLE (port 1 refuses).
        properties = {"spring.config.name=" + ReportingServiceApplication.NAME,
                "perhekeskus.meeting.base-url=http://127.0.0.1:1"})
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
public @interface ReportingServiceIT {
}
