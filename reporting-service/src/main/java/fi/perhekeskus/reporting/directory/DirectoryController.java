package fi.perhekeskus.reporting.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/reports/agencies")
@Tag(name = "Directory")
public class DirectoryController {

    private final DirectoryProjection directory;

    public DirectoryController(DirectoryProjection directory) {
        this.directory = directory;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ANALYST', 'COORDINATOR')")
    @Operation(summary = "The network's agencies, as the dashboards group by them")
    public List<AgencySummary> agencies() {
        return directory.agencies();
    }
}
