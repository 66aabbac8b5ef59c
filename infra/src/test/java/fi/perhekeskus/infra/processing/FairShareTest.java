package fi.perhekeskus.infra.processing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FairShareTest {

    @Test
    void aSingleInstanceKeepsEverySegment() {
        assertThat(FairShare.of(2, 1)).isEqualTo(2);
        assertThat(FairShare.of(7, 1)).isEqualTo(7);
        assertThat(FairShare.of(3, 0)).as("nobody counted, not even itself").isEqualTo(3);
        assertThat(FairShare.toRelease(List.of(0, 1), Set.of(0, 1), 2, 1)).isEmpty();
    }

    @Test
    void theShareIsTheCeilingOfSegmentsOverInstances() {
        assertThat(FairShare.of(2, 2)).isEqualTo(1);
        assertThat(FairShare.of(3, 2)).isEqualTo(2);
        assertThat(FairShare.of(4, 2)).isEqualTo(2);
        assertThat(FairShare.of(4, 3)).isEqualTo(2);
        assertThat(FairShare.of(5, 3)).isEqualTo(2);
        assertThat(FairShare.of(6, 3)).isEqualTo(2);
        assertThat(FairShare.of(0, 2)).isZero();
    }

    @Test
    void aSingleSegmentStaysWhereItIs() {
        assertThat(FairShare.of(1, 2)).isEqualTo(1);
        assertThat(FairShare.toRelease(List.of(0), Set.of(0), 1, 2)).isEmpty();
    }

    @Test
    void everySegmentHasRoomWithTheInstancesAtTheirShare() {
        for (int segments = 1; segments <= 16; segments++) {
            for (int live = 1; live <= 6; live++) {
                int share = FairShare.of(segments, live);
                assertThat(share * live).as("%d segments, %d instances", segments, live).isGreaterThanOrEqualTo(segments);
                assertThat((share - 1) * live).as("%d segments, %d instances", segments, live).isLessThan(segments);
            }
        }
    }

    @Test
    void releasesWhatIsHeldBeyondTheShareHighestFirst() {
        assertThat(FairShare.toRelease(List.of(0, 1), Set.of(0, 1), 2, 2)).containsExactly(1);
        assertThat(FairShare.toRelease(List.of(0, 1, 2, 3), Set.of(0, 1, 2, 3), 4, 2)).containsExactly(3, 2);
        assertThat(FairShare.toRelease(List.of(3, 0, 2, 1), Set.of(0, 1, 2, 3), 4, 3)).containsExactly(3, 2);
        assertThat(FairShare.toRelease(List.of(0, 1, 2), Set.of(0, 1, 2), 3, 2)).containsExactly(2);
        assertThat(FairShare.toRelease(List.of(0), Set.of(0), 2, 2)).as("at its share").isEmpty();
    }

    @Test
    void releasesOnlyWhatIsReleasable() {
        assertThat(FairShare.toRelease(List.of(0, 1), Set.of(0), 2, 2)).containsExactly(0);
        assertThat(FairShare.toRelease(List.of(0, 1), Set.of(), 2, 2)).isEmpty();
        assertThat(FairShare.toRelease(List.of(0, 1, 2, 3), Set.of(1), 4, 2)).containsExactly(1);
    }

    @Test
    void countsAtLeastTheSegmentsItHolds() {
        // A store that answered fewer segments than are held (read before a split was stored).
        assertThat(FairShare.toRelease(List.of(0, 1, 2, 3), Set.of(0, 1, 2, 3), 2, 2)).containsExactly(3, 2);
    }

    @Test
    void refusesNegativeSegments() {
        assertThatThrownBy(() -> FairShare.of(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
