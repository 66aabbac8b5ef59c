package fi.perhekeskus.referral.hsds;

import fi.perhekeskus.contract.directory.CapacityStatus;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.referral.directory.AgencySummary;
import fi.perhekeskus.referral.directory.DirectoryEntry;
import fi.perhekeskus.referral.directory.DirectoryListing;
import fi.perhekeskus.referral.directory.DirectoryPage;
import fi.perhekeskus.referral.directory.DirectoryProjection;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory view read as HSDS. Every read goes through {@link DirectoryProjection}, so it waits for
 * the caller's own writes like the platform's own directory search does.
 */
@Component
class HsdsDirectory {

    /** What {@code GET /hsds/services} filters on; {@code null} means no filter. */
    record ServiceQuery(String search, UUID taxonomyTermId, UUID taxonomyId, UUID organizationId,
                        Instant modifiedAfter) {
    }

    private final DirectoryProjection directory;

    HsdsDirectory(DirectoryProjection directory) {
        this.directory = directory;
    }

    Hsds.Page<Hsds.ServiceSummary> services(ServiceQuery query, long page, int perPage) {
        NeedLevel needLevel = null;
        ServiceKind kind = null;
        CapacityStatus capacity = null;
        if (query.taxonomyTermId() != null) {
            Optional<HsdsTaxonomies.Term> term = HsdsTaxonomies.term(query.taxonomyTermId());
            if (term.isEmpty()) {
                return Hsds.Page.of(0, page, perPage, List.of());
            }
            if (term.get().value() instanceof NeedLevel level) {
                needLevel = level;
            } else if (term.get().value() instanceof CapacityStatus status) {
                capacity = status;
            } else {
                kind = (ServiceKind) term.get().value();
            }
        }
        // Every service has one term of each taxonomy: a known taxonomy filters nothing out.
        if (query.taxonomyId() != null && HsdsTaxonomies.taxonomy(query.taxonomyId()).isEmpty()) {
            return Hsds.Page.of(0, page, perPage, List.of());
        }
        DirectoryPage<DirectoryEntry> found = directory.listing(new DirectoryListing(query.search(),
                query.organizationId(), needLevel, kind, capacity, query.modifiedAfter()), (page - 1) * perPage, perPage);
        Map<UUID, AgencySummary> agencies = directory.agencies(found.items().stream().map(e -> e.service().agencyId()).toList());
        return Hsds.Page.of(found.total(), page, perPage, found.items().stream()
                .map(e -> HsdsMapping.summary(e, agencies.get(e.service().agencyId()))).toList());
    }

    Optional<Hsds.Service> service(UUID id) {
        return directory.entry(id).map(e -> HsdsMapping.service(e,
                directory.agencies(List.of(e.service().agencyId())).get(e.service().agencyId())));
    }

    Hsds.Page<Hsds.OrganizationSummary> organizations(String search, long page, int perPage) {
        DirectoryPage<AgencySummary> found = directory.agencies(search, (page - 1) * perPage, perPage);
        return Hsds.Page.of(found.total(), page, perPage, found.items().stream().map(HsdsMapping::organization).toList());
    }

    Optional<Hsds.Organization> organization(UUID id) {
        return directory.agency(id).map(agency -> HsdsMapping.organization(agency, directory.servicesOf(id).stream()
                .map(e -> HsdsMapping.summary(e, null)).toList()));
    }

    Hsds.Page<Hsds.Taxonomy> taxonomies(String search, long page, int perPage) {
        return Hsds.Page.of(HsdsTaxonomies.TAXONOMIES.stream()
                .filter(t -> matches(search, t.name(), t.description()))
                .map(HsdsMapping::taxonomy).toList(), page, perPage);
    }

    Optional<Hsds.Taxonomy> taxonomy(UUID id) {
        return HsdsTaxonomies.taxonomy(id).map(HsdsMapping::taxonomy);
    }

    /** All the platform's terms are top-level: a {@code parent_id} matches none. */
    Hsds.Page<Hsds.TaxonomyTerm> taxonomyTerms(String search, UUID taxonomyId, UUID parentId, long page, int perPage) {
        return Hsds.Page.of(HsdsTaxonomies.TERMS.stream()
                .filter(t -> taxonomyId == null || t.taxonomy().id().equals(taxonomyId))
                .filter(t -> parentId == null)
                .filter(t -> matches(search, t.name(), t.code(), t.description()))
                .map(HsdsMapping::term).toList(), page, perPage);
    }

    Optional<Hsds.TaxonomyTerm> taxonomyTerm(UUID id) {
        return HsdsTaxonomies.term(id).map(HsdsMapping::term);
    }

    private static boolean matches(String search, String... texts) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String needle = search.toLowerCase(Locale.ROOT);
        for (String text : texts) {
            if (text.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
