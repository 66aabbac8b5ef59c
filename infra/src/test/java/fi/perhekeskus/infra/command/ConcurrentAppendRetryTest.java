package fi.perhekeskus.infra.command;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentAppendRetryTest {

    private final ConcurrentAppendRetry retry = new ConcurrentAppendRetry(3, 20);
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command");

    @AfterEach
    void close() {
        retry.close();
    }

    @Test
    void aCommandThatLostAConcurrentAppendRunsAgain() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        RuntimeException lost = new CommandExecutionException("append refused", new ConcurrencyException("sequence 4 taken"));

        assertThat(retry.scheduleRetry(command, lost, failures(1), ran::countDown)).isTrue();
        assertThat(ran.await(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void itGivesUpAfterItsRetries() {
        RuntimeException lost = new ConcurrencyException("sequence 4 taken");

        assertThat(retry.scheduleRetry(command, lost, failures(3), () -> { })).isTrue();
        assertThat(retry.scheduleRetry(command, lost, failures(4), () -> { })).isFalse();
    }

    @Test
    void aSecondCreationAndABusinessRefusalAreAnsweredAtOnce() {
        assertThat(retry.scheduleRetry(command, new AggregateStreamCreationException("exists"), failures(1), () -> { }))
                .isFalse();
        assertThat(retry.scheduleRetry(command, new CommandExecutionException("refused",
                new IllegalStateException("not in a state to accept")), failures(1), () -> { })).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
