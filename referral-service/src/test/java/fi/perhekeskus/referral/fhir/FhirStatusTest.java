package fi.perhekeskus.referral.fhir;

import fi.perhekeskus.contract.referral.ReferralStatus;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented table (README, "FHIR"), status by status: every platform status has its row. */
class FhirStatusTest {

    @Test
    void everyReferralStatusMapsAsTheReadmeTableSays() {
        Map<ReferralStatus, TaskStatus> task = new EnumMap<>(ReferralStatus.class);
        Map<ReferralStatus, ServiceRequestStatus> request = new EnumMap<>(ReferralStatus.class);
        for (ReferralStatus status : ReferralStatus.values()) {
            task.put(status, FhirStatus.task(status));
            request.put(status, FhirStatus.serviceRequest(status));
        }

        assertThat(task).containsExactlyInAnyOrderEntriesOf(Map.of(
                ReferralStatus.REQUESTED, TaskStatus.REQUESTED,
                ReferralStatus.RECEIVED, TaskStatus.RECEIVED,
                ReferralStatus.ACCEPTED, TaskStatus.ACCEPTED,
                ReferralStatus.IN_PROGRESS, TaskStatus.INPROGRESS,
                ReferralStatus.ON_HOLD, TaskStatus.ONHOLD,
                ReferralStatus.COMPLETED, TaskStatus.COMPLETED,
                ReferralStatus.DECLINED, TaskStatus.REJECTED,
                ReferralStatus.REDIRECTED, TaskStatus.REJECTED,
                ReferralStatus.CANCELLED, TaskStatus.CANCELLED));
        assertThat(request).containsExactlyInAnyOrderEntriesOf(Map.of(
                ReferralStatus.REQUESTED, ServiceRequestStatus.ACTIVE,
                ReferralStatus.RECEIVED, ServiceRequestStatus.ACTIVE,
                ReferralStatus.ACCEPTED, ServiceRequestStatus.ACTIVE,
                ReferralStatus.IN_PROGRESS, ServiceRequestStatus.ACTIVE,
                ReferralStatus.ON_HOLD, ServiceRequestStatus.ONHOLD,
                ReferralStatus.COMPLETED, ServiceRequestStatus.COMPLETED,
                ReferralStatus.DECLINED, ServiceRequestStatus.REVOKED,
                ReferralStatus.REDIRECTED, ServiceRequestStatus.REVOKED,
                ReferralStatus.CANCELLED, ServiceRequestStatus.REVOKED));
    }

    @Test
    void theValidatorRefusesACodeThePlatformDoesNotHave() {
        String task = """
                {"resourceType":"Task","status":"requested","intent":"order",
                 "businessStatus":{"coding":[{"system":"%s","code":"ON_THE_MOON"}]}}"""
                .formatted(PlatformCodes.REFERRAL_STATUS);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> R4Validator.valid(task,
                org.hl7.fhir.r4.model.Task.class))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ON_THE_MOON");
    }
}
