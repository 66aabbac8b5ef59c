package fi.perhekeskus.infra.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventAccountingTest {

    private static final Map<String, Set<String>> ACKNOWLEDGED = Map.of(
            "r1", Set.of("ReferralMade", "ReferralReceived", "ReferralAccepted"),
            "r2", Set.of("ReferralMade"));

    @Test
    void everyAcknowledgedEventStoredOnceIsNeitherLostNorDuplicated() {
        assertThat(EventAccounting.stored(ACKNOWLEDGED, Map.of(
                "r1", Map.of("ReferralMade", 1, "ReferralReceived", 1, "ReferralAccepted", 1),
                "r2", Map.of("ReferralMade", 1),
                "unrelated", Map.of("FamilyRegistered", 2))))
                .isEqualTo(new EventAccounting.Tally(0, 0));
    }

    @Test
    void aMissingEventIsLostAndAnExtraOneDuplicated() {
        assertThat(EventAccounting.stored(ACKNOWLEDGED, Map.of(
                "r1", Map.of("ReferralMade", 1, "ReferralReceived", 3))))
                .isEqualTo(new EventAccounting.Tally(2, 2));
    }

    @Test
    void aSequenceMustRunFromZeroWithoutGapOrRepeat() {
        assertThat(EventAccounting.brokenSequences(Map.of("a", List.of(2L, 0L, 1L), "b", List.of(0L)))).isZero();
        assertThat(EventAccounting.brokenSequences(Map.of("gap", List.of(0L, 2L), "repeat", List.of(0L, 1L, 1L),
                "late start", List.of(1L, 2L), "fine", List.of(0L, 1L)))).isEqualTo(3);
    }

    @Test
    void recordsBeyondTheFirstOfAnIdAreDuplicates() {
        assertThat(EventAccounting.duplicateRecords(List.of("x", "y", "x", "x"))).isEqualTo(2);
        assertThat(EventAccounting.duplicateRecords(List.of("x", "y"))).isZero();
        assertThat(EventAccounting.missing(List.of("x", "y", "z"), Set.of("y"))).isEqualTo(2);
    }

    @Test
    void theProjectionHoldsWhatWasAcknowledgedOnce() {
        EventAccounting.Applied applied = EventAccounting.applied(ACKNOWLEDGED, Map.of(
                "r1", Map.of("madeAt", "t", "receivedAt", "t", "acceptedAt", "t", "_seq", 2),
                "r2", Map.of("madeAt", "t", "_seq", 0)));
        assertThat(applied).isEqualTo(new EventAccounting.Applied(0, 0,
                Map.of("ReferralMade", 2L, "ReferralReceived", 1L, "ReferralAccepted", 1L)));
    }

    @Test
    void anUnsetFieldIsLostAndASequenceBeyondTheLastAcknowledgedAppliedTwice() {
        EventAccounting.Applied applied = EventAccounting.applied(ACKNOWLEDGED, Map.of(
                "r1", Map.of("madeAt", "t", "receivedAt", "t", "_seq", 1),
                "r2", Map.of("madeAt", "t", "_seq", 1)));
        assertThat(applied.lost()).isEqualTo(1);
        // r1 applied up to 1 of its 3 acknowledged (0..2), r2 beyond its only one (0).
        assertThat(applied.appliedBeyondOrTwice()).isEqualTo(2);
        assertThat(applied.byType()).containsEntry("ReferralAccepted", 0L).containsEntry("ReferralMade", 2L);
    }

    @Test
    void anAbsentDocumentLosesEveryEventOfItsReferral() {
        assertThat(EventAccounting.applied(ACKNOWLEDGED, Map.of()).lost()).isEqualTo(4);
    }

    @Test
    void theEventNameIsReadFromTheCloudEventsType() {
        assertThat(EventAccounting.eventName("fi.perhekeskus.referral.ReferralMade.v1")).isEqualTo("ReferralMade");
    }
}
