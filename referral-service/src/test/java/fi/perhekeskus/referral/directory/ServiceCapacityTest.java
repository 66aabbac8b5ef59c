package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.CapacityStatus;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceCapacityChanged;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.directory.ServiceWithdrawn;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.NotPartyException;
import fi.perhekeskus.domain.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static fi.perhekeskus.contract.directory.CapacityStatus.ASSESSMENT_REQUIRED;
import static fi.perhekeskus.contract.directory.CapacityStatus.CLOSED;
import static fi.perhekeskus.contract.directory.CapacityStatus.OPEN;
import static fi.perhekeskus.contract.directory.CapacityStatus.WAITLIST;

class ServiceCapacityTest {

    static final UUID SERVICE = UUID.randomUUID();
    static final UUID AGENCY = UUID.randomUUID();
    static final UUID OTHER_AGENCY = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private AggregateTestFixture<Service> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Service.class);
        fixture.registerInjectableResource((AgencyRegistry) id -> true);
    }

    static ServiceListed listed(ServiceKind kind) {
        return new ServiceListed(SERVICE, AGENCY, "Perheneuvola", kind, NeedLevel.YELLOW, 0, 216,
                List.of("Tampere"), List.of("fi"), null, "c", NOW);
    }

    static ChangeServiceCapacity byOwnWorker(CapacityStatus status, Integer weeks) {
        return new ChangeServiceCapacity(SERVICE, status, weeks, AGENCY, false, "w1", NOW);
    }

    @Test
    void theServicesOwnWorkerSetsAWaitlistWithItsWait() {
        fixture.given(listed(ServiceKind.INDIVIDUAL))
                .when(byOwnWorker(WAITLIST, 6))
                .expectEvents(new ServiceCapacityChanged(SERVICE, AGENCY, WAITLIST, 6, false, "w1", NOW));
    }

    @Test
    void aCoordinatorOfNoAgencySetsItToo() {
        fixture.given(listed(ServiceKind.OPEN))
                .when(new ChangeServiceCapacity(SERVICE, ASSESSMENT_REQUIRED, null, null, true, "c", NOW))
                .expectEvents(new ServiceCapacityChanged(SERVICE, AGENCY, ASSESSMENT_REQUIRED, null, false, "c", NOW));
    }

    @Test
    void aNewServiceIsOpenSoOpenAgainRecordsNothingButAChangedWaitDoes() {
        fixture.given(listed(ServiceKind.INDIVIDUAL))
                .when(byOwnWorker(OPEN, null))
                .expectNoEvents();
        fixture.given(listed(ServiceKind.INDIVIDUAL), new ServiceCapacityChanged(SERVICE, AGENCY, WAITLIST, 6, false, "w1", NOW))
                .when(byOwnWorker(WAITLIST, 6))
                .expectNoEvents();
        fixture.given(listed(ServiceKind.INDIVIDUAL), new ServiceCapacityChanged(SERVICE, AGENCY, WAITLIST, 6, false, "w1", NOW))
                .when(byOwnWorker(WAITLIST, 8))
                .expectEvents(new ServiceCapacityChanged(SERVICE, AGENCY, WAITLIST, 8, false, "w1", NOW));
    }

    @Test
    void aWorkerOfAnotherAgencyIsRefused() {
        fixture.given(listed(ServiceKind.INDIVIDUAL))
                .when(new ChangeServiceCapacity(SERVICE, CLOSED, null, OTHER_AGENCY, false, "w2", NOW))
                .expectException(NotPartyException.class);
        fixture.given(listed(ServiceKind.INDIVIDUAL))
                .when(new ChangeServiceCapacity(SERVICE, CLOSED, null, null, false, "w2", NOW))
                .expectException(NotPartyException.class);
    }

    @Test
    void waitWeeksOnlyWithAWaitlistAndWithinTwoYears() {
        fixture.given(listed(ServiceKind.INDIVIDUAL))
                .when(byOwnWorker(OPEN, 3))
                .expectException(RuleViolationException.class);
        fixture.given(listed(ServiceKind.INDIVIDUAL))
                .when(byOwnWorker(WAITLIST, 105))
                .expectException(RuleViolationException.class);
        fixture.given(listed(ServiceKind.INDIVIDUAL))
                .when(byOwnWorker(WAITLIST, -1))
                .expectException(RuleViolationException.class);
        fixture.given(listed(ServiceKind.INDIVIDUAL))
                .when(byOwnWorker(null, null))
                .expectException(RuleViolationException.class);
    }

    @Test
    void aGroupServiceIsKeptByThePlatformNotByHand() {
        fixture.given(listed(ServiceKind.GROUP))
                .when(byOwnWorker(OPEN, null))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("kept by the platform"));
        // A GROUP service starts CLOSED: closed again records nothing, a programme with room opens it.
        fixture.given(listed(ServiceKind.GROUP))
                .when(new KeepGroupCapacity(SERVICE, CLOSED, NOW))
                .expectNoEvents();
        fixture.given(listed(ServiceKind.GROUP))
                .when(new KeepGroupCapacity(SERVICE, OPEN, NOW))
                .expectEvents(new ServiceCapacityChanged(SERVICE, AGENCY, OPEN, null, true, Service.PLATFORM, NOW));
        fixture.given(listed(ServiceKind.GROUP), new ServiceCapacityChanged(SERVICE, AGENCY, OPEN, null, true, "platform", NOW))
                .when(new KeepGroupCapacity(SERVICE, OPEN, NOW))
                .expectNoEvents();
    }

    @Test
    void thePlatformLeavesOtherKindsAndWithdrawnServicesAlone() {
        fixture.given(listed(ServiceKind.INDIVIDUAL))
                .when(new KeepGroupCapacity(SERVICE, CLOSED, NOW))
                .expectNoEvents();
        fixture.given(listed(ServiceKind.GROUP), new ServiceWithdrawn(SERVICE, AGENCY, "ended", "c", NOW))
                .when(new KeepGroupCapacity(SERVICE, OPEN, NOW))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnServiceTakesNoCapacity() {
        fixture.given(listed(ServiceKind.INDIVIDUAL), new ServiceWithdrawn(SERVICE, AGENCY, "ended", "c", NOW))
                .when(byOwnWorker(CLOSED, null))
                .expectException(IllegalTransitionException.class);
    }
}
