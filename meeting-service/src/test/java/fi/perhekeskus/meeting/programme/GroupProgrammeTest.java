package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.contract.programme.EnrolmentCancelled;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyWaitlisted;
import fi.perhekeskus.contract.programme.FeedbackGiven;
import fi.perhekeskus.contract.programme.GroupSessionCancelled;
import fi.perhekeskus.contract.programme.GroupSessionAttendanceCorrected;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.GroupSessionRescheduled;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.contract.programme.SessionChangeReason;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.NotPartyException;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.meeting.programme.CancelEnrolment;
import fi.perhekeskus.meeting.programme.CancelSession;
import fi.perhekeskus.meeting.programme.EnrolFamily;
import fi.perhekeskus.meeting.programme.EnrolmentStatus;
import fi.perhekeskus.meeting.programme.GiveFeedback;
import fi.perhekeskus.meeting.programme.RecordAttendance;
import fi.perhekeskus.meeting.programme.RescheduleSession;
import fi.perhekeskus.meeting.programme.ScheduleProgramme;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.meeting.parties.FamilyConsents;
import fi.perhekeskus.meeting.parties.FamilyStanding;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

class GroupProgrammeTest {

    static final UUID PROGRAMME = UUID.randomUUID();
    static final UUID SERVICE = UUID.randomUUID();
    static final UUID CLINIC = UUID.randomUUID();
    static final UUID NGO = UUID.randomUUID();
    static final UUID OUTSIDER = UUID.randomUUID();
    static final UUID SESSION = UUID.randomUUID();
    static final UUID FAMILY_A = UUID.randomUUID();
    static final UUID FAMILY_B = UUID.randomUUID();
    static final UUID FAMILY_C = UUID.randomUUID();
    static final UUID REFERRAL = UUID.randomUUID();
    static final Sealed NOTE = new Sealed("v1.bm90ZQ");
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant STARTS = Instant.parse("2026-03-10T15:00:00Z");
    static final Instant ENDS = Instant.parse("2026-03-10T17:00:00Z");
    /** When attendance is recorded: after the session has started. */
    static final Instant AFTER = Instant.parse("2026-03-10T17:30:00Z");
    static final ProgrammeScheduled.Session FIRST = new ProgrammeScheduled.Session(SESSION, STARTS, ENDS,
            "Vauvan uni", List.of(CLINIC, NGO));

    private AggregateTestFixture<GroupProgramme> fixture;
    /** What the service has learnt of each family from the referral topic; absent = unknown or erased. */
    private final Map<UUID, FamilyStanding> families = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GroupProgramme.class);
        families.put(FAMILY_A, new FamilyStanding(FAMILY_A, OUTSIDER, Set.of(CLINIC, NGO)));
        families.put(FAMILY_B, new FamilyStanding(FAMILY_B, OUTSIDER, Set.of(CLINIC)));
        families.put(FAMILY_C, new FamilyStanding(FAMILY_C, CLINIC, Set.of(NGO)));
        fixture.registerInjectableResource((FamilyConsents) (family, today) -> Optional.ofNullable(families.get(family)));
    }

    static ProgrammeScheduled scheduled(int capacity) {
        return new ProgrammeScheduled(PROGRAMME, "Meidän vauva", SERVICE, List.of(CLINIC, NGO), "Hervannan perhekeskus",
                capacity, 20, 0, 6, List.of(FIRST), "coordinator", NOW);
    }

    static FamilyEnrolled enrolled(UUID family) {
        return new FamilyEnrolled(PROGRAMME, family, EnrolmentSource.SELF, null, false, "w", NOW);
    }

    static GroupSessionHeld.Attendance came(UUID family, int fathers) {
        return new GroupSessionHeld.Attendance(family, 1 + fathers, fathers, 1);
    }

    @Test
    void aProgrammeIsScheduledWithItsSessions() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleProgramme(PROGRAMME, "Meidän vauva", SERVICE, List.of(CLINIC, NGO),
                        "Hervannan perhekeskus", 2, 20, 0, 6, List.of(FIRST), "coordinator", NOW))
                .expectEvents(scheduled(2));
    }

    @Test
    void aSessionEndsAfterItStartsAndIsFacilitatedByTheProgrammesAgencies() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleProgramme(PROGRAMME, "X", SERVICE, List.of(CLINIC), "X", 2, 20, 0, 6,
                        List.of(new ProgrammeScheduled.Session(SESSION, ENDS, STARTS, "x", List.of(CLINIC))), "c", NOW))
                .expectException(RuleViolationException.class);
        fixture.givenNoPriorActivity()
                .when(new ScheduleProgramme(PROGRAMME, "X", SERVICE, List.of(CLINIC), "X", 2, 20, 0, 6,
                        List.of(new ProgrammeScheduled.Session(SESSION, STARTS, ENDS, "x", List.of(NGO))), "c", NOW))
                .expectException(RuleViolationException.class);
    }

    @Test
    void familiesAreEnrolledUpToCapacityAndThenWaitlisted() {
        fixture.given(scheduled(1))
                .when(EnrolFamily.byReferral(PROGRAMME, FAMILY_A, REFERRAL, true, "w", NOW))
                .expectEvents(new FamilyEnrolled(PROGRAMME, FAMILY_A, EnrolmentSource.REFERRAL, REFERRAL, false, "w", NOW))
                .expectResultMessagePayload(EnrolmentStatus.ENROLLED);
        fixture.given(scheduled(1), enrolled(FAMILY_A))
                .when(new EnrolFamily(PROGRAMME, FAMILY_B, EnrolmentSource.SELF, null, true, CLINIC, "w", NOW))
                .expectEvents(new FamilyWaitlisted(PROGRAMME, FAMILY_B, EnrolmentSource.SELF, null, 1, "w", NOW))
                .expectResultMessagePayload(EnrolmentStatus.WAITLISTED);
    }

    @Test
    void aFullProgrammeRefusesWhenWaitlistingIsNotWanted() {
        fixture.given(scheduled(1), enrolled(FAMILY_A))
                .when(EnrolFamily.byReferral(PROGRAMME, FAMILY_B, REFERRAL, false, "w", NOW))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aFamilyIsNeverEnrolledTwice() {
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new EnrolFamily(PROGRAMME, FAMILY_A, EnrolmentSource.SELF, null, true, CLINIC, "w", NOW))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(scheduled(1), enrolled(FAMILY_A),
                        new FamilyWaitlisted(PROGRAMME, FAMILY_B, EnrolmentSource.SELF, null, 1, "w", NOW))
                .when(new EnrolFamily(PROGRAMME, FAMILY_B, EnrolmentSource.SELF, null, true, CLINIC, "w", NOW))
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void whenAnEnrolledFamilyLeavesTheFirstInLineIsPromoted() {
        fixture.given(scheduled(1), enrolled(FAMILY_A),
                        new FamilyWaitlisted(PROGRAMME, FAMILY_B, EnrolmentSource.REFERRAL, REFERRAL, 1, "w", NOW),
                        new FamilyWaitlisted(PROGRAMME, FAMILY_C, EnrolmentSource.SELF, null, 2, "w", NOW))
                .when(new CancelEnrolment(PROGRAMME, FAMILY_A, NGO, "w", NOW))
                .expectEvents(new EnrolmentCancelled(PROGRAMME, FAMILY_A, false, "w", NOW),
                        new FamilyEnrolled(PROGRAMME, FAMILY_B, EnrolmentSource.REFERRAL, REFERRAL, true, "w", NOW));
    }

    @Test
    void leavingTheWaitlistPromotesNobody() {
        fixture.given(scheduled(1), enrolled(FAMILY_A),
                        new FamilyWaitlisted(PROGRAMME, FAMILY_B, EnrolmentSource.SELF, null, 1, "w", NOW))
                .when(new CancelEnrolment(PROGRAMME, FAMILY_B, null, "w", NOW))
                .expectEvents(new EnrolmentCancelled(PROGRAMME, FAMILY_B, true, "w", NOW));
    }

    @Test
    void attendanceMarksTheSessionHeldOnce() {
        fixture.given(scheduled(2), enrolled(FAMILY_A), enrolled(FAMILY_B))
                .when(new RecordAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1), came(FAMILY_B, 0)), NGO, "w", AFTER))
                .expectEvents(new GroupSessionHeld(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1), came(FAMILY_B, 0)), "w", AFTER));
        fixture.given(scheduled(2), enrolled(FAMILY_A),
                        new GroupSessionHeld(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), "w", NOW))
                .when(new RecordAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), NGO, "w", AFTER))
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void attendanceOfASessionThatHasNotStartedIsRefused() {
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new RecordAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), NGO, "w", STARTS.minusSeconds(1)))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new RecordAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), NGO, "w", STARTS))
                .expectEvents(new GroupSessionHeld(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), "w", STARTS));
    }

    @Test
    void aRescheduledSessionStartsWhenItWasMovedTo() {
        Instant moved = STARTS.plusSeconds(7 * 86400);
        fixture.given(scheduled(2), enrolled(FAMILY_A), new GroupSessionRescheduled(PROGRAMME, SESSION, moved,
                        moved.plusSeconds(7200), SessionChangeReason.OTHER, NOTE, "w", NOW))
                .when(new RecordAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), NGO, "w", AFTER))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void theAttendanceOfAHeldSessionIsCorrectedAsAWhole() {
        GroupSessionHeld held = new GroupSessionHeld(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), "w", AFTER);
        Instant later = AFTER.plusSeconds(3600);
        fixture.given(scheduled(2), enrolled(FAMILY_A), enrolled(FAMILY_B), held)
                .when(new CorrectAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 0), came(FAMILY_B, 1)), NGO, "w2",
                        later))
                .expectEvents(new GroupSessionAttendanceCorrected(PROGRAMME, SESSION,
                        List.of(came(FAMILY_A, 0), came(FAMILY_B, 1)), "w2", later));
        // corrected again: each correction replaces the last
        fixture.given(scheduled(2), enrolled(FAMILY_A), held, new GroupSessionAttendanceCorrected(PROGRAMME, SESSION,
                        List.of(came(FAMILY_A, 0)), "w2", later))
                .when(new CorrectAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), CLINIC, "w", later))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyAHeldSessionsAttendanceIsCorrected() {
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new CorrectAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), NGO, "w", AFTER))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(scheduled(2), enrolled(FAMILY_A),
                        new GroupSessionCancelled(PROGRAMME, SESSION, SessionChangeReason.OTHER, NOTE, "w", NOW))
                .when(new CorrectAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), NGO, "w", AFTER))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectionIsMadeByAWorkerOfAFacilitatingAgencyAndAddsUp() {
        GroupSessionHeld held = new GroupSessionHeld(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), "w", AFTER);
        fixture.given(scheduled(2), enrolled(FAMILY_A), held)
                .when(new CorrectAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), OUTSIDER, "w", AFTER))
                .expectException(UnknownException.class)
                .expectNoEvents();
        fixture.given(scheduled(2), enrolled(FAMILY_A), held)
                .when(new CorrectAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), null, "coordinator", AFTER))
                .expectException(NotPartyException.class)
                .expectNoEvents();
        fixture.given(scheduled(2), enrolled(FAMILY_A), held)
                .when(new CorrectAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_B, 1)), NGO, "w", AFTER))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(scheduled(2), enrolled(FAMILY_A), held)
                .when(new CorrectAttendance(PROGRAMME, SESSION, List.of(new GroupSessionHeld.Attendance(FAMILY_A, 1, 2, 1)),
                        NGO, "w", AFTER))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void attendanceIsRefusedOnACancelledSession() {
        fixture.given(scheduled(2), enrolled(FAMILY_A),
                        new GroupSessionCancelled(PROGRAMME, SESSION, SessionChangeReason.OTHER, NOTE, "w", NOW))
                .when(new RecordAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 0)), CLINIC, "w", AFTER))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void onlyAWorkerOfAFacilitatingAgencyRecordsAttendance() {
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new RecordAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 0)), OUTSIDER, "w", AFTER))
                // An agency that does not run the programme is told the session does not exist.
                .expectException(UnknownException.class)
                .expectNoEvents();
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new RecordAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 0)), null, "coordinator", AFTER))
                .expectException(NotPartyException.class)
                .expectNoEvents();
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new RecordAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 0)), CLINIC, "w", AFTER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSessionFacilitatedByOneAgencyIsRecordedByThatAgencyOnly() {
        ProgrammeScheduled.Session clinicOnly = new ProgrammeScheduled.Session(SESSION, STARTS, ENDS, "Vauvan uni",
                List.of(CLINIC));
        ProgrammeScheduled programme = new ProgrammeScheduled(PROGRAMME, "Meidän vauva", SERVICE, List.of(CLINIC, NGO),
                "Hervannan perhekeskus", 2, 20, 0, 6, List.of(clinicOnly), "coordinator", NOW);
        fixture.given(programme, enrolled(FAMILY_A))
                .when(new RecordAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_A, 0)), NGO, "w", AFTER))
                .expectException(NotPartyException.class)
                .expectNoEvents();
    }

    @Test
    void feedbackIsRecordedByAWorkerOfAFacilitatingAgencyOnly() {
        GroupSessionHeld held = new GroupSessionHeld(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), "w", NOW);
        fixture.given(scheduled(2), enrolled(FAMILY_A), held)
                .when(new GiveFeedback(PROGRAMME, SESSION, UUID.randomUUID(), Answer.YES, Answer.YES, Answer.YES,
                        null, NOW))
                .expectException(NotPartyException.class)
                .expectNoEvents();
        fixture.given(scheduled(2), enrolled(FAMILY_A), held)
                .when(new GiveFeedback(PROGRAMME, SESSION, UUID.randomUUID(), Answer.YES, Answer.YES, Answer.YES,
                        OUTSIDER, NOW))
                .expectException(UnknownException.class)
                .expectNoEvents();
    }

    @Test
    void attendanceCountsAddUpForEnrolledFamiliesOnly() {
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new RecordAttendance(PROGRAMME, SESSION, List.of(came(FAMILY_B, 0)), NGO, "w", AFTER))
                .expectException(RuleViolationException.class);
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new RecordAttendance(PROGRAMME, SESSION,
                        List.of(new GroupSessionHeld.Attendance(FAMILY_A, 1, 2, 1)), NGO, "w", AFTER))
                .expectException(RuleViolationException.class);
    }

    @Test
    void feedbackFollowsAHeldSessionAndAnswersEveryQuestion() {
        UUID feedback = UUID.randomUUID();
        GroupSessionHeld held = new GroupSessionHeld(PROGRAMME, SESSION, List.of(came(FAMILY_A, 1)), "w", NOW);
        fixture.given(scheduled(2), enrolled(FAMILY_A), held)
                .when(new GiveFeedback(PROGRAMME, SESSION, feedback, Answer.YES, Answer.PARTLY, Answer.YES, NGO, NOW))
                .expectEvents(new FeedbackGiven(PROGRAMME, SESSION, feedback, Answer.YES, Answer.PARTLY, Answer.YES,
                        null, NOW));
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new GiveFeedback(PROGRAMME, SESSION, feedback, Answer.YES, Answer.YES, Answer.YES, NGO, NOW))
                .expectException(IllegalTransitionException.class);
        fixture.given(scheduled(2), enrolled(FAMILY_A), held)
                .when(new GiveFeedback(PROGRAMME, SESSION, feedback, Answer.YES, null, Answer.YES, NGO, NOW))
                .expectException(RuleViolationException.class);
    }

    @Test
    void aScheduledSessionIsRescheduledOrCancelledWithAReasonCodeAndASealedNote() {
        Instant later = STARTS.plusSeconds(86_400);
        fixture.given(scheduled(2))
                .when(new RescheduleSession(PROGRAMME, SESSION, later, later.plusSeconds(7200), SessionChangeReason.HOLIDAY,
                        null, CLINIC, "w", NOW))
                .expectEvents(new GroupSessionRescheduled(PROGRAMME, SESSION, later, later.plusSeconds(7200),
                        SessionChangeReason.HOLIDAY, null, "w", NOW));
        fixture.given(scheduled(2))
                .when(new CancelSession(PROGRAMME, SESSION, SessionChangeReason.FACILITATOR_UNAVAILABLE, NOTE, CLINIC, "w",
                        NOW))
                .expectEvents(new GroupSessionCancelled(PROGRAMME, SESSION, SessionChangeReason.FACILITATOR_UNAVAILABLE,
                        NOTE, "w", NOW));
        // Without a code the reason is OTHER, and then the note says why.
        fixture.given(scheduled(2))
                .when(new CancelSession(PROGRAMME, SESSION, null, NOTE, CLINIC, "w", NOW))
                .expectEvents(new GroupSessionCancelled(PROGRAMME, SESSION, SessionChangeReason.OTHER, NOTE, "w", NOW));
        fixture.given(scheduled(2), new GroupSessionCancelled(PROGRAMME, SESSION, SessionChangeReason.WEATHER, null, "w",
                        NOW))
                .when(new RescheduleSession(PROGRAMME, SESSION, later, later.plusSeconds(7200), SessionChangeReason.WEATHER,
                        null, CLINIC, "w", NOW))
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void aWorkerOfAProgrammeAgencyThatTheConsentCoversEnrols() {
        fixture.given(scheduled(2))
                .when(new EnrolFamily(PROGRAMME, FAMILY_B, EnrolmentSource.SELF, null, true, CLINIC, "w", NOW))
                .expectEvents(new FamilyEnrolled(PROGRAMME, FAMILY_B, EnrolmentSource.SELF, null, false, "w", NOW))
                .expectResultMessagePayload(EnrolmentStatus.ENROLLED);
    }

    @Test
    void anAgencyThatDoesNotRunTheProgrammeIsToldItDoesNotExist() {
        families.put(FAMILY_A, new FamilyStanding(FAMILY_A, OUTSIDER, Set.of(CLINIC, NGO, OUTSIDER)));
        fixture.given(scheduled(2))
                .when(new EnrolFamily(PROGRAMME, FAMILY_A, EnrolmentSource.SELF, null, true, OUTSIDER, "w", NOW))
                .expectException(UnknownException.class)
                .expectExceptionMessage("no such programme")
                .expectNoEvents();
    }

    @Test
    void aProgrammeAgencyTheConsentDoesNotCoverIsAnsweredAsForAnUnknownFamily() {
        fixture.given(scheduled(2))
                .when(new EnrolFamily(PROGRAMME, FAMILY_B, EnrolmentSource.SELF, null, true, NGO, "w", NOW))
                .expectException(UnknownException.class)
                .expectExceptionMessage("no such family")
                .expectNoEvents();
    }

    @Test
    void anUnknownOrErasedFamilyIsNotEnrolledByAWorker() {
        families.remove(FAMILY_A);
        fixture.given(scheduled(2))
                .when(new EnrolFamily(PROGRAMME, FAMILY_A, EnrolmentSource.INVITATION, null, true, CLINIC, "w", NOW))
                .expectException(UnknownException.class)
                .expectExceptionMessage("no such family")
                .expectNoEvents();
    }

    @Test
    void theAgencyThatRegisteredTheFamilyIsToldNoConsentCoversIt() {
        fixture.given(scheduled(2))
                .when(new EnrolFamily(PROGRAMME, FAMILY_C, EnrolmentSource.SELF, null, true, CLINIC, "w", NOW))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("no valid consent of the family covers your agency")
                .expectNoEvents();
    }

    @Test
    void anUncoveredAgencyLearnsNothingOfAnEnrolmentEither() {
        // Not the 409 "enrolled already" that would tell it the family exists and is in the group.
        fixture.given(scheduled(2), new FamilyEnrolled(PROGRAMME, FAMILY_B, EnrolmentSource.SELF, null, false, "w", NOW))
                .when(new EnrolFamily(PROGRAMME, FAMILY_B, EnrolmentSource.SELF, null, true, NGO, "w", NOW))
                .expectException(UnknownException.class)
                .expectNoEvents();
    }

    @Test
    void theReferralDrivenPolicyEnrolsWithoutAConsentHere() {
        UUID unknownHere = UUID.randomUUID();
        fixture.given(scheduled(2))
                .when(EnrolFamily.byReferral(PROGRAMME, unknownHere, REFERRAL, true, "referral-enrolment", NOW))
                .expectEvents(new FamilyEnrolled(PROGRAMME, unknownHere, EnrolmentSource.REFERRAL, REFERRAL, false,
                        "referral-enrolment", NOW));
    }

    @Test
    void anEnrolmentIsCancelledByAProgrammeAgencyOrACoordinatorOnly() {
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new CancelEnrolment(PROGRAMME, FAMILY_A, OUTSIDER, "w", NOW))
                .expectException(UnknownException.class)
                .expectExceptionMessage("no such programme")
                .expectNoEvents();
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new CancelEnrolment(PROGRAMME, FAMILY_A, CLINIC, "w", NOW))
                .expectEvents(new EnrolmentCancelled(PROGRAMME, FAMILY_A, false, "w", NOW));
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new CancelEnrolment(PROGRAMME, FAMILY_A, null, "coordinator", NOW))
                .expectEvents(new EnrolmentCancelled(PROGRAMME, FAMILY_A, false, "coordinator", NOW));
        fixture.given(scheduled(2), enrolled(FAMILY_A))
                .when(new CancelEnrolment(PROGRAMME, FAMILY_B, CLINIC, "w", NOW))
                .expectException(UnknownException.class)
                .expectNoEvents();
    }

    @Test
    void anAgencyThatDoesNotRunTheProgrammeIsToldItsSessionsDoNotExist() {
        Instant later = STARTS.plusSeconds(86_400);
        fixture.given(scheduled(2))
                .when(new RescheduleSession(PROGRAMME, SESSION, later, later.plusSeconds(7200), SessionChangeReason.HOLIDAY,
                        null, OUTSIDER, "w", NOW))
                .expectException(UnknownException.class)
                .expectExceptionMessage("no such session")
                .expectNoEvents();
        fixture.given(scheduled(2))
                .when(new CancelSession(PROGRAMME, SESSION, SessionChangeReason.HOLIDAY, null, OUTSIDER, "w", NOW))
                .expectException(UnknownException.class)
                .expectExceptionMessage("no such session")
                .expectNoEvents();
        // A programme agency that does not facilitate the session knows it exists: it is told it is not its own.
        ProgrammeScheduled.Session clinicOnly = new ProgrammeScheduled.Session(SESSION, STARTS, ENDS, "Vauvan uni",
                List.of(CLINIC));
        fixture.given(new ProgrammeScheduled(PROGRAMME, "Meidän vauva", SERVICE, List.of(CLINIC, NGO),
                        "Hervannan perhekeskus", 2, 20, 0, 6, List.of(clinicOnly), "coordinator", NOW))
                .when(new CancelSession(PROGRAMME, SESSION, SessionChangeReason.HOLIDAY, null, NGO, "w", NOW))
                .expectException(NotPartyException.class)
                .expectNoEvents();
    }

    @Test
    void aSessionChangeWithNeitherCodeNorNoteIsRefused() {
        Instant later = STARTS.plusSeconds(86_400);
        fixture.given(scheduled(2))
                .when(new CancelSession(PROGRAMME, SESSION, SessionChangeReason.OTHER, null, CLINIC, "w", NOW))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(scheduled(2))
                .when(new RescheduleSession(PROGRAMME, SESSION, later, later.plusSeconds(7200), null, null, CLINIC, "w",
                        NOW))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }
}
