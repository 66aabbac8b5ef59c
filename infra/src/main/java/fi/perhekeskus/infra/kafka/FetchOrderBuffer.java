package fi.perhekeskus.infra.kafka;

import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands fetched records to the processor in exactly the order the consumer fetched them.
 *
 * <p>The Kafka extension's default buffer sorts records by timestamp across partitions. A
 * processor's token is a map of partition offsets that grows in fetch order; a record handed over
 * out of that order carries a token the processor's last token already covers, and the pooled
 * streaming processor skips it as processed: events are silently lost. Seen here: half of 300
 * concurrently published events never reached a projection. Fetch order keeps tokens monotonic.
 */
public class FetchOrderBuffer<E> implements Buffer<E> {

    private final LinkedBlockingQueue<E> queue;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile Runnable onAvailable;
    private final Duration linger;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();

    public FetchOrderBuffer(int capacity) {
        this(capacity, Duration.ZERO);
    }

    /** @param linger how long to wait after records arrive before telling the consumer, to gather more */
    public FetchOrderBuffer(int capacity, Duration linger) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.linger = linger;
    }

    @Override
    public void put(E element) throws InterruptedException {
        queue.put(element);
        notifyAvailable();
    }

    @Override
    public void putAll(Collection<E> elements) throws InterruptedException {
        for (E element : elements) {
            queue.put(element);
        }
        if (!elements.isEmpty()) {
            notifyAvailable();
        }
    }

    /**
     * Runs {@code callback} when records arrive, after the linger (and at once if some are waiting),
     * so that a pooled processor's coordinator wakes then instead of polling an idle stream twice a second.
     */
    public void onAvailable(Runnable callback) {
        this.onAvailable = callback;
        if (!queue.isEmpty() || failure.get() != null) {
            callback.run();
        }
    }

    private void notifyAvailable() {
        if (onAvailable == null) {
            return;
        }
        if (linger.isZero()) {
            onAvailable.run();
        } else if (wakeScheduled.compareAndSet(false, true)) {
            WAKER.schedule(() -> {
                wakeScheduled.set(false);
                Runnable callback = onAvailable;
                if (callback != null) {
                    callback.run();
                }
            }, linger.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private static final ScheduledExecutorService WAKER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kafka-stream-waker");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        E element = queue.poll(timeout, unit);
        if (element == null) {
            throwIfFailed();
        }
        return element;
    }

    @Override
    public E take() throws InterruptedException {
        E element;
        while ((element = queue.poll(100, TimeUnit.MILLISECONDS)) == null) {
            throwIfFailed();
        }
        return element;
    }

    @Override
    public E peek() {
        return queue.peek();
    }

    @Override
    public int size() {
        return queue.size();
    }

    @Override
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Override
    public int remainingCapacity() {
        return queue.remainingCapacity();
    }

    @Override
    public void clear() {
        queue.clear();
    }

    @Override
    public void setException(RuntimeException exception) {
        failure.set(exception);
        notifyAvailable();
    }

    private void throwIfFailed() {
        RuntimeException exception = failure.getAndSet(null);
        if (exception != null) {
            throw exception;
        }
    }
}
