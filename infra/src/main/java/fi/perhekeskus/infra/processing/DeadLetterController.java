package fi.perhekeskus.infra.processing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import fi.perhekeskus.domain.UnknownException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Events a consumer could not handle are parked per aggregate (with that aggregate's later events,
 * in order) while other aggregates keep flowing. Coordinators see them here and retry them.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Tag(name = "Operations")
public class DeadLetterController {

    public record ParkedEvent(String sequence, String eventId, String type, String aggregateId,
                              Long sequenceNumber, String cause, Instant enqueuedAt) {
    }

    public record ProcessorDeadLetters(String processor, long events, long sequences, List<ParkedEvent> parked) {
    }

    public record RetryResult(String processor, int sequencesRetried, long stillParked) {
    }

    private final Configuration axon;

    public DeadLetterController(Configuration axon) {
        this.axon = axon;
    }

    @GetMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Parked events per processor (COORDINATOR)")
    public List<ProcessorDeadLetters> list() {
        List<ProcessorDeadLetters> result = new ArrayList<>();
        for (String name : axon.eventProcessingConfiguration().eventProcessors().keySet()) {
            axon.eventProcessingConfiguration().deadLetterQueue(name).ifPresent(queue ->
                    result.add(describe(name, queue)));
        }
        return result;
    }

    @PostMapping("/{processor}/retry")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Retry every parked sequence of a processor, oldest first (COORDINATOR)")
    public RetryResult retry(@PathVariable String processor) {
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = axon.eventProcessingConfiguration()
                .sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new UnknownException("no dead-letter queue for processor " + processor));
        SequencedDeadLetterQueue<EventMessage<?>> queue = axon.eventProcessingConfiguration()
                .deadLetterQueue(processor).orElseThrow();
        long sequences = queue.amountOfSequences();
        int retried = 0;
        // Each round takes one sequence; a sequence that fails again goes back to the queue.
        while (retried < sequences && retrier.processAny()) {
            retried++;
        }
        return new RetryResult(processor, retried, queue.size());
    }

    private static ProcessorDeadLetters describe(String name, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<ParkedEvent> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                EventMessage<?> message = letter.message();
                String aggregate = message instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null;
                Long seq = message instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : null;
                parked.add(new ParkedEvent(aggregate, message.getIdentifier(), message.getPayloadType().getSimpleName(),
                        aggregate, seq, letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null),
                        letter.enqueuedAt()));
                if (parked.size() >= 500) {
                    break;
                }
            }
        }
        return new ProcessorDeadLetters(name, queue.size(), queue.amountOfSequences(), parked);
    }
}
