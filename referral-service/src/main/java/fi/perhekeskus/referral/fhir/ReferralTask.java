package fi.perhekeskus.referral.fhir;

import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralStatus;
import fi.perhekeskus.referral.fhir.PlatformCodes.TaskOutput;
import fi.perhekeskus.referral.referral.ReferralResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import java.util.Date;

/**
 * A referral as the FHIR R4 Task that tracks it: the owner (receiver) fulfils the ServiceRequest
 * that the requester (sender) made. Free text the family told (decline, cancel or redirect reason,
 * completion note) is there only when the reader may see the family, exactly as in the JSON detail;
 * the family itself is an opaque id, never a name.
 */
final class ReferralTask {

    static final String TASK_CODES = "http://hl7.org/fhir/CodeSystem/task-code";
    /** HL7's label for a resource from which something was withheld. */
    static final String SECURITY_LABELS = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

    private ReferralTask() {
    }

    static Task of(ReferralResponse r) {
        Task task = new Task();
        task.setId(r.id().toString());
        task.getMeta().setLastUpdated(date(r.updatedAt()));
        if (Boolean.TRUE.equals(r.personalDataWithheld())) {
            task.getMeta().addSecurity(new Coding(SECURITY_LABELS, "REDACTED", "redacted"));
        }
        task.setStatus(FhirStatus.task(r.status()));
        task.setBusinessStatus(PlatformCodes.concept(PlatformCodes.REFERRAL_STATUS, r.status()));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(priority(r.priority()));
        task.setCode(new CodeableConcept(new Coding(TASK_CODES, "fulfill", "Fulfill the focal request")));
        task.setFocus(new Reference("ServiceRequest/" + r.id()));
        task.setFor(FhirReferences.family(r.familyId()));
        task.setAuthoredOn(date(r.madeAt()));
        task.setLastModified(date(r.updatedAt()));
        task.setRequester(FhirReferences.organization(r.senderAgencyId()));
        task.setOwner(FhirReferences.organization(r.receiverAgencyId()));
        if (r.redirectedFrom() != null) {
            task.addPartOf(new Reference("Task/" + r.redirectedFrom()));
        }
        String reason = statusReason(r);
        if (visible(reason)) {
            task.setStatusReason(new CodeableConcept().setText(reason));
        }
        if (r.status() == ReferralStatus.COMPLETED && r.outcome() != null) {
            task.addOutput().setType(PlatformCodes.concept(TaskOutput.OUTCOME))
                    .setValue(PlatformCodes.concept(PlatformCodes.REFERRAL_OUTCOME, r.outcome()));
            if (visible(r.completionNote())) {
                task.addOutput().setType(PlatformCodes.concept(TaskOutput.COMPLETION_NOTE))
                        .setValue(new StringType(r.completionNote()));
            }
        }
        if (r.redirectedTo() != null) {
            task.addOutput().setType(PlatformCodes.concept(TaskOutput.REDIRECTED_TO))
                    .setValue(new Reference("Task/" + r.redirectedTo()));
        }
        return task;
    }

    /** The reason given for the status the referral is in, where it has one. */
    private static String statusReason(ReferralResponse r) {
        return switch (r.status()) {
            case DECLINED -> r.declineReason();
            case REDIRECTED -> r.redirectNote();
            case CANCELLED -> r.cancelReason();
            case ON_HOLD -> r.onHoldReason();
            case REQUESTED, RECEIVED, ACCEPTED, IN_PROGRESS, COMPLETED -> null;
        };
    }

    static Task.TaskPriority priority(Priority priority) {
        return priority == Priority.URGENT ? Task.TaskPriority.URGENT : Task.TaskPriority.ROUTINE;
    }

    /** Opened text; an erased family's text is left out rather than shown as a placeholder. */
    static boolean visible(String text) {
        return text != null && !text.isBlank() && !FhirReferences.ERASED.equals(text);
    }

    static Date date(java.time.Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
