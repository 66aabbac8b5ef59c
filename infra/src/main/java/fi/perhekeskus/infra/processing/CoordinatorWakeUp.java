package fi.perhekeskus.infra.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The coordinator's executor of a pooled streaming processor, whose wait for room in the work
 * packages ends when a work package takes its next batch.
 *
 * <p>The coordinator hands a work package at most 1,024 events; when none has room it looks again
 * only after 100 ms, and nothing wakes it sooner. A work package that handles its 1,024 events in
 * less time then waits, idle, for the rest of the 100 ms: a replay could not pass about 10,000
 * events/s per segment whatever the views cost. Here the work package's first event of a batch (the
 * batch has left its queue, so there is room) brings that pending look forward: the coordinator
 * fills the queue while the batch is handled. Only waits of up to 100 ms are brought forward, not
 * the longer back-off after a failure; a task brought forward is cancelled first, so it runs once.
 */
final class CoordinatorWakeUp extends ScheduledThreadPoolExecutor {

    /** The coordinator's wait when no work package has room. */
    private static final long NO_ROOM_MILLIS = 100;

    private record Pending(Runnable task, ScheduledFuture<?> future) {
    }

    private final AtomicReference<Pending> pending = new AtomicReference<>();

    CoordinatorWakeUp(String processor) {
        super(1, new NamedThreads("Coordinator[" + processor + "]"));
        setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        ScheduledFuture<?> future = super.schedule(command, delay, unit);
        if (delay > 0 && unit.toMillis(delay) <= NO_ROOM_MILLIS) {
            pending.set(new Pending(command, future));
        }
        return future;
    }

    /** Runs the coordinator's pending short wait now, if it has not run yet. */
    void wake() {
        Pending waiting = pending.getAndSet(null);
        if (waiting != null && waiting.future().cancel(false)) {
            execute(waiting.task());
        }
    }

    /** Wakes the coordinator when a work package starts a batch. */
    MessageHandlerInterceptor<EventMessage<?>> onBatchStart() {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            if (unitOfWork instanceof BatchingUnitOfWork<?> batch && batch.isFirstMessage()) {
                wake();
            }
            return chain.proceed();
        };
    }

    private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private final String name;
        private final AtomicInteger count = new AtomicInteger();

        NamedThreads(String name) {
            this.name = name;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, name + "-" + count.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        }
    }
}
