package fi.perhekeskus.infra.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The consuming processor's buffer: fetch order, and waking the processor when records arrive. */
class FetchOrderBufferTest {

    private final AtomicInteger wakes = new AtomicInteger();

    @Test
    void handsRecordsOverInFetchOrder() throws InterruptedException {
        FetchOrderBuffer<String> buffer = new FetchOrderBuffer<>(10);
        buffer.putAll(List.of("p1-5", "p0-9", "p1-6"));
        buffer.put("p0-10");

        assertThat(List.of(buffer.take(), buffer.take(), buffer.take(), buffer.poll(0, TimeUnit.SECONDS)))
                .containsExactly("p1-5", "p0-9", "p1-6", "p0-10");
    }

    @Test
    void wakesTheConsumerWhenRecordsArrive() throws InterruptedException {
        FetchOrderBuffer<String> buffer = new FetchOrderBuffer<>(10, Duration.ZERO);
        buffer.onAvailable(wakes::incrementAndGet);
        assertThat(wakes).hasValue(0);

        buffer.putAll(List.of("a", "b"));
        assertThat(wakes).hasValue(1);
        buffer.putAll(List.of());
        assertThat(wakes).hasValue(1);
    }

    @Test
    void wakesAtOnceWhenRecordsAreAlreadyWaiting() throws InterruptedException {
        FetchOrderBuffer<String> buffer = new FetchOrderBuffer<>(10, Duration.ofSeconds(30));
        buffer.put("a");
        buffer.onAvailable(wakes::incrementAndGet);
        assertThat(wakes).hasValue(1);
    }

    @Test
    void recordsArrivingWithinTheLingerWakeTheConsumerOnce() throws InterruptedException {
        FetchOrderBuffer<String> buffer = new FetchOrderBuffer<>(100, Duration.ofMillis(200));
        buffer.onAvailable(wakes::incrementAndGet);
        for (int i = 0; i < 10; i++) {
            buffer.put("record-" + i);
        }
        await().atMost(Duration.ofSeconds(5)).untilAtomic(wakes, org.hamcrest.Matchers.is(1));
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .untilAtomic(wakes, org.hamcrest.Matchers.is(1));
        assertThat(buffer.size()).isEqualTo(10);
    }

    @Test
    void aFetchFailureWakesTheConsumerToSeeIt() {
        FetchOrderBuffer<String> buffer = new FetchOrderBuffer<>(10, Duration.ZERO);
        buffer.onAvailable(wakes::incrementAndGet);
        buffer.setException(new IllegalStateException("broker gone"));
        assertThat(wakes).hasValue(1);
    }
}
