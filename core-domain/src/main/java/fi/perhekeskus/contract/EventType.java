package fi.perhekeskus.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as part of the public event contract. The CloudEvents type on Kafka is
 * {@code fi.perhekeskus.<domain>.<name>.v<version>}; a changed event gets a new version and an
 * upcaster for the old one, never an in-place change.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The domain, which is also the topic: {@code referral} or {@code meeting}. */
    String domain();

    /** The event's name in the domain's language; defaults to the record's simple name. */
    String name() default "";

    int version() default 1;
}
