package fi.perhekeskus.reporting.rebuild;

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

@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Operations")
@PreAuthorize("hasRole('COORDINATOR')")
@Validated
public class RebuildController {

    private final ProjectionRebuild rebuild;

    public RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Drop a projection and rebuild it from offset 0 of the topics (COORDINATOR)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ProjectionProgress rebuild(@PathVariable @Size(max = Limits.NAME) String name) {
        return rebuild.rebuild(name);
    }

    @GetMapping("/{name}")
    @Operation(summary = "A projection's progress: records processed of those on the topics, events/s during a rebuild")
    public ProjectionProgress progress(@PathVariable @Size(max = Limits.NAME) String name) {
        return rebuild.progress(name);
    }

    @GetMapping
    @Operation(summary = "The projections that can be rebuilt")
    public List<String> projections() {
        return fi.perhekeskus.reporting.ProjectionProcessing.PROJECTIONS;
    }
}
