package fi.perhekeskus.infra.kafka;

import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;

import java.util.Collection;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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

    public FetchOrderBuffer(int capacity) {
        this.queue = new LinkedBlockingQueue<>(capacity);
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
     * Runs {@code callback} whenever records arrive (and at once if some are waiting), so that a
     * pooled processor's coordinator wakes at once instead of polling an idle stream twice a second.
     */
    public void onAvailable(Runnable callback) {
        this.onAvailable = callback;
        if (!queue.isEmpty() || failure.get() != null) {
            callback.run();
        }
    }

    private void notifyAvailable() {
        Runnable callback = onAvailable;
        if (callback != null) {
            callback.run();
        }
    }

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
