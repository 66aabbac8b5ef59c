package fi.perhekeskus.meeting.gathering;

import fi.perhekeskus.contract.gathering.OpenPlaceRegistered;
import fi.perhekeskus.contract.gathering.OpenPlaceVisitsCorrected;
import fi.perhekeskus.contract.gathering.OpenPlaceVisitsRecorded;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.NotPartyException;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.security.RegisteredAgencies;
import fi.perhekeskus.meeting.gathering.CorrectVisits;
import fi.perhekeskus.meeting.gathering.RecordVisits;
import fi.perhekeskus.meeting.gathering.RegisterOpenPlace;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** The open-place registry and its day-by-day visit counts. */
class OpenPlaceTest {

    static final UUID PLACE = UUID.randomUUID();
    static final UUID PARISH = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final UUID UNREGISTERED = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    static final OpenPlaceRegistered REGISTERED = new OpenPlaceRegistered(PLACE, PARISH, "Perhekahvila Vilske",
            "Tampere", "Hervannan valtaväylä 9", "ma–to 9–12", "coordinator", NOW);

    private AggregateTestFixture<OpenPlace> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OpenPlace.class);
        Set<UUID> registered = Set.of(PARISH, OTHER);
        fixture.registerInjectableResource((RegisteredAgencies) registered::contains);
    }

    static RecordVisits record(LocalDate date, int families, UUID agency) {
        return new RecordVisits(PLACE, date, families, families, families + 2, agency, "w", NOW);
    }

    static OpenPlaceVisitsRecorded recorded(LocalDate date, int families) {
        return new OpenPlaceVisitsRecorded(PLACE, date, families, families, families + 2, "w", NOW);
    }

    @Test
    void aPlaceOfARegisteredAgencyIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOpenPlace(PLACE, "Perhekahvila Vilske", PARISH, "Tampere", "Hervannan valtaväylä 9",
                        "ma–to 9–12", "coordinator", NOW))
                .expectEvents(REGISTERED);
    }

    @Test
    void aPlaceOfAnUnregisteredAgencyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOpenPlace(PLACE, "X", UNREGISTERED, "Tampere", "X", "X", "coordinator", NOW))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void thePlacesAgencyRecordsADayOnce() {
        fixture.given(REGISTERED)
                .when(record(TODAY, 6, PARISH))
                .expectEvents(recorded(TODAY, 6));
        fixture.given(REGISTERED, recorded(TODAY, 6))
                .when(record(TODAY, 7, PARISH))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(REGISTERED, recorded(TODAY, 6))
                .when(record(TODAY.minusDays(1), 4, PARISH))
                .expectEvents(recorded(TODAY.minusDays(1), 4));
    }

    @Test
    void anotherAgencyRecordsNothing() {
        fixture.given(REGISTERED)
                .when(record(TODAY, 6, OTHER))
                .expectException(NotPartyException.class)
                .expectNoEvents();
        fixture.given(REGISTERED, recorded(TODAY, 6))
                .when(new CorrectVisits(PLACE, TODAY, 5, 5, 7, OTHER, "w", NOW))
                .expectException(NotPartyException.class)
                .expectNoEvents();
    }

    @Test
    void aPlaceKnownOnlyFromVisitsBeforeTheRegistryTakesNoMore() {
        fixture.given(recorded(TODAY.minusDays(7), 3))
                .when(record(TODAY, 6, PARISH))
                .expectException(UnknownException.class)
                .expectNoEvents();
    }

    @Test
    void aRecordedDayIsCorrectedAndOnlyARecordedOne() {
        fixture.given(REGISTERED, recorded(TODAY, 6))
                .when(new CorrectVisits(PLACE, TODAY, 5, 5, 7, PARISH, "w2", NOW))
                .expectEvents(new OpenPlaceVisitsCorrected(PLACE, TODAY, 5, 5, 7, "w2", NOW));
        fixture.given(REGISTERED, recorded(TODAY, 6))
                .when(new CorrectVisits(PLACE, TODAY.minusDays(1), 5, 5, 7, PARISH, "w2", NOW))
                .expectException(UnknownException.class)
                .expectNoEvents();
    }

    @Test
    void countsAddUpAndDaysHaveCome() {
        fixture.given(REGISTERED)
                .when(new RecordVisits(PLACE, TODAY, 9, 2, 2, PARISH, "w", NOW))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(record(TODAY.plusDays(2), 1, PARISH))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(REGISTERED, recorded(TODAY, 6))
                .when(new CorrectVisits(PLACE, TODAY, 9, 2, 2, PARISH, "w", NOW))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }
}
