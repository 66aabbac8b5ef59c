package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.directory.ServiceUpdated;
import fi.perhekeskus.contract.directory.ServiceWithdrawn;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

class ServiceTest {

    static final UUID SERVICE = UUID.randomUUID();
    static final UUID AGENCY = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private AggregateTestFixture<Service> fixture;
    private final Set<UUID> registered = new HashSet<>(Set.of(AGENCY));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Service.class);
        fixture.registerInjectableResource((AgencyRegistry) registered::contains);
    }

    static ServiceListed listed() {
        return new ServiceListed(SERVICE, AGENCY, "Meidän vauva", ServiceKind.GROUP, NeedLevel.GREEN, 0, 6,
                List.of("Tampere"), List.of("fi"), "Vauvaperheryhmä", "c", NOW);
    }

    @Test
    void aRegisteredAgencyListsAService() {
        fixture.givenNoPriorActivity()
                .when(new ListService(SERVICE, AGENCY, "Meidän vauva", ServiceKind.GROUP, NeedLevel.GREEN, 0, 6,
                        List.of("Tampere"), List.of("fi"), "Vauvaperheryhmä", "c", NOW))
                .expectEvents(listed());
    }

    @Test
    void anUnknownAgencyOrAnInvertedAgeRangeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ListService(SERVICE, UUID.randomUUID(), "X", ServiceKind.GROUP, NeedLevel.GREEN, 0, 6,
                        List.of(), List.of(), null, "c", NOW))
                .expectException(RuleViolationException.class);
        fixture.givenNoPriorActivity()
                .when(new ListService(SERVICE, AGENCY, "X", ServiceKind.GROUP, NeedLevel.GREEN, 7, 6,
                        List.of(), List.of(), null, "c", NOW))
                .expectException(RuleViolationException.class);
    }

    @Test
    void aServiceIsUpdatedAndWithdrawnButNotAfterwards() {
        fixture.given(listed())
                .when(new UpdateService(SERVICE, "Meidän vauva", ServiceKind.GROUP, NeedLevel.YELLOW, 0, 12,
                        List.of("Tampere", "Nokia"), List.of("fi", "sv"), "Vauvaperheryhmä", "c", NOW))
                .expectEvents(new ServiceUpdated(SERVICE, AGENCY, "Meidän vauva", ServiceKind.GROUP, NeedLevel.YELLOW,
                        0, 12, List.of("Tampere", "Nokia"), List.of("fi", "sv"), "Vauvaperheryhmä", "c", NOW));
        fixture.given(listed())
                .when(new WithdrawService(SERVICE, "ended", "c", NOW))
                .expectEvents(new ServiceWithdrawn(SERVICE, AGENCY, "ended", "c", NOW));
        fixture.given(listed(), new ServiceWithdrawn(SERVICE, AGENCY, "ended", "c", NOW))
                .when(new WithdrawService(SERVICE, "again", "c", NOW))
                .expectException(IllegalTransitionException.class);
    }
}
