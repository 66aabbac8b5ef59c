package fi.perhekeskus.referral.hsds;

import fi.perhekeskus.contract.directory.CapacityStatus;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The platform's own classifications as HSDS taxonomies: the traffic-light need level, the
 * service kind and the capacity (HSDS 3.0 has no field for it; an attribute is its valid place). Their ids are name-based UUIDs, the same on every installation and every restart.
 */
final class HsdsTaxonomies {

    record Taxonomy(UUID id, String code, String name, String description) {
    }

    /** A term and the platform value it stands for (a {@link NeedLevel}, {@link ServiceKind} or {@link CapacityStatus}). */
    record Term(UUID id, Taxonomy taxonomy, String code, String name, String description, Enum<?> value) {
    }

    static final Taxonomy NEED_LEVEL = new Taxonomy(id("taxonomy:need-level"), "need_level",
            "Need level (traffic-light model)",
            "How much support a family needs: green for universal services, yellow for targeted support, "
                    + "red for intensive or specialised help.");
    static final Taxonomy SERVICE_KIND = new Taxonomy(id("taxonomy:service-kind"), "service_kind",
            "Service kind", "How the service is delivered: to one family, in a group, or as an open activity.");

    static final Taxonomy CAPACITY = new Taxonomy(id("taxonomy:capacity"), "capacity", "Capacity",
            "Whether the service takes families now: open, a waiting list, closed, or after an assessment.");

    static final List<Taxonomy> TAXONOMIES = List.of(NEED_LEVEL, SERVICE_KIND, CAPACITY);

    static final List<Term> TERMS = List.of(
            term(NEED_LEVEL, NeedLevel.GREEN, "Green", "Universal services for every family."),
            term(NEED_LEVEL, NeedLevel.YELLOW, "Yellow", "Targeted support for families with increased needs."),
            term(NEED_LEVEL, NeedLevel.RED, "Red", "Intensive or specialised help."),
            term(SERVICE_KIND, ServiceKind.INDIVIDUAL, "Individual", "Support for one family at a time."),
            term(SERVICE_KIND, ServiceKind.GROUP, "Group", "A group programme for several families."),
            term(SERVICE_KIND, ServiceKind.OPEN, "Open", "An open activity, no referral or enrolment needed."),
            term(CAPACITY, CapacityStatus.OPEN, "Open", "Takes families now."),
            term(CAPACITY, CapacityStatus.WAITLIST, "Waiting list", "Families wait for a place."),
            term(CAPACITY, CapacityStatus.CLOSED, "Closed", "Takes no families at the moment."),
            term(CAPACITY, CapacityStatus.ASSESSMENT_REQUIRED, "Assessment required",
                    "A family's need is assessed before it gets a place."));

    private HsdsTaxonomies() {
    }

    static Term of(Enum<?> value) {
        return TERMS.stream().filter(t -> t.value() == value).findFirst()
                .orElseThrow(() -> new IllegalStateException("no HSDS term for " + value));
    }

    static Optional<Term> term(UUID id) {
        return TERMS.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    static Optional<Taxonomy> taxonomy(UUID id) {
        return TAXONOMIES.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    static Stream<Term> termsOf(Taxonomy taxonomy) {
        return TERMS.stream().filter(t -> t.taxonomy().equals(taxonomy));
    }

    /** A stable id derived from the platform's own ids, for HSDS rows the platform has no id of its own for. */
    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("perhekeskus:hsds:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static Term term(Taxonomy taxonomy, Enum<?> value, String name, String description) {
        return new Term(id("term:" + taxonomy.code() + ":" + value.name()), taxonomy, value.name(), name,
                description, value);
    }
}
