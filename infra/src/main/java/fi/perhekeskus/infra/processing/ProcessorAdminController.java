package fi.perhekeskus.infra.processing;

import fi.perhekeskus.domain.UnknownException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recovery of a processor whose position no longer matches its source (a topic recreated, a
 * cluster restored): its tokens go back to the start and it handles every event again. Consumers
 * are idempotent, so what they had already handled changes nothing.
 */
@RestController
@RequestMapping("/api/v1/admin/processors")
@Tag(name = "Operations")
public class ProcessorAdminController {

    public record ResetResult(String processor, boolean running) {
    }

    private final Configuration axon;
    private final StuckPositions stuck;

    public ProcessorAdminController(Configuration axon, StuckPositions stuck) {
        this.axon = axon;
        this.stuck = stuck;
    }

    @PostMapping("/{processor}/reset")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Replay a processor from the start of its source (COORDINATOR)")
    public ResetResult reset(@PathVariable String processor) {
        StreamingEventProcessor streaming = axon.eventProcessingConfiguration()
                .eventProcessor(processor, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownException("no such processor"));
        streaming.shutDown();
        streaming.resetTokens();
        stuck.cleared(processor);
        streaming.start();
        return new ResetResult(processor, streaming.isRunning());
    }
}
