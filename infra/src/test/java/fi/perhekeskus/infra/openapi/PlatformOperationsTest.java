package fi.perhekeskus.infra.openapi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Operation ids say what an operation does, from its controller and method alone. */
class PlatformOperationsTest {

    @Test
    void anIdIsTheControllersNounAndTheMethod() {
        assertThat(PlatformOperations.operationId("ReferralController", "make")).isEqualTo("referralMake");
        assertThat(PlatformOperations.operationId("ServiceController", "withdraw")).isEqualTo("serviceWithdraw");
        assertThat(PlatformOperations.operationId("DeadLetterController", "list")).isEqualTo("deadLetterList");
    }

    @Test
    void aMethodThatNamesItsNounKeepsItsName() {
        assertThat(PlatformOperations.operationId("SessionController", "feedbackComments"))
                .isEqualTo("sessionFeedbackComments");
        assertThat(PlatformOperations.operationId("RebuildController", "rebuild")).isEqualTo("rebuild");
        assertThat(PlatformOperations.operationId("NetworkMeetingController", "meeting")).isEqualTo("networkMeeting");
    }

    @Test
    void aCsvVariantSharesItsJsonOperationsId() {
        assertThat(PlatformOperations.operationId("ReportController", "programmesCsv"))
                .isEqualTo(PlatformOperations.operationId("ReportController", "programmes"))
                .isEqualTo("reportProgrammes");
    }
}
