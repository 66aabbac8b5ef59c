package fi.perhekeskus.infra.processing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The coordinator's short wait for room is brought forward, once; its longer back-off is not. */
class CoordinatorWakeUpTest {

    private final CoordinatorWakeUp executor = new CoordinatorWakeUp("test");

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aWaitForRoomRunsAtOnceWhenWokenAndOnlyOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicLong ranAt = new AtomicLong();
        long started = System.nanoTime();
        executor.schedule(() -> {
            ranAt.compareAndSet(0, System.nanoTime());
            runs.incrementAndGet();
        }, 100, TimeUnit.MILLISECONDS);
        executor.wake();
        executor.wake();
        Thread.sleep(250);
        assertThat(runs).hasValue(1);
        assertThat(Duration.ofNanos(ranAt.get() - started)).isLessThan(Duration.ofMillis(80));
    }

    @Test
    void aLongerBackOffIsNotBroughtForward() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        executor.schedule(runs::incrementAndGet, 500, TimeUnit.MILLISECONDS);
        executor.wake();
        Thread.sleep(200);
        assertThat(runs).hasValue(0);
        await().atMost(Duration.ofSeconds(2)).until(() -> runs.get() == 1);
    }

    @Test
    void aWaitThatHasRunIsNotRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        executor.schedule(runs::incrementAndGet, 1, TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(1)).until(() -> runs.get() == 1);
        executor.wake();
        await().pollInterval(Duration.ofMillis(10)).during(Duration.ofMillis(100)).atMost(Duration.ofMillis(300)).until(() -> runs.get() == 1);
    }
}
