package fi.perhekeskus.referral.fhir;

import fi.perhekeskus.contract.referral.ReferralStatus;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * The platform's referral statuses in FHIR (README, "FHIR", has the table). The Task status follows
 * the Gravity SDOH closed-loop referral guidance: {@code rejected} is the owner's decision not to do
 * the task, {@code cancelled} the requester's. The switches have no default on purpose: a new
 * status does not compile until it is mapped here.
 */
public final class FhirStatus {

    private FhirStatus() {
    }

    public static TaskStatus task(ReferralStatus status) {
        return switch (status) {
            case REQUESTED -> TaskStatus.REQUESTED;
            case RECEIVED -> TaskStatus.RECEIVED;
            case ACCEPTED -> TaskStatus.ACCEPTED;
            case IN_PROGRESS -> TaskStatus.INPROGRESS;
            case ON_HOLD -> TaskStatus.ONHOLD;
            case COMPLETED -> TaskStatus.COMPLETED;
            case DECLINED -> TaskStatus.REJECTED;
            // The owner passed the family on instead of serving it; the new Task's partOf points here.
            case REDIRECTED -> TaskStatus.REJECTED;
            case CANCELLED -> TaskStatus.CANCELLED;
        };
    }

    public static ServiceRequestStatus serviceRequest(ReferralStatus status) {
        return switch (status) {
            case REQUESTED, RECEIVED, ACCEPTED, IN_PROGRESS -> ServiceRequestStatus.ACTIVE;
            case ON_HOLD -> ServiceRequestStatus.ONHOLD;
            case COMPLETED -> ServiceRequestStatus.COMPLETED;
            // Ended before it was fulfilled: a redirect's new ServiceRequest replaces this one.
            case DECLINED, REDIRECTED, CANCELLED -> ServiceRequestStatus.REVOKED;
        };
    }
}
