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
        properties = "spring.config.name=" + ReportingServiceApplication.NAME)
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
public @interface ReportingServiceIT {
}
