package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.referral.ReferralStatus;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.infra.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The receiving agency's moves of a referral, for callers that act as its receiver without the
 * receiver's API (a partner link): the same commands, bodies and sealing as {@link ReferralController}'s
 * receiver endpoints, and which moves the state machine offers from a state.
 */
@Component
public class ReceiverMoves {

    /** A receiver's move, by the last segment of its path. */
    public enum Move {
        RECEIVE(null), ACCEPT(ReferralRequests.Accept.class), DECLINE(ReferralRequests.Decline.class),
        REDIRECT(ReferralRequests.Redirect.class), HOLD(ReferralRequests.Hold.class), RESUME(null), START(null),
        COMPLETE(ReferralRequests.Complete.class);

        private final Class<?> body;

        Move(Class<?> body) {
            this.body = body;
        }

        /** The request body the move takes, or null for none. */
        public Class<?> body() {
            return body;
        }

        /** Whether the move needs a body (the receiver's API answers 400 without one). */
        public boolean needsBody() {
            return body != null && this != ACCEPT;
        }

        public String path() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Move> of(String path) {
            for (Move move : values()) {
                if (move.path().equals(path)) {
                    return Optional.of(move);
                }
            }
            return Optional.empty();
        }
    }

    private static final Map<ReferralStatus, List<Move>> FROM = Map.of(
            ReferralStatus.REQUESTED, List.of(Move.RECEIVE),
            ReferralStatus.RECEIVED, List.of(Move.ACCEPT, Move.DECLINE, Move.REDIRECT),
            ReferralStatus.ACCEPTED, List.of(Move.START, Move.HOLD, Move.REDIRECT),
            ReferralStatus.IN_PROGRESS, List.of(Move.COMPLETE, Move.HOLD, Move.REDIRECT),
            ReferralStatus.ON_HOLD, List.of(Move.RESUME, Move.REDIRECT));
    private static final Set<ReferralStatus> CLOSED = EnumSet.complementOf(EnumSet.copyOf(FROM.keySet()));

    private final CommandGateway commands;
    private final FamilySealer sealer;
    private final ReferralStates states;
    private final Clock clock;

    public ReceiverMoves(CommandGateway commands, FamilySealer sealer, ReferralStates states, Clock clock) {
        this.commands = commands;
        this.sealer = sealer;
        this.states = states;
        this.clock = clock;
    }

    /** The moves the receiver can make from {@code status}, in the order a page offers them. */
    public static List<Move> available(ReferralStatus status) {
        return CLOSED.contains(status) ? List.of() : FROM.get(status);
    }

    /**
     * Makes the move as {@code receiver} with its validated body (null where it takes none), and
     * answers as the receiver's API does: the new state, and {@code redirectedTo} for a redirect.
     */
    public Object make(UUID id, Move move, Object body, Caller receiver) {
        UUID agency = receiver.agencyId();
        String by = receiver.workerId();
        Instant now = clock.instant();
        return switch (move) {
            case RECEIVE -> answer(commands.sendAndWait(new ReceiveReferral(id, agency, by, now)));
            case ACCEPT -> {
                ReferralRequests.Accept accept = body == null ? new ReferralRequests.Accept(null, null)
                        : (ReferralRequests.Accept) body;
                Sealed worker = accept.responsibleWorker() == null || accept.responsibleWorker().isBlank() ? null
                        : sealer.seal(familyOf(id, receiver), accept.responsibleWorker());
                yield answer(commands.sendAndWait(new AcceptReferral(id, agency, worker, accept.firstContactOn(),
                        by, now)));
            }
            case DECLINE -> answer(commands.sendAndWait(new DeclineReferral(id, agency,
                    sealer.seal(familyOf(id, receiver), ((ReferralRequests.Decline) body).reason()), by, now)));
            case REDIRECT -> {
                ReferralRequests.Redirect redirect = (ReferralRequests.Redirect) body;
                UUID familyId = familyOf(id, receiver);
                ReferralState state = commands.sendAndWait(new RedirectReferral(id, agency, UUID.randomUUID(),
                        redirect.serviceId(), redirect.note() == null ? null : sealer.seal(familyId, redirect.note()),
                        by, now));
                yield Map.of("id", state.id(), "status", state.status(), "redirectedTo", state.redirectedTo());
            }
            case HOLD -> answer(commands.sendAndWait(new HoldReferral(id, agency,
                    sealer.seal(familyOf(id, receiver), ((ReferralRequests.Hold) body).reason()), by, now)));
            case RESUME -> answer(commands.sendAndWait(new ResumeReferral(id, agency, by, now)));
            case START -> answer(commands.sendAndWait(new StartReferral(id, agency, by, now)));
            case COMPLETE -> {
                ReferralRequests.Complete complete = (ReferralRequests.Complete) body;
                UUID familyId = familyOf(id, receiver);
                yield answer(commands.sendAndWait(new CompleteReferral(id, agency, complete.outcome(),
                        complete.note() == null ? null : sealer.seal(familyId, complete.note()), by, now)));
            }
        };
    }

    private UUID familyOf(UUID referralId, Caller caller) {
        ReferralState state = states.find(referralId, "referral-family")
                .filter(s -> caller.agencyId().equals(s.receiverAgencyId()))
                .orElseThrow(() -> new UnknownException("no such referral"));
        return state.familyId();
    }

    private ReferralStateResponse answer(ReferralState state) {
        return ReferralStateResponse.of(state, sealer);
    }
}
