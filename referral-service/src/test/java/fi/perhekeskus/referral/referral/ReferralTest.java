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
import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.contract.referral.ReferralReceived;
import fi.perhekeskus.contract.referral.ReferralRedirected;
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
 * (409), by the other party (403) and by an agency that is no party (404).
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
            public Optional<String> municipality(UUID familyId) {
                return Optional.of("Tampere");
            }
        };
        ServiceCatalog services = id -> Optional.ofNullable(offers.get(id));
        fixture.registerInjectableResource(consents);
        fixture.registerInjectableResource(services);
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
        }
        return events;
    }

    enum Move {
        RECEIVE(RECEIVER, a -> new ReceiveReferral(REFERRAL, a, "w", NOW)),
        ACCEPT(RECEIVER, a -> new AcceptReferral(REFERRAL, a, WORKER, null, "w", NOW)),
        DECLINE(RECEIVER, a -> new DeclineReferral(REFERRAL, a, REASON, "w", NOW)),
        REDIRECT(RECEIVER, a -> new RedirectReferral(REFERRAL, a, NEW_REFERRAL, OTHER_SERVICE, null, RECEIVE_BY,
                DECIDE_BY, "w", NOW)),
        START(RECEIVER, a -> new StartReferral(REFERRAL, a, "w", NOW)),
        COMPLETE(RECEIVER, a -> new CompleteReferral(REFERRAL, a, ReferralOutcome.PARTLY_MET, null, "w", NOW)),
        CANCEL(SENDER, a -> new CancelReferral(REFERRAL, a, REASON, "w", NOW));

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
                case ACCEPT, DECLINE, REDIRECT -> EnumSet.of(ReferralStatus.RECEIVED);
                case START -> EnumSet.of(ReferralStatus.ACCEPTED);
                case COMPLETE -> EnumSet.of(ReferralStatus.IN_PROGRESS);
                case CANCEL -> EnumSet.of(ReferralStatus.REQUESTED, ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED,
                        ReferralStatus.IN_PROGRESS);
            };
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

    @ParameterizedTest(name = "{0} in {1} is refused with 409")
    @MethodSource("illegalStates")
    void aMoveInTheWrongStateIsRefusedAndChangesNothing(Move move, ReferralStatus state) {
        fixture.given(history(state))
                .when(move.command.apply(move.party))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} in {1} by the other party is refused with 403")
    @MethodSource("legalStates")
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
                    .when(new RedirectReferral(REFERRAL, RECEIVER, NEW_REFERRAL, OTHER_SERVICE, null, RECEIVE_BY,
                            DECIDE_BY, "worker-2", NOW))
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
                    .when(new RedirectReferral(REFERRAL, RECEIVER, NEW_REFERRAL, OTHER_SERVICE, null, RECEIVE_BY,
                            DECIDE_BY, "worker-2", NOW))
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
                    .when(new RedirectReferral(REFERRAL, RECEIVER, NEW_REFERRAL, OTHER_SERVICE, null, RECEIVE_BY,
                            DECIDE_BY, "worker-2", NOW))
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
                    .when(new RedirectReferral(REFERRAL, RECEIVER, NEW_REFERRAL, OTHER_SERVICE, null, RECEIVE_BY,
                            DECIDE_BY, "worker-2", NOW))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aRedirectGoesToAnotherService() {
            fixture.given(history(ReferralStatus.RECEIVED))
                    .when(new RedirectReferral(REFERRAL, RECEIVER, NEW_REFERRAL, SERVICE, null, RECEIVE_BY, DECIDE_BY,
                            "worker-2", NOW))
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
