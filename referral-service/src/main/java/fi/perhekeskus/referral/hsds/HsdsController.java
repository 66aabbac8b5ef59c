package fi.perhekeskus.referral.hsds;

import fi.perhekeskus.domain.UnknownException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Optional;
import java.util.UUID;

/**
 * The service directory as Open Referral HSDS 3.0 (its OpenAPI's read endpoints), public and read-only.
 * Paging as HSDS: {@code page} from 1, {@code per_page} 1–500 (default 50).
 */
@RestController
@RequestMapping("/hsds")
@Tag(name = "Public directory (Open Referral HSDS 3.0)")
public class HsdsController {

    static final String VERSION = "3.0";

    private final HsdsDirectory directory;

    HsdsController(HsdsDirectory directory) {
        this.directory = directory;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "The HSDS version of this API and where its OpenAPI document is")
    public Hsds.Root root() {
        return new Hsds.Root(VERSION, ServletUriComponentsBuilder.fromCurrentContextPath().path("/v3/api-docs")
                .toUriString());
    }

    @GetMapping("/services")
    @Operation(summary = "Services (withdrawn ones as inactive), by name, with their one-to-one fields")
    public Hsds.Page<Hsds.ServiceSummary> services(
            @RequestParam(required = false) String search,
            @RequestParam(name = "taxonomy_term_id", required = false) UUID taxonomyTermId,
            @RequestParam(name = "taxonomy_id", required = false) UUID taxonomyId,
            @RequestParam(name = "organization_id", required = false) UUID organizationId,
            @RequestParam(name = "modified_after", required = false) String modifiedAfter,
            @RequestParam(defaultValue = "1") long page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage) {
        HsdsParameters.check(search, page, perPage);
        return directory.services(new HsdsDirectory.ServiceQuery(search, taxonomyTermId, taxonomyId, organizationId,
                HsdsParameters.instant("modified_after", modifiedAfter)), page, perPage);
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "A service with its languages, service areas (municipalities) and taxonomy terms")
    public Hsds.Service service(@PathVariable UUID id) {
        return found(directory.service(id));
    }

    @GetMapping("/organizations")
    @Operation(summary = "The network's agencies, by name")
    public Hsds.Page<Hsds.OrganizationSummary> organizations(
            @RequestParam(required = false) String search,
            @RequestParam(defaultValue = "1") long page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage) {
        HsdsParameters.check(search, page, perPage);
        return directory.organizations(search, page, perPage);
    }

    @GetMapping("/organizations/{id}")
    @Operation(summary = "An agency with its services")
    public Hsds.Organization organization(@PathVariable UUID id) {
        return found(directory.organization(id));
    }

    @GetMapping("/taxonomies")
    @Operation(summary = "The platform's taxonomies: need level (traffic-light model) and service kind")
    public Hsds.Page<Hsds.Taxonomy> taxonomies(
            @RequestParam(required = false) String search,
            @RequestParam(defaultValue = "1") long page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage) {
        HsdsParameters.check(search, page, perPage);
        return directory.taxonomies(search, page, perPage);
    }

    @GetMapping("/taxonomies/{id}")
    @Operation(summary = "A taxonomy")
    public Hsds.Taxonomy taxonomy(@PathVariable UUID id) {
        return found(directory.taxonomy(id));
    }

    @GetMapping("/taxonomy_terms")
    @Operation(summary = "The terms of the platform's taxonomies (all top-level)")
    public Hsds.Page<Hsds.TaxonomyTerm> taxonomyTerms(
            @RequestParam(required = false) String search,
            @RequestParam(name = "taxonomy_id", required = false) UUID taxonomyId,
            @RequestParam(name = "parent_id", required = false) UUID parentId,
            @RequestParam(defaultValue = "1") long page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage) {
        HsdsParameters.check(search, page, perPage);
        return directory.taxonomyTerms(search, taxonomyId, parentId, page, perPage);
    }

    @GetMapping("/taxonomy_terms/{id}")
    @Operation(summary = "A taxonomy term")
    public Hsds.TaxonomyTerm taxonomyTerm(@PathVariable UUID id) {
        return found(directory.taxonomyTerm(id));
    }

    private static <T> T found(Optional<T> item) {
        return item.orElseThrow(() -> new UnknownException("no such item in the directory"));
    }
}
