package fi.perhekeskus.infra.kafka;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The public topics as a source for pooled streaming processors: the Kafka extension's streamable
 * source, with streams that tell the processor's coordinator when records arrive. The extension's
 * stream cannot, and a coordinator then polls an idle stream only every 500 ms, which was most of the
 * lag from a command to a dashboard.
 */
public final class PublicEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** The buffer the source creates while opening a stream, on the opening thread. */
    private static final ThreadLocal<FetchOrderBuffer<KafkaEventMessage>> OPENING = new ThreadLocal<>();

    private final StreamableKafkaMessageSource<String, byte[]> kafka;

    public PublicEventSource(StreamableKafkaMessageSource<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** The buffer factory to build the Kafka source with. */
    static Supplier<Buffer<KafkaEventMessage>> buffers(int capacity, Duration linger) {
        return () -> {
            FetchOrderBuffer<KafkaEventMessage> buffer = new FetchOrderBuffer<>(capacity, linger);
            OPENING.set(buffer);
            return buffer;
        };
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        OPENING.remove();
        try {
            BlockingStream<TrackedEventMessage<?>> stream = kafka.openStream(token);
            FetchOrderBuffer<KafkaEventMessage> buffer = OPENING.get();
            return buffer == null ? stream : new NotifyingStream(stream, buffer);
        } finally {
            OPENING.remove();
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return kafka.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return kafka.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return kafka.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return kafka.createTokenSince(duration);
    }

    private record NotifyingStream(BlockingStream<TrackedEventMessage<?>> stream,
                                   FetchOrderBuffer<KafkaEventMessage> buffer)
            implements BlockingStream<TrackedEventMessage<?>> {

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            buffer.onAvailable(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void close() {
            stream.close();
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }
    }
}
