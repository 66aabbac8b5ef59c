package fi.perhekeskus.referral.fhir;

import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.referral.directory.ServiceSummary;
import fi.perhekeskus.referral.referral.ReferralResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.util.Optional;

/**
 * What the sender asked for, as a FHIR R4 ServiceRequest with the same id as its Task: the service
 * (its name as the code's text, its kind and the family's need level as categories), who asked
 * whom, and the family as an opaque id. The reason is the family's own account: there only when the
 * reader may see the family, as in the JSON detail.
 */
final class ReferralServiceRequest {

    private ReferralServiceRequest() {
    }

    static ServiceRequest of(ReferralResponse r, Optional<ServiceSummary> service) {
        ServiceRequest request = new ServiceRequest();
        request.setId(r.id().toString());
        request.getMeta().setLastUpdated(ReferralTask.date(r.updatedAt()));
        if (Boolean.TRUE.equals(r.personalDataWithheld())) {
            request.getMeta().addSecurity(new Coding(ReferralTask.SECURITY_LABELS, "REDACTED", "redacted"));
        }
        request.setStatus(FhirStatus.serviceRequest(r.status()));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setPriority(r.priority() == Priority.URGENT ? ServiceRequest.ServiceRequestPriority.URGENT
                : ServiceRequest.ServiceRequestPriority.ROUTINE);
        service.ifPresent(s -> request.addCategory(PlatformCodes.concept(PlatformCodes.SERVICE_KIND, s.kind())));
        if (r.needLevel() != null) {
            request.addCategory(PlatformCodes.concept(PlatformCodes.NEED_LEVEL, r.needLevel()));
        }
        service.ifPresent(s -> request.setCode(new CodeableConcept().setText(s.name())));
        request.setSubject(FhirReferences.family(r.familyId()));
        request.setAuthoredOn(ReferralTask.date(r.madeAt()));
        request.setRequester(FhirReferences.organization(r.senderAgencyId()));
        request.addPerformer(FhirReferences.organization(r.receiverAgencyId()));
        if (r.redirectedFrom() != null) {
            request.addReplaces(new Reference("ServiceRequest/" + r.redirectedFrom()));
        }
        if (ReferralTask.visible(r.reason())) {
            request.addReasonCode(new CodeableConcept().setText(r.reason()));
        }
        return request;
    }
}
