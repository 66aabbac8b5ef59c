package fi.perhekeskus.meeting.plan;

import fi.perhekeskus.contract.programme.ProgrammesPlanned;
import fi.perhekeskus.domain.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProgrammePlanTest {

    static final UUID SERVICE = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    private AggregateTestFixture<ProgrammePlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProgrammePlan.class);
    }

    private static PlanProgrammes plan(int year, int series, int families) {
        return new PlanProgrammes(PlanProgrammes.idOf(SERVICE, year), SERVICE, year, series, families, "c", NOW);
    }

    @Test
    void aCoordinatorPlansTwoSeriesInSpringAndTwoInAutumn() {
        fixture.givenNoPriorActivity()
                .when(plan(2027, 4, 20))
                .expectEvents(new ProgrammesPlanned(PlanProgrammes.idOf(SERVICE, 2027), SERVICE, 2027, 4, 20, "c", NOW));
    }

    @Test
    void aPlanIsForLastYearUpToFiveYearsAhead() {
        fixture.givenNoPriorActivity().when(plan(2025, 4, 20)).expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(plan(2031, 4, 20)).expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(plan(2024, 4, 20)).expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(plan(2032, 4, 20)).expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void seriesAndFamiliesAreWithinTheirBounds() {
        fixture.givenNoPriorActivity().when(plan(2027, 1, 1)).expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(plan(2027, 12, 100)).expectSuccessfulHandlerExecution();
        for (int[] wrong : new int[][]{{0, 20}, {13, 20}, {4, 0}, {4, 101}, {-1, 20}}) {
            fixture.givenNoPriorActivity().when(plan(2027, wrong[0], wrong[1]))
                    .expectException(RuleViolationException.class).expectNoEvents();
        }
    }

    @Test
    void aPlansIdIsItsServiceAndYear() {
        assertThat(PlanProgrammes.idOf(SERVICE, 2027)).isEqualTo(PlanProgrammes.idOf(SERVICE, 2027))
                .isNotEqualTo(PlanProgrammes.idOf(SERVICE, 2028)).isNotEqualTo(PlanProgrammes.idOf(UUID.randomUUID(), 2027));
        fixture.givenNoPriorActivity()
                .when(new PlanProgrammes(UUID.randomUUID(), SERVICE, 2027, 4, 20, "c", NOW))
                .expectException(IllegalArgumentException.class).expectNoEvents();
    }
}
