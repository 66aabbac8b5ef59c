package fi.perhekeskus.infra.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two instances of a service may handle commands for the same aggregate at once. Each loads the
 * aggregate, decides and appends at the same sequence number; the event store's unique key lets
 * only one append, and the other fails with a {@link ConcurrencyException}. That command is then
 * run again on the aggregate as it now is, so no update is lost and its rules see the other
 * instance's change. Only that failure is retried: a business refusal, or a second creation of the
 * same aggregate (an {@code AggregateStreamCreationException}, not a concurrency exception), is
 * answered at once.
 */
public class ConcurrentAppendRetry implements RetryScheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentAppendRetry.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long maxBackOffMillis;

    public ConcurrentAppendRetry(int maxRetries, long maxBackOffMillis) {
        // Its own thread, not a bean: a ScheduledExecutorService bean would become Spring's scheduler.
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        this.maxRetries = maxRetries;
        this.maxBackOffMillis = maxBackOffMillis;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!isConcurrentAppend(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        // A random back-off, growing with each attempt, so the two instances do not collide again in step.
        long ceiling = Math.min(maxBackOffMillis, 1L << Math.min(failures.size(), 10));
        long delay = ThreadLocalRandom.current().nextLong(ceiling + 1);
        log.debug("command {} met a concurrent append; attempt {} in {} ms", commandMessage.getCommandName(),
                failures.size() + 1, delay);
        executor.schedule(dispatchTask, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean isConcurrentAppend(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
