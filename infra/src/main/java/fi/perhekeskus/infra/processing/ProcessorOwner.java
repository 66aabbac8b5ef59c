package fi.perhekeskus.infra.processing;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The name under which one running instance of a service claims processor segments in its token
 * store. Axon's default is the JVM's name ({@code pid@host}), which two instances in one JVM (a
 * test's cached contexts, a second instance started beside the first) share: each then takes the
 * other's claims for its own, both handle every segment, and every public event is published twice.
 * The first instance in a JVM keeps the JVM's name; each later one adds its number.
 */
public record ProcessorOwner(String name) {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    public ProcessorOwner {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a processor owner needs a name");
        }
    }

    /** A name no other instance in this JVM has. */
    public static ProcessorOwner next() {
        String jvm = ManagementFactory.getRuntimeMXBean().getName();
        int instance = INSTANCES.incrementAndGet();
        return new ProcessorOwner(instance == 1 ? jvm : jvm + "#" + instance);
    }
}
