package fi.perhekeskus.kafka.broker;

import java.time.Duration;

/**
 * Starts {@code kafka.Kafka} and stops it when the process that launched it is gone, so that a
 * killed test run or launcher never leaves an orphan broker holding its ports.
 *
 * <p>Usage: {@code BrokerMain <parent pid> <server.properties>}.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        Thread watchdog = new Thread(() -> watch(parentPid), "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(new String[] {args[1]});
    }

    private static void watch(long parentPid) {
        ProcessHandle parent = ProcessHandle.of(parentPid).orElse(null);
        while (parent != null && parent.isAlive()) {
            try {
                Thread.sleep(Duration.ofSeconds(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // Exit runs Kafka's shutdown hook: a clean, flushed stop.
        System.exit(0);
    }
}
