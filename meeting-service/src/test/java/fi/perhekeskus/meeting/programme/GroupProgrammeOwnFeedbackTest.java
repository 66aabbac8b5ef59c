package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.contract.programme.FeedbackGiven;
import fi.perhekeskus.contract.programme.GroupSessionCancelled;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.GroupSessionRescheduled;
import fi.perhekeskus.contract.programme.ProgrammeEvaluated;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.contract.programme.SessionChangeReason;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.NotPartyException;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.meeting.parties.FamilyConsents;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The families' feedback by their own links, and the agencies' evaluations, in the programme. */
class GroupProgrammeOwnFeedbackTest {

    static final UUID PROGRAMME = UUID.randomUUID();
    static final UUID CLINIC = UUID.randomUUID();
    static final UUID NGO = UUID.randomUUID();
    static final UUID PARISH = UUID.randomUUID();
    static final UUID OUTSIDER = UUID.randomUUID();
    static final UUID SESSION = UUID.randomUUID();
    static final UUID SECOND = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant STARTS = Instant.parse("2026-03-10T15:00:00Z");
    static final Instant BEFORE = Instant.parse("2026-03-10T14:59:59Z");
    static final Instant AFTER = Instant.parse("2026-03-10T17:30:00Z");
    static final Sealed WELL = new Sealed("v1.d2VsbA");
    static final Sealed DEVELOP = new Sealed("v1.ZGV2ZWxvcA");
    static final Sealed PROPOSALS = new Sealed("v1.cHJvcG9zYWxz");

    private AggregateTestFixture<GroupProgramme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GroupProgramme.class);
        fixture.registerInjectableResource((FamilyConsents) (family, today) -> Optional.empty());
    }

    /** CLINIC and NGO facilitate the first session, only the PARISH the second; all three run the programme. */
    static ProgrammeScheduled scheduled() {
        return new ProgrammeScheduled(PROGRAMME, "Meidän vauva", UUID.randomUUID(), List.of(CLINIC, NGO, PARISH),
                "Hervannan perhekeskus", 10, 10, 0, 6, List.of(
                new ProgrammeScheduled.Session(SESSION, STARTS, STARTS.plusSeconds(7200), "Vauvan uni", List.of(CLINIC, NGO)),
                new ProgrammeScheduled.Session(SECOND, STARTS.plusSeconds(7 * 86400), STARTS.plusSeconds(7 * 86400 + 7200),
                        "Leikki", List.of(PARISH))), "coordinator", NOW);
    }

    static IssueFeedbackLinks links(int count, UUID agency, Instant at) {
        return new IssueFeedbackLinks(PROGRAMME, SESSION, count, agency, "ohjaaja", at);
    }

    static GiveFeedbackByLink own(UUID feedbackId, Answer premises, Instant at) {
        return new GiveFeedbackByLink(PROGRAMME, SESSION, feedbackId, Answer.YES, Answer.PARTLY, Answer.NO, premises, at);
    }

    @Test
    void aFacilitatorGetsLinksOnceTheSessionHasBegunWithoutAnyEvent() {
        fixture.given(scheduled()).when(links(1, NGO, STARTS)).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(scheduled()).when(links(IssueFeedbackLinks.MAX_COUNT, CLINIC, AFTER))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(scheduled(), new GroupSessionHeld(PROGRAMME, SESSION, List.of(), "w", AFTER))
                .when(links(5, NGO, AFTER)).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void noLinksBeforeTheStartOrForACancelledSession() {
        fixture.given(scheduled()).when(links(1, NGO, BEFORE)).expectException(RuleViolationException.class);
        // Moved later: the new start counts.
        fixture.given(scheduled(), new GroupSessionRescheduled(PROGRAMME, SESSION, AFTER.plusSeconds(3600),
                        AFTER.plusSeconds(7200), SessionChangeReason.FACILITATOR_UNAVAILABLE, null, "w", NOW))
                .when(links(1, NGO, AFTER)).expectException(RuleViolationException.class);
        fixture.given(scheduled(), new GroupSessionCancelled(PROGRAMME, SESSION, SessionChangeReason.FACILITATOR_UNAVAILABLE,
                        null, "w", NOW))
                .when(links(1, NGO, AFTER)).expectException(IllegalTransitionException.class);
    }

    @Test
    void linksAreCountedWithinTheirBound() {
        fixture.given(scheduled()).when(links(0, NGO, AFTER)).expectException(RuleViolationException.class);
        fixture.given(scheduled()).when(links(IssueFeedbackLinks.MAX_COUNT + 1, NGO, AFTER))
                .expectException(RuleViolationException.class);
    }

    @Test
    void onlyAFacilitatingAgencysWorkerGetsLinks() {
        fixture.given(scheduled()).when(links(1, null, AFTER)).expectException(NotPartyException.class);
        fixture.given(scheduled()).when(links(1, PARISH, AFTER)).expectException(NotPartyException.class);
        fixture.given(scheduled()).when(links(1, OUTSIDER, AFTER)).expectException(UnknownException.class);
        fixture.given(scheduled()).when(new IssueFeedbackLinks(PROGRAMME, UUID.randomUUID(), 1, NGO, "w", AFTER))
                .expectException(UnknownException.class);
    }

    @Test
    void aFamilysOwnFeedbackCarriesThePremisesAnswer() {
        UUID feedback = UUID.randomUUID();
        fixture.given(scheduled()).when(own(feedback, Answer.PARTLY, AFTER))
                .expectEvents(new FeedbackGiven(PROGRAMME, SESSION, feedback, Answer.YES, Answer.PARTLY, Answer.NO,
                        Answer.PARTLY, null, AFTER));
        fixture.given(scheduled(), new GroupSessionHeld(PROGRAMME, SESSION, List.of(), "w", AFTER))
                .when(own(feedback, null, AFTER))
                .expectEvents(new FeedbackGiven(PROGRAMME, SESSION, feedback, Answer.YES, Answer.PARTLY, Answer.NO,
                        null, null, AFTER));
    }

    @Test
    void aFamilysOwnFeedbackIsRefusedWhereTheSessionHasNotBegunOrIsUnknown() {
        fixture.given(scheduled()).when(own(UUID.randomUUID(), null, BEFORE))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(scheduled(), new GroupSessionCancelled(PROGRAMME, SESSION, SessionChangeReason.FACILITATOR_UNAVAILABLE,
                        null, "w", NOW))
                .when(own(UUID.randomUUID(), null, AFTER)).expectException(IllegalTransitionException.class);
        fixture.given(scheduled()).when(new GiveFeedbackByLink(PROGRAMME, UUID.randomUUID(), UUID.randomUUID(),
                Answer.YES, Answer.YES, Answer.YES, null, AFTER)).expectException(UnknownException.class);
        fixture.given(scheduled()).when(new GiveFeedbackByLink(PROGRAMME, SESSION, UUID.randomUUID(),
                Answer.YES, null, Answer.YES, Answer.YES, AFTER)).expectException(RuleViolationException.class);
    }

    @Test
    void theSameFeedbackIsRecordedOnce() {
        UUID feedback = UUID.randomUUID();
        fixture.given(scheduled(), new FeedbackGiven(PROGRAMME, SESSION, feedback, Answer.YES, Answer.YES, Answer.YES,
                        null, null, AFTER))
                .when(own(feedback, null, AFTER)).expectException(IllegalTransitionException.class).expectNoEvents();
    }

    @Test
    void eachAgencyOfTheProgrammeEvaluatesItOnce() {
        EvaluateProgramme byClinic = new EvaluateProgramme(PROGRAMME, WELL, DEVELOP, PROPOSALS, CLINIC, "w", AFTER);
        fixture.given(scheduled()).when(byClinic)
                .expectEvents(new ProgrammeEvaluated(PROGRAMME, CLINIC, WELL, DEVELOP, PROPOSALS, "w", AFTER));
        ProgrammeEvaluated evaluated = new ProgrammeEvaluated(PROGRAMME, CLINIC, WELL, DEVELOP, PROPOSALS, "w", AFTER);
        fixture.given(scheduled(), evaluated).when(byClinic).expectException(IllegalTransitionException.class)
                .expectNoEvents();
        // An agency that facilitates no session still runs the programme and evaluates it.
        fixture.given(scheduled(), evaluated)
                .when(new EvaluateProgramme(PROGRAMME, WELL, DEVELOP, PROPOSALS, PARISH, "p", AFTER))
                .expectEvents(new ProgrammeEvaluated(PROGRAMME, PARISH, WELL, DEVELOP, PROPOSALS, "p", AFTER));
    }

    @Test
    void anEvaluationIsRefusedToOthersAndWithoutItsTexts() {
        fixture.given(scheduled()).when(new EvaluateProgramme(PROGRAMME, WELL, DEVELOP, PROPOSALS, OUTSIDER, "w", AFTER))
                .expectException(UnknownException.class).expectNoEvents();
        fixture.given(scheduled()).when(new EvaluateProgramme(PROGRAMME, WELL, DEVELOP, PROPOSALS, null, "c", AFTER))
                .expectException(NotPartyException.class).expectNoEvents();
        fixture.given(scheduled()).when(new EvaluateProgramme(PROGRAMME, WELL, null, PROPOSALS, NGO, "w", AFTER))
                .expectException(RuleViolationException.class).expectNoEvents();
    }
}
