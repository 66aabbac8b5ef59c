package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.referral.EscalationStage;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralAccepted;
import fi.perhekeskus.contract.referral.ReferralCancelled;
import fi.perhekeskus.contract.referral.ReferralCompleted;
import fi.perhekeskus.contract.referral.ReferralDeclined;
import fi.perhekeskus.contract.referral.ReferralEscalated;
import fi.perhekeskus.contract.referral.ReferralHandoverMeetingHeld;
import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.contract.referral.ReferralPutOnHold;
import fi.perhekeskus.contract.referral.ReferralReceived;
import fi.perhekeskus.contract.referral.ReferralRedirected;
import fi.perhekeskus.contract.referral.ReferralResumed;
import fi.perhekeskus.contract.referral.ReferralStarted;
import fi.perhekeskus.contract.referral.ReferralStatus;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.NotPartyException;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.referral.directory.ServiceCatalog;
import fi.perhekeskus.referral.directory.ServiceOffer;
import fi.perhekeskus.referral.family.FamilyConsents;
import fi.perhekeskus.referral.family.SharingBasis;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The referral's state machine, edge by edge: every legal move, every move in a wrong state
 * (409), by the other party (403) and by an agency that is no party (404). ON_HOLD is reached from
 * IN_PROGRESS in {@link #history}; holds from ACCEPTED are covered where they matter (resume).
 */
class ReferralTest {

    static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    static final UUID NEW_REFERRAL = UUID.fromString("00000000-0000-0000-0000-00000000f002");
    static final UUID FAMILY = UUID.fromString("00000000-0000-0000-0000-0000000000fa");
    static final UUID SENDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID RECEIVER = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final UUID THIRD = UUID.fromString("00000000-0000-0000-0000-0000000000a3");
    static final UUID FOREIGN = UUID.fromString("00000000-0000-0000-0000-0000000000ff");
    static final UUID SERVICE = UUID.fromString("00000000-0000-0000-0000-0000000005e1");
    static final UUID OTHER_SERVICE = UUID.fromString("00000000-0000-0000-0000-0000000005e2");
    static final UUID CONSENT = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant RECEIVE_BY = NOW.plus(Duration.ofDays(2));
    static final Instant DECIDE_BY = NOW.plus(Duration.ofDays(7));
    static final Sealed REASON = new Sealed("v1.cmVhc29u");
    static final Sealed LEGAL_BASIS = new Sealed("v1.bGVnYWwtYmFzaXM");
    static final Sealed WORKER = new Sealed("v1.d29ya2Vy");
    static final Sealed HOLD_REASON = new Sealed("v1.aG9sZA");
    static final Sealed NOTE = new Sealed("v1.bm90ZQ");
    static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    static final LocalDate MET_ON = LocalDate.parse("2026-03-01");
    static final ReferralSla SLA = ReferralSla.defaults();

    private AggregateTestFixture<Referral> fixture;
    private final Map<UUID, SharingBasis> receiverBasis = new HashMap<>();
    private final Map<UUID, ServiceOffer> offers = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
        receiverBasis.put(SENDER, SharingBasis.registeringAgency());
        receiverBasis.put(RECEIVER, SharingBasis.consent(CONSENT));
        receiverBasis.put(THIRD, SharingBasis.consent(CONSENT));
        offers.put(SERVICE, new ServiceOffer(SERVICE, RECEIVER, ServiceKind.GROUP, NeedLevel.YELLOW, List.of("Tampere"), false));
        offers.put(OTHER_SERVICE, new ServiceOffer(OTHER_SERVICE, THIRD, ServiceKind.INDIVIDUAL, NeedLevel.YELLOW,
                List.of("Tampere"), false));
        FamilyConsents consents = new FamilyConsents() {
            @Override
            public Optional<SharingBasis> basisFor(UUID familyId, UUID agencyId, UUID consentId, LocalDate today) {
                SharingBasis basis = receiverBasis.get(agencyId);
                if (basis == null || consentId != null && !consentId.equals(basis.consentId())) {
                    return Optional.empty();
                }
                return Optional.of(basis);
            }

            @Override
            public boolean hasConsent(UUID familyId, UUID consentId) {
                return receiverBasis.values().stream().anyMatch(b -> consentId.equals(b.consentId()));
            }

            @Override
            public boolean isWithdrawn(UUID familyId, UUID consentId) {
                return false;
            }

            @Override
            public Optional<String> municipality(UUID familyId) {
                return Optional.of("Tampere");
            }
        };
        ServiceCatalog services = id -> Optional.ofNullable(offers.get(id));
        fixture.registerInjectableResource(consents);
        fixture.registerInjectableResource(services);
        fixture.registerInjectableResource(SLA);
    }

    static MakeReferral make(UUID consentId, Sealed legalBasis) {
        return new MakeReferral(REFERRAL, FAMILY, SERVICE, SENDER, NeedLevel.YELLOW, Priority.ROUTINE,
                REASON, consentId, legalBasis, null, RECEIVE_BY, DECIDE_BY, "nurse-1", NOW);
    }

    static ReferralMade made() {
        return new ReferralMade(REFERRAL, FAMILY, SERVICE, SENDER, RECEIVER, "Tampere", NeedLevel.YELLOW,
                Priority.ROUTINE, REASON, CONSENT, null, null, null, "nurse-1", NOW);
    }

    static final ReferralReceived RECEIVED = new ReferralReceived(REFERRAL, RECEIVER, "worker-2", NOW.plusSeconds(60));
    static final ReferralAccepted ACCEPTED = new ReferralAccepted(REFERRAL, FAMILY, SERVICE, RECEIVER, WORKER,
            LocalDate.parse("2026-03-05"), "worker-2", NOW.plusSeconds(120));
    static final ReferralStarted STARTED = new ReferralStarted(REFERRAL, "worker-2", NOW.plusSeconds(180));

    static ReferralPutOnHold heldIn(ReferralStatus state) {
        return new ReferralPutOnHold(REFERRAL, state, HOLD_REASON, "worker-2", NOW.plusSeconds(240));
    }

    /** The events that lead to each state. */
    static List<Object> history(ReferralStatus state) {
        List<Object> events = new ArrayList<>(List.of(made()));
        switch (state) {
            case REQUESTED -> {
            }
            case RECEIVED -> events.add(RECEIVED);
            case ACCEPTED -> events.addAll(List.of(RECEIVED, ACCEPTED));
            case IN_PROGRESS -> events.addAll(List.of(RECEIVED, ACCEPTED, STARTED));
            case COMPLETED -> events.addAll(List.of(RECEIVED, ACCEPTED, STARTED,
                    new ReferralCompleted(REFERRAL, ReferralOutcome.GOAL_MET, null, "worker-2", NOW)));
            case DECLINED -> events.addAll(List.of(RECEIVED, new ReferralDeclined(REFERRAL, REASON, "worker-2", NOW)));
            case REDIRECTED -> events.addAll(List.of(RECEIVED,
                    new ReferralRedirected(REFERRAL, NEW_REFERRAL, OTHER_SERVICE, THIRD, null, "worker-2", NOW)));
            case CANCELLED -> events.add(new ReferralCancelled(REFERRAL, REASON, "nurse-1", NOW));
            case ON_HOLD -> events.addAll(List.of(RECEIVED, ACCEPTED, STARTED, heldIn(ReferralStatus.IN_PROGRESS)));
        }
        return events;
    }

    enum Move {
        RECEIVE(RECEIVER, a -> new ReceiveReferral(REFERRAL, a, "w", NOW)),
        ACCEPT(RECEIVER, a -> new AcceptReferral(REFERRAL, a, WORKER, null, "w", NOW)),
        DECLINE(RECEIVER, a -> new DeclineReferral(REFERRAL, a, REASON, "w", NOW)),
        REDIRECT(RECEIVER, a -> new RedirectReferral(REFERRAL, a, NEW_REFERRAL, OTHER_SERVICE, null, "w", NOW)),
        START(RECEIVER, a -> new StartReferral(REFERRAL, a, "w", NOW)),
        COMPLETE(RECEIVER, a -> new CompleteReferral(REFERRAL, a, ReferralOutcome.PARTLY_MET, null, "w", NOW)),
        CANCEL(SENDER, a -> new CancelReferral(REFERRAL, a, REASON, "w", NOW)),
        HOLD(RECEIVER, a -> new HoldReferral(REFERRAL, a, HOLD_REASON, "w", NOW)),
        RESUME(RECEIVER, a -> new ResumeReferral(REFERRAL, a, "w", NOW)),
        /** Either party records it: there is no other party to refuse. */
        HANDOVER(RECEIVER, a -> new RecordHandoverMeeting(REFERRAL, a, MEETING, MET_ON, true, NOTE, "w", NOW));

        final UUID party;
        final Function<UUID, Object> command;

        Move(UUID party, Function<UUID, Object> command) {
            this.party = party;
            this.command = command;
        }

        UUID otherParty() {
            return party.equals(RECEIVER) ? SENDER : RECEIVER;
        }

        Set<ReferralStatus> legalIn() {
            return switch (this) {
                case RECEIVE -> EnumSet.of(ReferralStatus.REQUESTED);
                case ACCEPT, DECLINE -> EnumSet.of(ReferralStatus.RECEIVED);
                case REDIRECT -> EnumSet.of(ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
                        ReferralStatus.ON_HOLD);
                case START -> EnumSet.of(ReferralStatus.ACCEPTED);
                case COMPLETE -> EnumSet.of(ReferralStatus.IN_PROGRESS);
                case CANCEL, HANDOVER -> EnumSet.of(ReferralStatus.REQUESTED, ReferralStatus.RECEIVED,
                        ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD);
                case HOLD -> EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS);
                case RESUME -> EnumSet.of(ReferralStatus.ON_HOLD);
            };
        }

        boolean byEitherParty() {
            return this == HANDOVER;
        }
    }

    static Stream<Arguments> illegalStates() {
        List<Arguments> cases = new ArrayList<>();
        for (Move move : Move.values()) {
            for (ReferralStatus state : ReferralStatus.values()) {
                if (!move.legalIn().contains(state)) {
                    cases.add(Arguments.of(move, state));
                }
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> legalStates() {
        List<Arguments> cases = new ArrayList<>();
        for (Move move : Move.values()) {
            for (ReferralStatus state : move.legalIn()) {
                cases.add(Arguments.of(move, state));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> legalStatesOfOneParty() {
        return legalStates().filter(a -> !((Move) a.get()[0]).byEitherParty());
    }

    @ParameterizedTest(name = "{0} in {1} is a legal edge")
    @MethodSource("legalStates")
    void everyLegalEdgeIsTaken(Move move, ReferralStatus state) {
        fixture.given(history(state))
                .when(move.command.apply(move.party))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest(name = "{0} in {1} is refused with 409")
    @MethodSource("illegalStates")
    void aMoveInTheWrongStateIsRefusedAndChangesNothing(Move move, ReferralStatus state) {
        fixture.given(history(state))
                .when(move.command.apply(move.party))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} in {1} by the other party is refused with 403")
    @MethodSource("legalStatesOfOneParty")
    void aMoveByTheOtherPartyIsRefused(Move move, ReferralStatus state) {
        fixture.given(history(state))
                .when(move.command.apply(move.otherParty()))
                .expectException(NotPartyException.class)
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} in {1} by an agency that is no party: the referral does not exist for it")
    @MethodSource("legalStates")
    void aMoveByAForeignAgencyFindsNothing(Move move, ReferralStatus state) {
        fixture.given(history(state))
                .when(move.command.apply(FOREIGN))
                .expectException(UnknownException.class)
                .expectNoEvents();
    }

    @Nested
    class Making {

        @Test
        void aReferralCoveredByConsentIsMadeAndItsServiceLevelsScheduled() {
            fixture.givenNoPriorActivity()
                    .when(make(null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(made())
                    .expectScheduledDeadline(RECEIVE_BY, new EscalationDue(EscalationStage.NOT_RECEIVED, RECEIVE_BY))
                    .expectScheduledDeadline(DECIDE_BY, new EscalationDue(EscalationStage.NOT_DECIDED, DECIDE_BY));
        }

        @Test
        void aNamedConsentMustCoverTheReceiver() {
            fixture.givenNoPriorActivity()
                    .when(make(UUID.randomUUID(), null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void withoutConsentForTheReceiverOnlyARecordedLegalBasisAllowsIt() {
            receiverBasis.remove(RECEIVER);
            fixture.givenNoPriorActivity()
                    .when(make(null, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aLegalBasisIsRecordedInPlaceOfConsent() {
            receiverBasis.remove(RECEIVER);
            fixture.givenNoPriorActivity()
                    .when(make(null, LEGAL_BASIS))
                    .expectEvents(new ReferralMade(REFERRAL, FAMILY, SERVICE, SENDER, RECEIVER, "Tampere",
                            NeedLevel.YELLOW, Priority.ROUTINE, REASON, null, LEGAL_BASIS,
                            null, null, "nurse-1", NOW));
        }

        @Test
        void aRedirectCarriesTheSealedLegalBasisToTheNewReceiver() {
            receiverBasis.remove(RECEIVER);
            receiverBasis.remove(THIRD);
            ReferralMade onLegalBasis = new ReferralMade(REFERRAL, FAMILY, SERVICE, SENDER, RECEIVER, "Tampere",
                    NeedLevel.YELLOW, Priority.ROUTINE, REASON, null, LEGAL_BASIS, null, null, "nurse-1", NOW);
            fixture.given(onLegalBasis, RECEIVED)
                    .when(new RedirectReferral(REFERRAL, RECEIVER, NEW_REFERRAL, OTHER_SERVICE, null, "worker-2", NOW))
                    .expectEvents(
                            new ReferralRedirected(REFERRAL, NEW_REFERRAL, OTHER_SERVICE, THIRD, null, "worker-2", NOW),
                            new ReferralMade(NEW_REFERRAL, FAMILY, OTHER_SERVICE, SENDER, THIRD, "Tampere",
                                    NeedLevel.YELLOW, Priority.ROUTINE, REASON, null, LEGAL_BASIS, REFERRAL, RECEIVER,
                                    "worker-2", NOW));
        }

        @Test
        void aLegalBasisDroppedByTheUpcasterIsStillABasis() {
            receiverBasis.remove(RECEIVER);
            receiverBasis.remove(THIRD);
            // A version 1 referral made on a plain-text legal basis loads with the marker in its place.
            ReferralMade legacy = new ReferralMade(REFERRAL, FAMILY, SERVICE, SENDER, RECEIVER, "Tampere",
                    NeedLevel.YELLOW, Priority.ROUTINE, REASON, null, Sealed.DROPPED, null, null, "nurse-1", NOW);
            fixture.given(legacy, RECEIVED)
                    .when(new RedirectReferral(REFERRAL, RECEIVER, NEW_REFERRAL, OTHER_SERVICE, null, "worker-2", NOW))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aSenderWithoutAccessToTheFamilyCannotReferIt() {
            receiverBasis.remove(SENDER);
            fixture.givenNoPriorActivity()
                    .when(make(null, null))
                    .expectException(UnknownException.class)
                    .expectNoEvents();
        }

        @Test
        void anUnknownOrWithdrawnServiceIsRefused() {
            offers.put(SERVICE, new ServiceOffer(SERVICE, RECEIVER, ServiceKind.GROUP, NeedLevel.YELLOW, List.of(), true));
            fixture.givenNoPriorActivity()
                    .when(make(null, null))
                    .expectException(RuleViolationException.class);
            offers.clear();
            fixture.givenNoPriorActivity()
                    .when(make(null, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class LegalMoves {

        @Test
        void theReceiverReceivesARequestedReferral() {
            fixture.given(history(ReferralStatus.REQUESTED))
                    .when(new ReceiveReferral(REFERRAL, RECEIVER, "worker-2", NOW.plusSeconds(60)))
                    .expectEvents(RECEIVED)
                    .expectResultMessagePayload(new ReferralState(REFERRAL, ReferralStatus.RECEIVED, FAMILY, SERVICE,
                            SENDER, RECEIVER, null, null, null, null));
        }

        @Test
        void theReceiverAcceptsAndNamesTheResponsibleWorker() {
            fixture.given(history(ReferralStatus.RECEIVED))
                    .when(new AcceptReferral(REFERRAL, RECEIVER, WORKER, LocalDate.parse("2026-03-05"), "worker-2",
                            NOW.plusSeconds(120)))
                    .expectEvents(ACCEPTED)
                    .expectResultMessagePayload(new ReferralState(REFERRAL, ReferralStatus.ACCEPTED, FAMILY, SERVICE,
                            SENDER, RECEIVER, null, null, null, WORKER));
        }

        @Test
        void theReceiverDeclinesWithAReason() {
            fixture.given(history(ReferralStatus.RECEIVED))
                    .when(new DeclineReferral(REFERRAL, RECEIVER, REASON, "worker-2", NOW))
                    .expectEvents(new ReferralDeclined(REFERRAL, REASON, "worker-2", NOW));
        }

        @Test
        void aDeclineWithoutReasonIsRefused() {
            fixture.given(history(ReferralStatus.RECEIVED))
                    .when(new DeclineReferral(REFERRAL, RECEIVER, null, "worker-2", NOW))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aRedirectForwardsTheFamilyAndKeepsTheOriginalSender() {
            fixture.given(history(ReferralStatus.RECEIVED))
                    .when(new RedirectReferral(REFERRAL, RECEIVER, NEW_REFERRAL, OTHER_SERVICE, null, "worker-2", NOW))
                    .expectEvents(
                            new ReferralRedirected(REFERRAL, NEW_REFERRAL, OTHER_SERVICE, THIRD, null, "worker-2", NOW),
                            new ReferralMade(NEW_REFERRAL, FAMILY, OTHER_SERVICE, SENDER, THIRD, "Tampere",
                                    NeedLevel.YELLOW, Priority.ROUTINE, REASON, CONSENT, null, REFERRAL, RECEIVER,
                                    "worker-2", NOW));
        }

        @Test
        void aRedirectNeedsConsentForTheNewReceiver() {
            receiverBasis.remove(THIRD);
            fixture.given(history(ReferralStatus.RECEIVED))
                    .when(new RedirectReferral(REFERRAL, RECEIVER, NEW_REFERRAL, OTHER_SERVICE, null, "worker-2", NOW))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aRedirectGoesToAnotherService() {
            fixture.given(history(ReferralStatus.RECEIVED))
                    .when(new RedirectReferral(REFERRAL, RECEIVER, NEW_REFERRAL, SERVICE, null, "worker-2", NOW))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void theReceiverStartsAnAcceptedReferral() {
            fixture.given(history(ReferralStatus.ACCEPTED))
                    .when(new StartReferral(REFERRAL, RECEIVER, "worker-2", NOW.plusSeconds(180)))
                    .expectEvents(STARTED);
        }

        @Test
        void completingReportsTheOutcomeToTheSender() {
            fixture.given(history(ReferralStatus.IN_PROGRESS))
                    .when(new CompleteReferral(REFERRAL, RECEIVER, ReferralOutcome.GOAL_MET, REASON, "worker-2", NOW))
                    .expectEvents(new ReferralCompleted(REFERRAL, ReferralOutcome.GOAL_MET, REASON, "worker-2", NOW));
        }

        @ParameterizedTest(name = "the sender cancels a {0} referral")
        @MethodSource("fi.perhekeskus.referral.referral.ReferralTest#openStates")
        void theSenderCancelsAnOpenReferral(ReferralStatus state) {
            fixture.given(history(state))
                    .when(new CancelReferral(REFERRAL, SENDER, REASON, "nurse-1", NOW))
                    .expectEvents(new ReferralCancelled(REFERRAL, REASON, "nurse-1", NOW));
        }
    }

    static Stream<ReferralStatus> holdableStates() {
        return Stream.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS);
    }

    static Stream<ReferralStatus> redirectableStates() {
        return Stream.of(ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
                ReferralStatus.ON_HOLD);
    }

    static List<Object> heldFrom(ReferralStatus state) {
        List<Object> events = history(state);
        events.add(heldIn(state));
        return events;
    }

    @Nested
    class Holding {

        @ParameterizedTest(name = "the receiver puts a {0} referral on hold")
        @MethodSource("fi.perhekeskus.referral.referral.ReferralTest#holdableStates")
        void theReceiverPutsAReferralOnHoldWithASealedReason(ReferralStatus state) {
            fixture.given(history(state))
                    .when(new HoldReferral(REFERRAL, RECEIVER, HOLD_REASON, "worker-2", NOW.plusSeconds(240)))
                    .expectEvents(heldIn(state))
                    .expectResultMessagePayload(new ReferralState(REFERRAL, ReferralStatus.ON_HOLD, FAMILY, SERVICE,
                            SENDER, RECEIVER, null, null, null, WORKER));
        }

        @Test
        void aHoldWithoutReasonIsRefused() {
            fixture.given(history(ReferralStatus.ACCEPTED))
                    .when(new HoldReferral(REFERRAL, RECEIVER, null, "worker-2", NOW))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "a referral held in {0} resumes to {0}")
        @MethodSource("fi.perhekeskus.referral.referral.ReferralTest#holdableStates")
        void aResumeReturnsToTheStateItWasHeldIn(ReferralStatus state) {
            fixture.given(heldFrom(state))
                    .when(new ResumeReferral(REFERRAL, RECEIVER, "worker-2", NOW.plusSeconds(300)))
                    .expectEvents(new ReferralResumed(REFERRAL, state, "worker-2", NOW.plusSeconds(300)))
                    .expectResultMessagePayload(new ReferralState(REFERRAL, state, FAMILY, SERVICE, SENDER, RECEIVER,
                            null, null, null, WORKER));
        }

        @Test
        void aResumedReferralMovesOnFromWhereItWas() {
            // Held straight after acceptance, it is started after the resume, not completed.
            fixture.given(heldFrom(ReferralStatus.ACCEPTED))
                    .andGiven(new ReferralResumed(REFERRAL, ReferralStatus.ACCEPTED, "worker-2", NOW))
                    .when(new StartReferral(REFERRAL, RECEIVER, "worker-2", NOW))
                    .expectEvents(new ReferralStarted(REFERRAL, "worker-2", NOW));
            fixture.given(heldFrom(ReferralStatus.ACCEPTED))
                    .andGiven(new ReferralResumed(REFERRAL, ReferralStatus.ACCEPTED, "worker-2", NOW))
                    .when(new CompleteReferral(REFERRAL, RECEIVER, ReferralOutcome.GOAL_MET, null, "worker-2", NOW))
                    .expectException(IllegalTransitionException.class);
        }

        @Test
        void aHeldReferralCanBeHeldAgainOnlyAfterItResumed() {
            fixture.given(heldFrom(ReferralStatus.IN_PROGRESS))
                    .when(new HoldReferral(REFERRAL, RECEIVER, HOLD_REASON, "worker-2", NOW))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
            fixture.given(heldFrom(ReferralStatus.IN_PROGRESS))
                    .andGiven(new ReferralResumed(REFERRAL, ReferralStatus.IN_PROGRESS, "worker-2", NOW))
                    .when(new HoldReferral(REFERRAL, RECEIVER, HOLD_REASON, "worker-2", NOW))
                    .expectEvents(new ReferralPutOnHold(REFERRAL, ReferralStatus.IN_PROGRESS, HOLD_REASON, "worker-2", NOW));
        }

        @Test
        void aHoldCancelsEveryServiceLevelDeadlineSoNoneFiresWhileHeld() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(make(null, null), new ReceiveReferral(REFERRAL, RECEIVER, "worker-2", NOW),
                            new AcceptReferral(REFERRAL, RECEIVER, WORKER, null, "worker-2", NOW))
                    .when(new HoldReferral(REFERRAL, RECEIVER, HOLD_REASON, "worker-2", NOW))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void beforeTheHoldTheDeadlinesWereStillScheduled() {
            // The counterpart of the test above: without the hold, both deadlines are pending.
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(make(null, null), new ReceiveReferral(REFERRAL, RECEIVER, "worker-2", NOW))
                    .when(new AcceptReferral(REFERRAL, RECEIVER, WORKER, null, "worker-2", NOW))
                    .expectScheduledDeadline(RECEIVE_BY, new EscalationDue(EscalationStage.NOT_RECEIVED, RECEIVE_BY))
                    .expectScheduledDeadline(DECIDE_BY, new EscalationDue(EscalationStage.NOT_DECIDED, DECIDE_BY));
        }

        @Test
        void aResumeSchedulesNoDeadlineAgainAndNothingEscalatesAfterIt() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(make(null, null), new ReceiveReferral(REFERRAL, RECEIVER, "worker-2", NOW),
                            new AcceptReferral(REFERRAL, RECEIVER, WORKER, null, "worker-2", NOW),
                            new HoldReferral(REFERRAL, RECEIVER, HOLD_REASON, "worker-2", NOW))
                    .when(new ResumeReferral(REFERRAL, RECEIVER, "worker-2", NOW))
                    .expectNoScheduledDeadlines();
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(make(null, null), new ReceiveReferral(REFERRAL, RECEIVER, "worker-2", NOW),
                            new AcceptReferral(REFERRAL, RECEIVER, WORKER, null, "worker-2", NOW),
                            new HoldReferral(REFERRAL, RECEIVER, HOLD_REASON, "worker-2", NOW))
                    .whenThenTimeAdvancesTo(DECIDE_BY.plusSeconds(1))
                    .expectNoEvents();
        }
    }

    @Nested
    class RedirectingLater {

        @ParameterizedTest(name = "the receiver redirects a {0} referral")
        @MethodSource("fi.perhekeskus.referral.referral.ReferralTest#redirectableStates")
        void aRedirectFromEveryRedirectableStateForwardsTheFamilyToTheOriginalSender(ReferralStatus state) {
            fixture.given(history(state))
                    .when(new RedirectReferral(REFERRAL, RECEIVER, NEW_REFERRAL, OTHER_SERVICE, NOTE, "worker-2", NOW))
                    .expectEvents(
                            new ReferralRedirected(REFERRAL, NEW_REFERRAL, OTHER_SERVICE, THIRD, NOTE, "worker-2", NOW),
                            new ReferralMade(NEW_REFERRAL, FAMILY, OTHER_SERVICE, SENDER, THIRD, "Tampere",
                                    NeedLevel.YELLOW, Priority.ROUTINE, REASON, CONSENT, null, REFERRAL, RECEIVER,
                                    "worker-2", NOW))
                    .expectResultMessagePayload(new ReferralState(REFERRAL, ReferralStatus.REDIRECTED, FAMILY, SERVICE,
                            SENDER, RECEIVER, null, NEW_REFERRAL, null,
                            state == ReferralStatus.RECEIVED ? null : WORKER));
        }
    }

    @Nested
    class UrgentServiceLevels {

        static final Instant URGENT_RECEIVE_BY = NOW.plus(Duration.ofDays(1));
        static final Instant URGENT_DECIDE_BY = NOW.plus(Duration.ofDays(2));

        @Test
        void theDefaultsAreOneDayToReceiveAndTwoToDecideForUrgentAndTwoAndSevenForRoutine() {
            org.assertj.core.api.Assertions.assertThat(SLA.receiveBy(Priority.URGENT, NOW)).isEqualTo(URGENT_RECEIVE_BY);
            org.assertj.core.api.Assertions.assertThat(SLA.decideBy(Priority.URGENT, NOW)).isEqualTo(URGENT_DECIDE_BY);
            org.assertj.core.api.Assertions.assertThat(SLA.receiveBy(Priority.ROUTINE, NOW)).isEqualTo(RECEIVE_BY);
            org.assertj.core.api.Assertions.assertThat(SLA.decideBy(Priority.ROUTINE, NOW)).isEqualTo(DECIDE_BY);
        }

        @Test
        void anUrgentReferralIsScheduledWithTheUrgentDeadlines() {
            fixture.givenNoPriorActivity()
                    .when(urgent())
                    .expectScheduledDeadline(URGENT_RECEIVE_BY,
                            new EscalationDue(EscalationStage.NOT_RECEIVED, URGENT_RECEIVE_BY))
                    .expectScheduledDeadline(URGENT_DECIDE_BY,
                            new EscalationDue(EscalationStage.NOT_DECIDED, URGENT_DECIDE_BY));
        }

        @Test
        void anUrgentReferralNotReceivedInADayIsEscalated() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(urgent())
                    .whenThenTimeAdvancesTo(URGENT_RECEIVE_BY)
                    .expectEvents(new ReferralEscalated(REFERRAL, EscalationStage.NOT_RECEIVED, URGENT_RECEIVE_BY,
                            URGENT_RECEIVE_BY));
        }

        @Test
        void aRedirectedUrgentReferralKeepsTheUrgentServiceLevelsFromTheRedirect() {
            Instant later = NOW.plus(Duration.ofHours(5));
            ReferralMade urgentMade = new ReferralMade(REFERRAL, FAMILY, SERVICE, SENDER, RECEIVER, "Tampere",
                    NeedLevel.YELLOW, Priority.URGENT, REASON, CONSENT, null, null, null, "nurse-1", NOW);
            fixture.given(urgentMade, RECEIVED)
                    .when(new RedirectReferral(REFERRAL, RECEIVER, NEW_REFERRAL, OTHER_SERVICE, null, "worker-2", later))
                    .expectScheduledDeadline(later.plus(Duration.ofDays(1)),
                            new EscalationDue(EscalationStage.NOT_RECEIVED, later.plus(Duration.ofDays(1))))
                    .expectScheduledDeadline(later.plus(Duration.ofDays(2)),
                            new EscalationDue(EscalationStage.NOT_DECIDED, later.plus(Duration.ofDays(2))));
        }

        private MakeReferral urgent() {
            return new MakeReferral(REFERRAL, FAMILY, SERVICE, SENDER, NeedLevel.YELLOW, Priority.URGENT, REASON,
                    null, null, null, SLA.receiveBy(Priority.URGENT, NOW), SLA.decideBy(Priority.URGENT, NOW),
                    "nurse-1", NOW);
        }
    }

    @Nested
    class HandoverMeeting {

        static Stream<Arguments> partiesInOpenStates() {
            return openStates().flatMap(state -> Stream.of(Arguments.of(SENDER, state), Arguments.of(RECEIVER, state)));
        }

        @ParameterizedTest(name = "{0} records the hand-over of a {1} referral")
        @MethodSource("partiesInOpenStates")
        void eitherPartyRecordsTheWarmHandOverWithASealedNoteAndTheStateStays(UUID party, ReferralStatus state) {
            fixture.given(history(state))
                    .when(new RecordHandoverMeeting(REFERRAL, party, MEETING, MET_ON, true, NOTE, "worker-9", NOW))
                    .expectEvents(new ReferralHandoverMeetingHeld(REFERRAL, MEETING, MET_ON, true, NOTE, party,
                            "worker-9", NOW))
                    .expectResultMessagePayload(new ReferralState(REFERRAL, state, FAMILY, SERVICE, SENDER, RECEIVER,
                            null, null, null,
                            EnumSet.of(ReferralStatus.REQUESTED, ReferralStatus.RECEIVED).contains(state) ? null : WORKER));
        }

        @Test
        void aHandOverWithoutTheFamilyAndWithoutANoteIsRecordedToo() {
            fixture.given(history(ReferralStatus.RECEIVED))
                    .when(new RecordHandoverMeeting(REFERRAL, SENDER, MEETING, MET_ON, false, null, "nurse-1", NOW))
                    .expectEvents(new ReferralHandoverMeetingHeld(REFERRAL, MEETING, MET_ON, false, null, SENDER,
                            "nurse-1", NOW));
        }

        @Test
        void aMeetingThatHasNotYetBeenHeldIsRefused() {
            LocalDate tomorrow = NOW.atZone(Referral.LOCAL_ZONE).toLocalDate().plusDays(1);
            fixture.given(history(ReferralStatus.ACCEPTED))
                    .when(new RecordHandoverMeeting(REFERRAL, SENDER, MEETING, tomorrow, true, null, "nurse-1", NOW))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aMeetingHeldTodayInFinlandIsAcceptedEvenWhileItIsYesterdayInUtc() {
            Instant earlyMorning = Instant.parse("2026-03-02T22:30:00Z"); // 00:30 on 3 March in Helsinki
            fixture.given(history(ReferralStatus.ACCEPTED))
                    .when(new RecordHandoverMeeting(REFERRAL, SENDER, MEETING, LocalDate.parse("2026-03-03"), true,
                            null, "nurse-1", earlyMorning))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void theSameMeetingIsRecordedOnce() {
            fixture.given(history(ReferralStatus.ACCEPTED))
                    .andGiven(new ReferralHandoverMeetingHeld(REFERRAL, MEETING, MET_ON, true, null, SENDER, "nurse-1", NOW))
                    .when(new RecordHandoverMeeting(REFERRAL, RECEIVER, MEETING, MET_ON, true, null, "worker-2", NOW))
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }
    }

    static Stream<ReferralStatus> openStates() {
        return Stream.of(ReferralStatus.values()).filter(ReferralStatus::isOpen);
    }

    @Nested
    class Escalation {

        @Test
        void aReferralNobodyReceivesInTimeIsEscalated() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(make(null, null))
                    .whenThenTimeAdvancesTo(RECEIVE_BY)
                    .expectDeadlinesMet(new EscalationDue(EscalationStage.NOT_RECEIVED, RECEIVE_BY))
                    .expectEvents(new ReferralEscalated(REFERRAL, EscalationStage.NOT_RECEIVED, RECEIVE_BY, RECEIVE_BY));
        }

        @Test
        void aReceivedReferralIsNotEscalatedForReceivingButStillForDeciding() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(make(null, null), new ReceiveReferral(REFERRAL, RECEIVER, "worker-2", NOW))
                    .whenThenTimeAdvancesTo(DECIDE_BY)
                    .expectEvents(new ReferralEscalated(REFERRAL, EscalationStage.NOT_DECIDED, DECIDE_BY, DECIDE_BY));
        }

        @Test
        void aDecidedReferralIsNeverEscalated() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(make(null, null), new ReceiveReferral(REFERRAL, RECEIVER, "worker-2", NOW),
                            new AcceptReferral(REFERRAL, RECEIVER, WORKER, null, "worker-2", NOW))
                    .whenThenTimeAdvancesTo(DECIDE_BY.plusSeconds(1))
                    .expectDeadlinesMet(new EscalationDue(EscalationStage.NOT_RECEIVED, RECEIVE_BY),
                            new EscalationDue(EscalationStage.NOT_DECIDED, DECIDE_BY))
                    .expectNoEvents();
        }
    }
}
