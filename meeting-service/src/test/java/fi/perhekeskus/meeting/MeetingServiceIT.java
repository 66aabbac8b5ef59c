package fi.perhekeskus.meeting;

import fi.perhekeskus.infra.local.LocalInfrastructureInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An integration test of meeting-service on the real local infrastructure. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MeetingServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + MeetingServiceApplication.NAME)
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
public @interface MeetingServiceIT {
}
