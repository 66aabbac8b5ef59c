package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyInvited;
import fi.perhekeskus.contract.programme.FamilyWaitlisted;
import fi.perhekeskus.contract.programme.GroupSessionCancelled;
import fi.perhekeskus.contract.programme.GroupSessionRescheduled;
import fi.perhekeskus.contract.programme.InvitationAnswer;
import fi.perhekeskus.contract.programme.InvitationAnswered;
import fi.perhekeskus.contract.programme.InvitationExpired;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.contract.programme.SessionChangeReason;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.NotPartyException;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.meeting.parties.FamilyConsents;
import fi.perhekeskus.meeting.parties.FamilyStanding;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Invitations of a group programme: every transition, legal and illegal. */
class GroupProgrammeInvitationsTest {

    static final UUID PROGRAMME = UUID.randomUUID();
    static final UUID SERVICE = UUID.randomUUID();
    static final UUID CLINIC = UUID.randomUUID();
    static final UUID NGO = UUID.randomUUID();
    static final UUID OUTSIDER = UUID.randomUUID();
    static final UUID FIRST_SESSION = UUID.randomUUID();
    static final UUID SECOND_SESSION = UUID.randomUUID();
    /** Consent covers the clinic and the NGO. */
    static final UUID FAMILY_A = UUID.randomUUID();
    /** Consent covers the clinic only. */
    static final UUID FAMILY_B = UUID.randomUUID();
    /** Registered by the clinic, consent covers the NGO only. */
    static final UUID FAMILY_C = UUID.randomUUID();
    /** Consent covers the outsider only. */
    static final UUID FAMILY_D = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant STARTS = Instant.parse("2026-03-10T15:00:00Z");
    static final Instant SECOND_STARTS = Instant.parse("2026-03-17T15:00:00Z");

    private AggregateTestFixture<GroupProgramme> fixture;
    private final Map<UUID, FamilyStanding> families = new HashMap<>();
    /** What the finder gives for a by-age invitation, and what it was asked. */
    private List<UUID> ofAge = List.of();
    private final List<List<Object>> asked = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GroupProgramme.class);
        families.put(FAMILY_A, new FamilyStanding(FAMILY_A, OUTSIDER, Set.of(CLINIC, NGO)));
        families.put(FAMILY_B, new FamilyStanding(FAMILY_B, OUTSIDER, Set.of(CLINIC)));
        families.put(FAMILY_C, new FamilyStanding(FAMILY_C, CLINIC, Set.of(NGO)));
        families.put(FAMILY_D, new FamilyStanding(FAMILY_D, OUTSIDER, Set.of(OUTSIDER)));
        fixture.registerInjectableResource((FamilyConsents) (family, today) -> Optional.ofNullable(families.get(family)));
        fixture.registerInjectableResource((InviteeFinder) (service, from, to) -> {
            asked.add(List.of(service, from, to));
            return ofAge;
        });
    }

    static ProgrammeScheduled scheduled(int capacity) {
        return new ProgrammeScheduled(PROGRAMME, "Meidän vauva", SERVICE, List.of(CLINIC, NGO), "Hervanta", capacity,
                20, 2, 6, List.of(
                new ProgrammeScheduled.Session(SECOND_SESSION, SECOND_STARTS, SECOND_STARTS.plusSeconds(7200), "2",
                        List.of(CLINIC)),
                new ProgrammeScheduled.Session(FIRST_SESSION, STARTS, STARTS.plusSeconds(7200), "1", List.of(CLINIC))),
                "coordinator", NOW);
    }

    static UUID invitation(UUID family) {
        return GroupProgramme.invitationIdOf(PROGRAMME, family);
    }

    static FamilyInvited invited(UUID family) {
        return new FamilyInvited(PROGRAMME, invitation(family), family, false, STARTS, "w", NOW);
    }

    static InviteFamilies byList(UUID agency, UUID... families) {
        return new InviteFamilies(PROGRAMME, List.of(families), false, agency, "w", NOW);
    }

    static AnswerInvitation answer(UUID family, InvitationAnswer answer, UUID agency, Instant at) {
        return new AnswerInvitation(PROGRAMME, invitation(family), answer, agency, "w", at);
    }

    // --- invite ------------------------------------------------------------------------------

    @Test
    void aWorkerInvitesListedFamiliesItsAgencyIsCoveredForUntilTheFirstSession() {
        fixture.given(scheduled(10))
                .when(byList(CLINIC, FAMILY_A, FAMILY_B))
                .expectEvents(invited(FAMILY_A), invited(FAMILY_B))
                .expectResultMessagePayload(2);
    }

    @Test
    void noFamilyIsInvitedTwiceNorWhenEnrolledOrWaitlisted() {
        fixture.given(scheduled(1), invited(FAMILY_A),
                        new FamilyEnrolled(PROGRAMME, FAMILY_B, EnrolmentSource.REFERRAL, null, false, "w", NOW),
                        new FamilyWaitlisted(PROGRAMME, FAMILY_C, EnrolmentSource.SELF, null, 1, "w", NOW))
                .when(new InviteFamilies(PROGRAMME, List.of(FAMILY_A, FAMILY_B, FAMILY_C), false, null, "c", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(0);
        // Named twice in one list: invited once.
        fixture.given(scheduled(10))
                .when(byList(CLINIC, FAMILY_A, FAMILY_A))
                .expectEvents(invited(FAMILY_A))
                .expectResultMessagePayload(1);
        // Declined before: not asked again.
        fixture.given(scheduled(10), invited(FAMILY_A),
                        new InvitationAnswered(PROGRAMME, invitation(FAMILY_A), FAMILY_A, InvitationAnswer.NO, "w", NOW))
                .when(byList(CLINIC, FAMILY_A))
                .expectNoEvents();
    }

    @Test
    void aFamilyTheWorkersAgencyIsNotCoveredForIsUnknownSaveToTheAgencyThatRegisteredIt() {
        fixture.given(scheduled(10))
                .when(byList(NGO, FAMILY_A, FAMILY_B))
                .expectException(UnknownException.class)
                .expectNoEvents();
        fixture.given(scheduled(10))
                .when(byList(CLINIC, FAMILY_C))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(scheduled(10))
                .when(byList(CLINIC, UUID.randomUUID()))
                .expectException(UnknownException.class);
    }

    @Test
    void aCoordinatorInvitesFamiliesCoveredForOneOfTheProgrammesAgencies() {
        fixture.given(scheduled(10))
                .when(new InviteFamilies(PROGRAMME, List.of(FAMILY_C), false, null, "c", NOW))
                .expectEvents(new FamilyInvited(PROGRAMME, invitation(FAMILY_C), FAMILY_C, false, STARTS, "c", NOW));
        fixture.given(scheduled(10))
                .when(new InviteFamilies(PROGRAMME, List.of(FAMILY_A, FAMILY_D), false, null, "c", NOW))
                .expectException(UnknownException.class)
                .expectNoEvents();
    }

    @Test
    void aForeignAgencyIsToldTheProgrammeDoesNotExist() {
        fixture.given(scheduled(10))
                .when(byList(OUTSIDER, FAMILY_D))
                .expectException(UnknownException.class)
                .expectNoEvents();
    }

    @Test
    void aProgrammeThatHasBegunInvitesNoOne() {
        fixture.given(scheduled(10))
                .when(new InviteFamilies(PROGRAMME, List.of(FAMILY_A), false, CLINIC, "w", STARTS))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void byAgeTheFamiliesWithAChildOfTheTargetAgeAtTheFirstSessionAreInvitedIfCovered() {
        ofAge = List.of(FAMILY_A, FAMILY_B, FAMILY_C, FAMILY_D);
        fixture.given(scheduled(10))
                .when(new InviteFamilies(PROGRAMME, List.of(), true, null, "c", NOW))
                .expectEvents(new FamilyInvited(PROGRAMME, invitation(FAMILY_A), FAMILY_A, true, STARTS, "c", NOW),
                        new FamilyInvited(PROGRAMME, invitation(FAMILY_B), FAMILY_B, true, STARTS, "c", NOW),
                        new FamilyInvited(PROGRAMME, invitation(FAMILY_C), FAMILY_C, true, STARTS, "c", NOW))
                .expectResultMessagePayload(3);
        // First session in March 2026, 2 to 6 months old: born from September 2025 to January 2026.
        assertThat(asked).containsExactly(List.of(SERVICE, YearMonth.of(2025, 9), YearMonth.of(2026, 1)));

        // A worker of a programme agency invites the same: families covered for any of its agencies.
        fixture.given(scheduled(10), invited(FAMILY_A))
                .when(new InviteFamilies(PROGRAMME, List.of(), true, NGO, "w", NOW))
                .expectEvents(new FamilyInvited(PROGRAMME, invitation(FAMILY_B), FAMILY_B, true, STARTS, "w", NOW),
                        new FamilyInvited(PROGRAMME, invitation(FAMILY_C), FAMILY_C, true, STARTS, "w", NOW))
                .expectResultMessagePayload(2);
        // No one of the age: none invited.
        ofAge = List.of();
        fixture.given(scheduled(10))
                .when(new InviteFamilies(PROGRAMME, List.of(), true, CLINIC, "w", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(0);
        fixture.given(scheduled(10))
                .when(new InviteFamilies(PROGRAMME, List.of(), true, OUTSIDER, "w", NOW))
                .expectException(UnknownException.class);
    }

    @Test
    void anInvitationExpiresAtTheFirstSessionNotCancelled() {
        fixture.given(scheduled(10), new GroupSessionCancelled(PROGRAMME, FIRST_SESSION, SessionChangeReason.OTHER,
                        null, "c", NOW))
                .when(byList(CLINIC, FAMILY_A))
                .expectEvents(new FamilyInvited(PROGRAMME, invitation(FAMILY_A), FAMILY_A, false, SECOND_STARTS, "w",
                        NOW));
    }

    // --- answer ------------------------------------------------------------------------------

    @Test
    void aYesEnrolsTheFamilyFromTheInvitation() {
        Instant at = NOW.plusSeconds(60);
        fixture.given(scheduled(10), invited(FAMILY_A))
                .when(answer(FAMILY_A, InvitationAnswer.YES, NGO, at))
                .expectEvents(new InvitationAnswered(PROGRAMME, invitation(FAMILY_A), FAMILY_A, InvitationAnswer.YES,
                                "w", at),
                        new FamilyEnrolled(PROGRAMME, FAMILY_A, EnrolmentSource.INVITATION, null, false, "w", at))
                .expectResultMessagePayload(AnswerOutcome.ENROLLED);
    }

    @Test
    void aYesToAFullProgrammeWaitlistsTheFamily() {
        fixture.given(scheduled(1), new FamilyEnrolled(PROGRAMME, FAMILY_B, EnrolmentSource.SELF, null, false, "w", NOW),
                        invited(FAMILY_A))
                .when(answer(FAMILY_A, InvitationAnswer.YES, CLINIC, NOW))
                .expectEvents(new InvitationAnswered(PROGRAMME, invitation(FAMILY_A), FAMILY_A, InvitationAnswer.YES,
                                "w", NOW),
                        new FamilyWaitlisted(PROGRAMME, FAMILY_A, EnrolmentSource.INVITATION, null, 1, "w", NOW))
                .expectResultMessagePayload(AnswerOutcome.WAITLISTED);
    }

    @Test
    void aYesOfAFamilyEnrolledMeanwhileEnrolsItNoSecondTime() {
        fixture.given(scheduled(10), invited(FAMILY_A),
                        new FamilyEnrolled(PROGRAMME, FAMILY_A, EnrolmentSource.REFERRAL, null, false, "w", NOW))
                .when(answer(FAMILY_A, InvitationAnswer.YES, CLINIC, NOW))
                .expectEvents(new InvitationAnswered(PROGRAMME, invitation(FAMILY_A), FAMILY_A, InvitationAnswer.YES,
                        "w", NOW))
                .expectResultMessagePayload(AnswerOutcome.ENROLLED);
    }

    @Test
    void aNoDeclines() {
        fixture.given(scheduled(10), invited(FAMILY_A))
                .when(answer(FAMILY_A, InvitationAnswer.NO, CLINIC, NOW))
                .expectEvents(new InvitationAnswered(PROGRAMME, invitation(FAMILY_A), FAMILY_A, InvitationAnswer.NO,
                        "w", NOW))
                .expectResultMessagePayload(AnswerOutcome.DECLINED);
    }

    @Test
    void anInvitationIsAnsweredOnce() {
        for (InvitationAnswer first : InvitationAnswer.values()) {
            for (InvitationAnswer second : InvitationAnswer.values()) {
                fixture.given(scheduled(10), invited(FAMILY_A),
                                new InvitationAnswered(PROGRAMME, invitation(FAMILY_A), FAMILY_A, first, "w", NOW))
                        .when(answer(FAMILY_A, second, CLINIC, NOW))
                        .expectException(IllegalTransitionException.class)
                        .expectNoEvents();
            }
        }
    }

    @Test
    void anExpiredInvitationIsNotAnswered() {
        fixture.given(scheduled(10), invited(FAMILY_A),
                        new InvitationExpired(PROGRAMME, invitation(FAMILY_A), FAMILY_A, STARTS))
                .when(answer(FAMILY_A, InvitationAnswer.YES, CLINIC, STARTS.plusSeconds(1)))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        // Past its expiry, even before the sweep has expired it.
        fixture.given(scheduled(10), invited(FAMILY_A))
                .when(answer(FAMILY_A, InvitationAnswer.YES, CLINIC, STARTS))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void onlyAWorkerOfAProgrammeAgencyTheFamilyIsCoveredForAnswers() {
        fixture.given(scheduled(10), invited(FAMILY_B))
                .when(answer(FAMILY_B, InvitationAnswer.YES, OUTSIDER, NOW))
                .expectException(UnknownException.class)
                .expectNoEvents();
        fixture.given(scheduled(10), invited(FAMILY_B))
                .when(answer(FAMILY_B, InvitationAnswer.YES, NGO, NOW))
                .expectException(UnknownException.class)
                .expectNoEvents();
        fixture.given(scheduled(10), invited(FAMILY_B))
                .when(answer(FAMILY_B, InvitationAnswer.YES, null, NOW))
                .expectException(NotPartyException.class)
                .expectNoEvents();
        fixture.given(scheduled(10), invited(FAMILY_B))
                .when(answer(FAMILY_A, InvitationAnswer.YES, CLINIC, NOW))
                .expectException(UnknownException.class)
                .expectNoEvents();
        fixture.given(scheduled(10), invited(FAMILY_B))
                .when(answer(FAMILY_B, null, CLINIC, NOW))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    // --- the family's own answer, by its link -------------------------------------------------

    static AnswerInvitationByLink byLink(UUID family, InvitationAnswer answer, Instant at) {
        return new AnswerInvitationByLink(PROGRAMME, invitation(family), answer, at);
    }

    @Test
    void theFamilysOwnYesEnrolsItAsAnsweredByItsLink() {
        String byItsLink = "invitation-link:" + invitation(FAMILY_D);
        // Its consent was checked when it was invited; no agency stands between it and its answer.
        fixture.given(scheduled(10), invited(FAMILY_D))
                .when(byLink(FAMILY_D, InvitationAnswer.YES, NOW))
                .expectEvents(new InvitationAnswered(PROGRAMME, invitation(FAMILY_D), FAMILY_D, InvitationAnswer.YES,
                                byItsLink, NOW),
                        new FamilyEnrolled(PROGRAMME, FAMILY_D, EnrolmentSource.INVITATION, null, false, byItsLink, NOW))
                .expectResultMessagePayload(AnswerOutcome.ENROLLED);
        fixture.given(scheduled(1), new FamilyEnrolled(PROGRAMME, FAMILY_B, EnrolmentSource.SELF, null, false, "w", NOW),
                        invited(FAMILY_A))
                .when(byLink(FAMILY_A, InvitationAnswer.YES, NOW))
                .expectEvents(new InvitationAnswered(PROGRAMME, invitation(FAMILY_A), FAMILY_A, InvitationAnswer.YES,
                                "invitation-link:" + invitation(FAMILY_A), NOW),
                        new FamilyWaitlisted(PROGRAMME, FAMILY_A, EnrolmentSource.INVITATION, null, 1,
                                "invitation-link:" + invitation(FAMILY_A), NOW))
                .expectResultMessagePayload(AnswerOutcome.WAITLISTED);
    }

    @Test
    void theFamilysOwnNoDeclines() {
        fixture.given(scheduled(10), invited(FAMILY_A))
                .when(byLink(FAMILY_A, InvitationAnswer.NO, NOW))
                .expectEvents(new InvitationAnswered(PROGRAMME, invitation(FAMILY_A), FAMILY_A, InvitationAnswer.NO,
                        "invitation-link:" + invitation(FAMILY_A), NOW))
                .expectResultMessagePayload(AnswerOutcome.DECLINED);
    }

    @Test
    void aLinkAnswersOnceBeforeExpiryAndOnlyAnInvitationOfTheProgramme() {
        // Answered by a worker first, or by the link: the link answers no second time.
        fixture.given(scheduled(10), invited(FAMILY_A),
                        new InvitationAnswered(PROGRAMME, invitation(FAMILY_A), FAMILY_A, InvitationAnswer.NO, "w", NOW))
                .when(byLink(FAMILY_A, InvitationAnswer.YES, NOW))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(scheduled(10), invited(FAMILY_A),
                        new InvitationAnswered(PROGRAMME, invitation(FAMILY_A), FAMILY_A, InvitationAnswer.YES,
                                "invitation-link:" + invitation(FAMILY_A), NOW))
                .when(answer(FAMILY_A, InvitationAnswer.NO, CLINIC, NOW))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(scheduled(10), invited(FAMILY_A),
                        new InvitationExpired(PROGRAMME, invitation(FAMILY_A), FAMILY_A, STARTS))
                .when(byLink(FAMILY_A, InvitationAnswer.YES, STARTS.plusSeconds(1)))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(scheduled(10), invited(FAMILY_A))
                .when(byLink(FAMILY_A, InvitationAnswer.YES, STARTS))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(scheduled(10), invited(FAMILY_A))
                .when(byLink(FAMILY_B, InvitationAnswer.YES, NOW))
                .expectException(UnknownException.class)
                .expectNoEvents();
        fixture.given(scheduled(10), invited(FAMILY_A))
                .when(byLink(FAMILY_A, null, NOW))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    // --- expiry ------------------------------------------------------------------------------

    @Test
    void theInvitationsStillOpenAtTheFirstSessionExpireOnce() {
        fixture.given(scheduled(10), invited(FAMILY_A), invited(FAMILY_B),
                        new InvitationAnswered(PROGRAMME, invitation(FAMILY_B), FAMILY_B, InvitationAnswer.NO, "w", NOW))
                .when(new ExpireInvitations(PROGRAMME, STARTS))
                .expectEvents(new InvitationExpired(PROGRAMME, invitation(FAMILY_A), FAMILY_A, STARTS))
                .expectResultMessagePayload(1);
        fixture.given(scheduled(10), invited(FAMILY_A),
                        new InvitationExpired(PROGRAMME, invitation(FAMILY_A), FAMILY_A, STARTS))
                .when(new ExpireInvitations(PROGRAMME, STARTS.plusSeconds(3600)))
                .expectNoEvents()
                .expectResultMessagePayload(0);
    }

    @Test
    void aMovedFirstSessionMovesTheEndOfItsInvitations() {
        Instant later = STARTS.plusSeconds(86_400);
        GroupSessionRescheduled moved = new GroupSessionRescheduled(PROGRAMME, FIRST_SESSION, later,
                later.plusSeconds(7200), SessionChangeReason.HOLIDAY, null, "c", NOW);
        fixture.given(scheduled(10), invited(FAMILY_A), moved)
                .when(new ExpireInvitations(PROGRAMME, STARTS))
                .expectNoEvents()
                .expectResultMessagePayload(0);
        fixture.given(scheduled(10), invited(FAMILY_A), moved)
                .when(answer(FAMILY_A, InvitationAnswer.NO, CLINIC, STARTS))
                .expectEvents(new InvitationAnswered(PROGRAMME, invitation(FAMILY_A), FAMILY_A, InvitationAnswer.NO,
                        "w", STARTS));
        fixture.given(scheduled(10), invited(FAMILY_A), moved)
                .when(new ExpireInvitations(PROGRAMME, later))
                .expectEvents(new InvitationExpired(PROGRAMME, invitation(FAMILY_A), FAMILY_A, later));
        // Cancelled, the first session no longer counts: the second one's start does.
        fixture.given(scheduled(10), invited(FAMILY_A), new GroupSessionCancelled(PROGRAMME, FIRST_SESSION,
                        SessionChangeReason.HOLIDAY, null, "c", NOW))
                .when(new ExpireInvitations(PROGRAMME, STARTS))
                .expectNoEvents();
        // Moved earlier: it ends sooner.
        Instant sooner = STARTS.minusSeconds(86_400);
        fixture.given(scheduled(10), invited(FAMILY_A), new GroupSessionRescheduled(PROGRAMME, FIRST_SESSION, sooner,
                        sooner.plusSeconds(7200), SessionChangeReason.HOLIDAY, null, "c", NOW))
                .when(answer(FAMILY_A, InvitationAnswer.YES, CLINIC, sooner))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void nothingExpiresBeforeTheFirstSession() {
        fixture.given(scheduled(10), invited(FAMILY_A))
                .when(new ExpireInvitations(PROGRAMME, STARTS.minusSeconds(1)))
                .expectNoEvents()
                .expectResultMessagePayload(0);
    }
}
