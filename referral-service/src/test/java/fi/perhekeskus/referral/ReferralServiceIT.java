package fi.perhekeskus.referral;

import fi.perhekeskus.infra.local.LocalInfrastructureInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test of referral-service on the real local infrastructure (Kafka broker,
 * PostgreSQL, Mongo-protocol server), started once per test JVM on free ports.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ReferralServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ReferralServiceApplication.NAME)
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
public @interface ReferralServiceIT {
}
