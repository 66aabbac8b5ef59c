package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.NeedLevel;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * One referral and its closed loop back to the sender:
 * REQUESTED → RECEIVED → ACCEPTED → IN_PROGRESS → COMPLETED, or DECLINED, REDIRECTED (a new
 * referral carries the family on, the loop stays with the original sender) or CANCELLED by the
 * sender from any open state. The receiver may put an ACCEPTED or IN_PROGRESS referral ON_HOLD and
 * resume it to the state it was held in, and may redirect it from RECEIVED, ACCEPTED, IN_PROGRESS or
 * ON_HOLD. Either party records the warm hand-over meeting while it is open. Only the receiving agency
 * moves it forward and only the sender cancels; an agency that is neither does not learn that it exists.
 *
 * <p>Service levels: a hold cancels every service-level deadline still scheduled, so none fires while
 * it is held, and a resume schedules none again. Both service levels (received, then decided) end
 * with the acceptance, which comes before any hold: what a held referral still had scheduled could
 * only have fired as a no-op, and there is no remaining time to resume.
 */
@Aggregate
public class Referral {

    static final String SLA_DEADLINE = "referral-sla";
    /** Hand-over dates are the family centre's own calendar days. */
    static final ZoneId LOCAL_ZONE = ZoneId.of("Europe/Helsinki");
    private static final Set<ReferralStatus> REDIRECTABLE = EnumSet.of(ReferralStatus.RECEIVED,
            ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD);
    private static final Set<ReferralStatus> HOLDABLE = EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS);

    @AggregateIdentifier
    private UUID referralId;
    private UUID familyId;
    private UUID serviceId;
    private UUID senderAgencyId;
    private UUID receiverAgencyId;
    private NeedLevel needLevel;
    private Priority priority;
    private Sealed reason;
    private Sealed legalBasis;
    private List<UUID> memberIds = List.of();
    private ReferralStatus status;
    private ReferralStatus heldIn;
    private UUID redirectedFrom;
    private UUID redirectedTo;
    private ReferralOutcome outcome;
    private Sealed responsibleWorker;
    private final Set<EscalationStage> escalated = EnumSet.noneOf(EscalationStage.class);
    private final Set<UUID> handoverMeetings = new HashSet<>();
    private PartnerLink partnerLink;

    protected Referral() {
        // for Axon
    }

    @CommandHandler
    public Referral(MakeReferral command, FamilyConsents families, ServiceCatalog services, DeadlineManager deadlines) {
        this(command, null, families, services, deadlines);
    }

    private Referral(MakeReferral command, UUID redirectedByAgencyId, FamilyConsents families,
                     ServiceCatalog services, DeadlineManager deadlines) {
        LocalDate today = command.requestedAt().atZone(ZoneOffset.UTC).toLocalDate();
        if (families.basisFor(command.familyId(), command.senderAgencyId(), null, today).isEmpty()
                && redirectedByAgencyId == null) {
            // The sender itself has no basis to hold this family's data.
            throw new UnknownException("no such family");
        }
        String familyMunicipality = families.municipality(command.familyId())
                .orElseThrow(() -> new UnknownException("no such family"));
        requireMembersOfFamily(families, command.familyId(), command.memberIds());
        ServiceOffer offer = openOffer(services, command.serviceId());
        SharingBasis basis = basisForReceiver(families, command.familyId(), offer.agencyId(), command.consentId(),
                command.legalBasis(), today);
        apply(new ReferralMade(command.referralId(), command.familyId(), command.memberIds(), command.serviceId(),
                command.senderAgencyId(), offer.agencyId(), familyMunicipality, command.needLevel(),
                command.priority(), command.reason(), basis.consentId(), basis.legalBasis(),
                command.redirectedFrom(), redirectedByAgencyId, command.requestedBy(), command.requestedAt()));
        AggregateScopeDescriptor scope = scope(command.referralId());
        deadlines.schedule(command.receiveBy(), SLA_DEADLINE,
                new EscalationDue(EscalationStage.NOT_RECEIVED, command.receiveBy()), scope);
        deadlines.schedule(command.decideBy(), SLA_DEADLINE,
                new EscalationDue(EscalationStage.NOT_DECIDED, command.decideBy()), scope);
    }

    @CommandHandler
    public ReferralState handle(ReceiveReferral command) {
        requireReceiver(command.actingAgencyId());
        requireStatus(ReferralStatus.REQUESTED, "receive");
        apply(new ReferralReceived(referralId, receiverAgencyId, command.requestedBy(), command.requestedAt()));
        return state();
    }

    @CommandHandler
    public ReferralState handle(AcceptReferral command) {
        requireReceiver(command.actingAgencyId());
        requireStatus(ReferralStatus.RECEIVED, "accept");
        apply(new ReferralAccepted(referralId, familyId, serviceId, receiverAgencyId, command.responsibleWorker(),
                command.firstContactOn(), command.requestedBy(), command.requestedAt()));
        return state();
    }

    @CommandHandler
    public ReferralState handle(DeclineReferral command) {
        requireReceiver(command.actingAgencyId());
        requireStatus(ReferralStatus.RECEIVED, "decline");
        requirePresent(command.reason(), "a declined referral needs a reason for the sender");
        apply(new ReferralDeclined(referralId, command.reason(), command.requestedBy(), command.requestedAt()));
        return state();
    }

    @CommandHandler
    public ReferralState handle(RedirectReferral command, FamilyConsents families, ServiceCatalog services,
                                DeadlineManager deadlines, ReferralSla sla) throws Exception {
        requireReceiver(command.actingAgencyId());
        requireStatus(REDIRECTABLE, "redirect");
        if (command.toServiceId().equals(serviceId)) {
            throw new RuleViolationException("a redirect goes to another service");
        }
        ServiceOffer offer = openOffer(services, command.toServiceId());
        // The new receiver needs its own basis: a consent that names it, or this referral's legal basis.
        LocalDate today = command.requestedAt().atZone(ZoneOffset.UTC).toLocalDate();
        basisForReceiver(families, familyId, offer.agencyId(), null, legalBasis, today);
        apply(new ReferralRedirected(referralId, command.newReferralId(), command.toServiceId(), offer.agencyId(),
                command.note(), command.requestedBy(), command.requestedAt()));
        // The loop stays with whoever started it: the new referral keeps the original sender.
        MakeReferral forward = new MakeReferral(command.newReferralId(), familyId, command.toServiceId(),
                senderAgencyId, needLevel, priority, reason, null, legalBasis, referralId,
                sla.receiveBy(priority, command.requestedAt()), sla.decideBy(priority, command.requestedAt()),
                command.requestedBy(), command.requestedAt(), memberIds);
        UUID redirectingAgency = receiverAgencyId;
        createNew(Referral.class, () -> new Referral(forward, redirectingAgency, families, services, deadlines));
        return state();
    }

    @CommandHandler
    public ReferralState handle(HoldReferral command, DeadlineManager deadlines) {
        requireReceiver(command.actingAgencyId());
        requireStatus(HOLDABLE, "hold");
        requirePresent(command.reason(), "a referral put on hold needs a reason for the sender");
        apply(new ReferralPutOnHold(referralId, status, command.reason(), command.requestedBy(), command.requestedAt()));
        deadlines.cancelAllWithinScope(SLA_DEADLINE, scope(referralId));
        return state();
    }

    @CommandHandler
    public ReferralState handle(ResumeReferral command) {
        requireReceiver(command.actingAgencyId());
        requireStatus(ReferralStatus.ON_HOLD, "resume");
        apply(new ReferralResumed(referralId, heldIn, command.requestedBy(), command.requestedAt()));
        return state();
    }

    @CommandHandler
    public ReferralState handle(RecordHandoverMeeting command) {
        requireParty(command.actingAgencyId());
        if (!status.isOpen()) {
            throw new IllegalTransitionException("a hand-over meeting of a " + status + " referral cannot be recorded");
        }
        if (command.heldOn() == null) {
            throw new RuleViolationException("a hand-over meeting has the date it was held on");
        }
        if (command.heldOn().isAfter(command.requestedAt().atZone(LOCAL_ZONE).toLocalDate())) {
            throw new RuleViolationException("a hand-over meeting is recorded once it was held, not before");
        }
        if (handoverMeetings.contains(command.meetingId())) {
            throw new IllegalTransitionException("hand-over meeting " + command.meetingId() + " is recorded already");
        }
        apply(new ReferralHandoverMeetingHeld(referralId, command.meetingId(), command.heldOn(), command.familyPresent(), command.note(),
                command.actingAgencyId(), command.requestedBy(), command.requestedAt()));
        return state();
    }

    @CommandHandler
    public ReferralState handle(StartReferral command) {
        requireReceiver(command.actingAgencyId());
        requireStatus(ReferralStatus.ACCEPTED, "start");
        apply(new ReferralStarted(referralId, command.requestedBy(), command.requestedAt()));
        return state();
    }

    @CommandHandler
    public ReferralState handle(CompleteReferral command) {
        requireReceiver(command.actingAgencyId());
        requireStatus(ReferralStatus.IN_PROGRESS, "complete");
        if (command.outcome() == null) {
            throw new RuleViolationException("a completed referral reports its outcome");
        }
        apply(new ReferralCompleted(referralId, command.outcome(), command.note(), command.requestedBy(),
                command.requestedAt()));
        return state();
    }

    @CommandHandler
    public ReferralState handle(CancelReferral command) {
        requireParty(command.actingAgencyId());
        if (!command.actingAgencyId().equals(senderAgencyId)) {
            throw new NotPartyException("only the sending agency cancels a referral");
        }
        if (!status.isOpen()) {
            throw new IllegalTransitionException("a " + status + " referral cannot be cancelled");
        }
        requirePresent(command.reason(), "a cancelled referral needs a reason");
        apply(new ReferralCancelled(referralId, command.reason(), command.requestedBy(), command.requestedAt()));
        return state();
    }

    /**
     * A partner link for the receiving agency; it supersedes the one before it. Only the sender (or a
     * coordinator) hands one out: the receiver needs none, and other agencies do not learn of the referral.
     */
    @CommandHandler
    public ReferralState handle(IssuePartnerLink command) {
        requireSenderOrCoordinator(command.actingAgencyId(), command.coordinator(), "issues a partner link");
        if (!status.isOpen()) {
            throw new IllegalTransitionException("a " + status + " referral gets no partner link");
        }
        if (command.linkId() == null || command.secretHash() == null || command.expiresAt() == null
                || !command.expiresAt().isAfter(command.requestedAt())) {
            throw new RuleViolationException("a partner link has an id, a secret and an expiry after now");
        }
        apply(new PartnerLinkIssued(referralId, command.linkId(), receiverAgencyId, command.secretHash(),
                command.expiresAt(), command.requestedBy(), command.requestedAt()));
        return state();
    }

    /** Revokes the partner link; without one there is nothing to revoke and nothing happens. */
    @CommandHandler
    public ReferralState handle(RevokePartnerLink command) {
        requireSenderOrCoordinator(command.actingAgencyId(), command.coordinator(), "revokes a partner link");
        if (partnerLink != null) {
            apply(new PartnerLinkRevoked(referralId, partnerLink.linkId(), command.requestedBy(), command.requestedAt()));
        }
        return state();
    }

    /** The partner link that is valid now, if any (expiry is the caller's to check against its clock). */
    public Optional<PartnerLink> partnerLink() {
        return Optional.ofNullable(partnerLink);
    }

    @DeadlineHandler(deadlineName = SLA_DEADLINE)
    void on(EscalationDue due, @Timestamp Instant firedAt) {
        boolean overdue = switch (due.stage()) {
            case NOT_RECEIVED -> status == ReferralStatus.REQUESTED;
            case NOT_DECIDED -> status == ReferralStatus.REQUESTED || status == ReferralStatus.RECEIVED;
        };
        // A deadline that fires after the referral moved on (or fires twice) changes nothing.
        if (overdue && !escalated.contains(due.stage())) {
            apply(new ReferralEscalated(referralId, due.stage(), due.dueAt(), firedAt));
        }
    }

    /** Whether the hand-over meeting is recorded (an Idempotency-Key's replay). */
    public boolean hasHandoverMeeting(UUID meetingId) {
        return handoverMeetings.contains(meetingId);
    }

    /** Who may see this referral at all: the two parties. */
    public boolean isParty(UUID agencyId) {
        return agencyId.equals(senderAgencyId) || agencyId.equals(receiverAgencyId);
    }

    public ReferralState state() {
        return new ReferralState(referralId, status, familyId, serviceId, senderAgencyId, receiverAgencyId,
                redirectedFrom, redirectedTo, outcome, responsibleWorker);
    }

    private static AggregateScopeDescriptor scope(UUID referralId) {
        return new AggregateScopeDescriptor(Referral.class.getSimpleName(), referralId.toString());
    }

    private static ServiceOffer openOffer(ServiceCatalog services, UUID serviceId) {
        ServiceOffer offer = services.offer(serviceId)
                .orElseThrow(() -> new RuleViolationException("service " + serviceId + " is not in the directory"));
        if (offer.withdrawn()) {
            throw new RuleViolationException("service " + serviceId + " was withdrawn");
        }
        return offer;
    }

    /** The members a referral concerns belong to its family (ids only: nothing personal is compared). */
    private static void requireMembersOfFamily(FamilyConsents families, UUID familyId, List<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        Set<UUID> members = families.memberIds(familyId);
        List<UUID> foreign = memberIds.stream().filter(id -> !members.contains(id)).toList();
        if (!foreign.isEmpty()) {
            throw new RuleViolationException("not members of the family: " + foreign);
        }
    }

    private static SharingBasis basisForReceiver(FamilyConsents families, UUID familyId, UUID receiver,
                                                 UUID consentId, Sealed legalBasis, LocalDate today) {
        if (consentId == null && legalBasis != null) {
            return SharingBasis.legalBasis(legalBasis);
        }
        return families.basisFor(familyId, receiver, consentId, today)
                .orElseThrow(() -> new RuleViolationException(consentId == null
                        ? "no valid consent of the family covers the receiving agency, and no legal basis was given"
                        : "consent " + consentId + " is not valid for the receiving agency"));
    }

    private void requireParty(UUID agencyId) {
        if (agencyId == null || !isParty(agencyId)) {
            throw new UnknownException("no such referral");
        }
    }

    private void requireSenderOrCoordinator(UUID agencyId, boolean coordinator, String what) {
        if (coordinator) {
            return;
        }
        requireParty(agencyId);
        if (!agencyId.equals(senderAgencyId)) {
            throw new NotPartyException("only the sending agency or a coordinator " + what);
        }
    }

    private void requireReceiver(UUID agencyId) {
        requireParty(agencyId);
        if (!agencyId.equals(receiverAgencyId)) {
            throw new NotPartyException("only the receiving agency moves a referral forward");
        }
    }

    private void requireStatus(ReferralStatus expected, String move) {
        requireStatus(EnumSet.of(expected), move);
    }

    private void requireStatus(Set<ReferralStatus> expected, String move) {
        if (!expected.contains(status)) {
            throw new IllegalTransitionException("cannot " + move + " a " + status + " referral");
        }
    }

    private static void requirePresent(Sealed value, String message) {
        if (value == null) {
            throw new RuleViolationException(message);
        }
    }

    @EventSourcingHandler
    void on(ReferralMade event) {
        referralId = event.referralId();
        familyId = event.familyId();
        serviceId = event.serviceId();
        senderAgencyId = event.senderAgencyId();
        receiverAgencyId = event.receiverAgencyId();
        needLevel = event.needLevel();
        priority = event.priority();
        reason = event.reason();
        legalBasis = event.legalBasis();
        memberIds = event.memberIds();
        redirectedFrom = event.redirectedFrom();
        status = ReferralStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(ReferralReceived event) {
        status = ReferralStatus.RECEIVED;
    }

    @EventSourcingHandler
    void on(ReferralAccepted event) {
        status = ReferralStatus.ACCEPTED;
        responsibleWorker = event.responsibleWorker();
    }

    @EventSourcingHandler
    void on(ReferralDeclined event) {
        status = ReferralStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(ReferralRedirected event) {
        status = ReferralStatus.REDIRECTED;
        redirectedTo = event.newReferralId();
    }

    @EventSourcingHandler
    void on(ReferralPutOnHold event) {
        heldIn = event.heldIn();
        status = ReferralStatus.ON_HOLD;
    }

    @EventSourcingHandler
    void on(ReferralResumed event) {
        status = event.resumedTo();
        heldIn = null;
    }

    @EventSourcingHandler
    void on(ReferralHandoverMeetingHeld event) {
        handoverMeetings.add(event.meetingId());
    }

    @EventSourcingHandler
    void on(ReferralStarted event) {
        status = ReferralStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(ReferralCompleted event) {
        status = ReferralStatus.COMPLETED;
        outcome = event.outcome();
    }

    @EventSourcingHandler
    void on(ReferralCancelled event) {
        status = ReferralStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(PartnerLinkIssued event) {
        partnerLink = new PartnerLink(event.linkId(), event.receiverAgencyId(), event.secretHash(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(PartnerLinkRevoked event) {
        partnerLink = null;
    }

    @EventSourcingHandler
    void on(ReferralEscalated event) {
        escalated.add(event.stage());
    }
}
