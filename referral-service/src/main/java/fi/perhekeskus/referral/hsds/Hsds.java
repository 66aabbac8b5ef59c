package fi.perhekeskus.referral.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.util.List;

/**
 * The HSDS 3.0 objects this API answers with (field names as the standard spells them). An absent
 * value is left out: HSDS types do not allow {@code null}.
 */
final class Hsds {

    private Hsds() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Root(String version, String openapiUrl) {
    }

    /** The HSDS page: {@code contents} and the page's place in the whole result. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Page<T>(long totalItems, long totalPages, long pageNumber, int size, boolean firstPage,
                   boolean lastPage, boolean empty, List<T> contents) {

        static <T> Page<T> of(long totalItems, long pageNumber, int perPage, List<T> contents) {
            long totalPages = (totalItems + perPage - 1) / perPage;
            return new Page<>(totalItems, totalPages, pageNumber, contents.size(), pageNumber == 1,
                    pageNumber >= totalPages, contents.isEmpty(), contents);
        }

        static <T> Page<T> of(List<T> all, long pageNumber, int perPage) {
            long from = Math.min((pageNumber - 1) * perPage, all.size());
            long to = Math.min(from + perPage, all.size());
            return of(all.size(), pageNumber, perPage, all.subList((int) from, (int) to));
        }
    }

    /** A service with its one-to-one fields ({@code compiled/service_list.json}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServiceSummary(String id, String organizationId, String name, String description, String status,
                          String eligibilityDescription, BigDecimal minimumAge, BigDecimal maximumAge,
                          String lastModified, OrganizationSummary organization) {
    }

    /** A service with its related rows ({@code compiled/service.json}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Service(String id, String organizationId, String name, String description, String status,
                   String eligibilityDescription, BigDecimal minimumAge, BigDecimal maximumAge,
                   String lastModified, List<Language> languages, List<ServiceArea> serviceAreas,
                   List<Attribute> attributes, OrganizationSummary organization) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Language(String id, String serviceId, String name, String code) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServiceArea(String id, String serviceId, String name, String extentType) {
    }

    /** A link between a service and a taxonomy term. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Attribute(String id, String linkId, String linkType, String linkEntity, String taxonomyTermId,
                     String value, TaxonomyTerm taxonomyTerm) {
    }

    /** An organization with its one-to-one fields ({@code compiled/organization_list.json}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OrganizationSummary(String id, String name, String description, String legalStatus) {
    }

    /** An organization with its services ({@code compiled/organization.json}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Organization(String id, String name, String description, String legalStatus,
                        List<ServiceSummary> services) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Taxonomy(String id, String name, String description, String version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TaxonomyTerm(String id, String code, String name, String description, String taxonomy,
                        String taxonomyId, String language) {
    }
}
