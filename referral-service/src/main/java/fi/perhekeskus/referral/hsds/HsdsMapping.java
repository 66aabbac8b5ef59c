package fi.perhekeskus.referral.hsds;

import fi.perhekeskus.referral.directory.AgencySummary;
import fi.perhekeskus.referral.directory.DirectoryEntry;
import fi.perhekeskus.referral.directory.ServiceSummary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Platform directory → HSDS 3.0 (the mapping is listed in the README, "Public directory, HSDS"). */
final class HsdsMapping {

    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

    private HsdsMapping() {
    }

    static Hsds.ServiceSummary summary(DirectoryEntry entry, AgencySummary agency) {
        ServiceSummary s = entry.service();
        return new Hsds.ServiceSummary(s.id().toString(), s.agencyId().toString(), s.name(), s.description(),
                status(entry), eligibility(s), minimumAge(s), maximumAge(s), lastModified(entry.modifiedAt()),
                agency == null ? null : organization(agency));
    }

    static Hsds.Service service(DirectoryEntry entry, AgencySummary agency) {
        ServiceSummary s = entry.service();
        String id = s.id().toString();
        List<Hsds.Language> languages = s.languages().stream()
                .map(code -> new Hsds.Language(HsdsTaxonomies.id("service:" + id + ":language:" + code).toString(), id,
                        languageName(code), code))
                .toList();
        List<Hsds.ServiceArea> areas = s.municipalities().stream()
                .map(m -> new Hsds.ServiceArea(HsdsTaxonomies.id("service:" + id + ":area:" + m).toString(), id, m,
                        "text"))
                .toList();
        List<Hsds.Attribute> attributes = List.of(attribute(id, HsdsTaxonomies.of(s.needLevel())),
                attribute(id, HsdsTaxonomies.of(s.kind())), attribute(id, HsdsTaxonomies.of(s.capacity().status())));
        return new Hsds.Service(id, s.agencyId().toString(), s.name(), s.description(), status(entry), eligibility(s),
                minimumAge(s), maximumAge(s), lastModified(entry.modifiedAt()), languages, areas, attributes,
                agency == null ? null : organization(agency));
    }

    static Hsds.OrganizationSummary organization(AgencySummary agency) {
        return new Hsds.OrganizationSummary(agency.id().toString(), agency.name(), description(agency),
                agency.organizerType() == null ? null : agency.organizerType().name());
    }

    static Hsds.Organization organization(AgencySummary agency, List<Hsds.ServiceSummary> services) {
        return new Hsds.Organization(agency.id().toString(), agency.name(), description(agency),
                agency.organizerType() == null ? null : agency.organizerType().name(), services);
    }

    static Hsds.Taxonomy taxonomy(HsdsTaxonomies.Taxonomy taxonomy) {
        return new Hsds.Taxonomy(taxonomy.id().toString(), taxonomy.name(), taxonomy.description(), null);
    }

    static Hsds.TaxonomyTerm term(HsdsTaxonomies.Term term) {
        return new Hsds.TaxonomyTerm(term.id().toString(), term.code(), term.name(), term.description(),
                term.taxonomy().name(), term.taxonomy().id().toString(), "en");
    }

    private static Hsds.Attribute attribute(String serviceId, HsdsTaxonomies.Term term) {
        return new Hsds.Attribute(HsdsTaxonomies.id("service:" + serviceId + ":" + term.taxonomy().code()).toString(),
                serviceId, term.taxonomy().code(), "service", term.id().toString(), term.code(), term(term));
    }

    /** Withdrawn services stay listed, as inactive, so that a consumer learns they are gone. */
    private static String status(DirectoryEntry entry) {
        return entry.withdrawn() ? "inactive" : "active";
    }

    private static String eligibility(ServiceSummary s) {
        return "Families with a child aged " + s.ageFromMonths() + "–" + s.ageToMonths() + " months";
    }

    // HSDS ages are in years; the platform's in whole months. Rounded outwards, never excluding an eligible child.
    private static BigDecimal minimumAge(ServiceSummary s) {
        return BigDecimal.valueOf(s.ageFromMonths()).divide(MONTHS_PER_YEAR, 2, RoundingMode.FLOOR).stripTrailingZeros();
    }

    private static BigDecimal maximumAge(ServiceSummary s) {
        return BigDecimal.valueOf(s.ageToMonths()).divide(MONTHS_PER_YEAR, 2, RoundingMode.CEILING).stripTrailingZeros();
    }

    private static String lastModified(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? null : name;
    }

    /** HSDS requires a description; the platform has the organiser and the home municipality. */
    private static String description(AgencySummary agency) {
        StringBuilder text = new StringBuilder(agency.name());
        if (agency.organizerName() != null) {
            text.append(", organised by ").append(agency.organizerName());
        }
        if (agency.municipality() != null) {
            text.append(", ").append(agency.municipality());
        }
        return text.toString();
    }
}
