package fi.perhekeskus.reporting.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import fi.perhekeskus.infra.web.Limits;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Operations")
@PreAuthorize("hasRole('COORDINATOR')")
@Validated
public class RebuildController {

    /**
     * A projection's processor and, once it reads from Kafka, records processed of those on the topics;
     * eventsPerSecond during a rebuild.
     */
    public record Progress(String projection, boolean running, boolean replaying,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long processed,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long end,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long percent,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long eventsPerSecond) {

        static Progress of(Map<String, Object> progress) {
            return new Progress((String) progress.get("projection"), Boolean.TRUE.equals(progress.get("running")),
                    Boolean.TRUE.equals(progress.get("replaying")), number(progress.get("processed")),
                    number(progress.get("end")), number(progress.get("percent")),
                    number(progress.get("eventsPerSecond")));
        }

        private static Long number(Object value) {
            return value instanceof Number n ? n.longValue() : null;
        }
    }

    private final ProjectionRebuild rebuild;

    public RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Drop a projection and rebuild it from offset 0 of the topics (COORDINATOR)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Progress rebuild(@PathVariable @Size(max = Limits.NAME) String name) {
        return Progress.of(rebuild.rebuild(name));
    }

    @GetMapping("/{name}")
    @Operation(summary = "A projection's progress: records processed of those on the topics, events/s during a rebuild")
    public Progress progress(@PathVariable @Size(max = Limits.NAME) String name) {
        return Progress.of(rebuild.progress(name));
    }

    @GetMapping
    @Operation(summary = "The projections that can be rebuilt")
    public List<String> projections() {
        return fi.perhekeskus.reporting.ProjectionProcessing.PROJECTIONS;
    }
}
