package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.programme.EnrolmentCancelled;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyInvited;
import fi.perhekeskus.contract.programme.InvitationAnswer;
import fi.perhekeskus.contract.programme.InvitationAnswered;
import fi.perhekeskus.contract.programme.InvitationExpired;
import fi.perhekeskus.contract.programme.FamilyWaitlisted;
import fi.perhekeskus.contract.programme.FeedbackGiven;
import fi.perhekeskus.contract.programme.GroupSessionCancelled;
import fi.perhekeskus.contract.programme.GroupSessionAttendanceCorrected;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.GroupSessionRescheduled;
import fi.perhekeskus.contract.programme.ProgrammeEvaluated;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.contract.programme.SessionChangeReason;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.NotPartyException;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.meeting.programme.CancelEnrolment;
import fi.perhekeskus.meeting.programme.CancelSession;
import fi.perhekeskus.meeting.programme.EnrolFamily;
import fi.perhekeskus.meeting.programme.EnrolmentStatus;
import fi.perhekeskus.meeting.programme.GiveFeedback;
import fi.perhekeskus.meeting.programme.RecordAttendance;
import fi.perhekeskus.meeting.programme.RescheduleSession;
import fi.perhekeskus.meeting.programme.ScheduleProgramme;
import fi.perhekeskus.meeting.parties.FamilyConsents;
import fi.perhekeskus.meeting.parties.FamilyStanding;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A group programme run together by several agencies (e.g. the post-natal "Meidän vauva" group):
 * its sessions, who is enrolled and who waits, attendance and anonymous feedback. A full programme
 * waitlists; when an enrolled family leaves, the first family in line takes its place. In its
 * commands {@code actingAgencyId} is the worker's agency: null for a coordinator where one may act,
 * and for the referral-driven enrolment policy.
 */
@Aggregate
public class GroupProgramme {

    enum SessionStatus { SCHEDULED, CANCELLED, HELD }

    private record Session(Set<UUID> facilitators, Instant startsAt, SessionStatus status) {

        Session with(SessionStatus newStatus) {
            return new Session(facilitators, startsAt, newStatus);
        }

        Session movedTo(Instant newStart) {
            return new Session(facilitators, newStart, status);
        }
    }

    private record Place(EnrolmentSource source, UUID referralId) {
    }

    enum InvitationState { INVITED, ANSWERED, EXPIRED }

    /** An invitation ends when the first session begins, as that session stands now (it may have moved). */
    private record Invitation(UUID familyId, InvitationState state) {

        Invitation with(InvitationState newState) {
            return new Invitation(familyId, newState);
        }
    }

    @AggregateIdentifier
    private UUID programmeId;
    private int capacity;
    private Set<UUID> agencies;
    private final Map<UUID, Session> sessions = new HashMap<>();
    private final Map<UUID, Place> enrolled = new LinkedHashMap<>();
    private final Map<UUID, Place> waitlist = new LinkedHashMap<>();
    private final Set<UUID> feedbackIds = new HashSet<>();
    private UUID serviceId;
    private int targetAgeFromMonths;
    private int targetAgeToMonths;
    private final Map<UUID, Invitation> invitations = new LinkedHashMap<>();
    private final Set<UUID> invitedFamilies = new HashSet<>();
    private final Set<UUID> evaluatedBy = new HashSet<>();

    protected GroupProgramme() {
        // for Axon
    }

    @CommandHandler
    public GroupProgramme(ScheduleProgramme c) {
        if (c.sessions().isEmpty()) {
            throw new RuleViolationException("a programme has at least one session");
        }
        if (c.capacityFamilies() < 1 || c.plannedFamilies() < 1) {
            throw new RuleViolationException("capacity and planned families are at least 1");
        }
        if (c.targetAgeToMonths() < c.targetAgeFromMonths()) {
            throw new RuleViolationException("the target age range is inverted");
        }
        for (ProgrammeScheduled.Session s : c.sessions()) {
            if (!s.endsAt().isAfter(s.startsAt())) {
                throw new RuleViolationException("session '" + s.topic() + "' must end after it starts");
            }
            if (!c.agencyIds().containsAll(s.facilitatorAgencyIds())) {
                throw new RuleViolationException("a session's facilitators are agencies of the programme");
            }
        }
        apply(new ProgrammeScheduled(c.programmeId(), c.name(), c.serviceId(), List.copyOf(c.agencyIds()),
                c.location(), c.capacityFamilies(), c.plannedFamilies(), c.targetAgeFromMonths(),
                c.targetAgeToMonths(), List.copyOf(c.sessions()), c.requestedBy(), c.requestedAt()));
    }

    @CommandHandler
    public EnrolmentStatus handle(EnrolFamily c, FamilyConsents families) {
        if (c.actingAgencyId() != null) {
            requireRunBy(c.actingAgencyId());
            requireConsentCovers(families, c.familyId(), c.actingAgencyId(), c.requestedAt());
        }
        if (enrolled.containsKey(c.familyId()) || waitlist.containsKey(c.familyId())) {
            throw new IllegalTransitionException("the family is enrolled or waitlisted already");
        }
        if (enrolled.size() < capacity) {
            apply(new FamilyEnrolled(programmeId, c.familyId(), c.source(), c.referralId(), false, c.requestedBy(),
                    c.requestedAt()));
            return EnrolmentStatus.ENROLLED;
        }
        if (!c.waitlistIfFull()) {
            throw new RuleViolationException("the programme is full");
        }
        apply(new FamilyWaitlisted(programmeId, c.familyId(), c.source(), c.referralId(), waitlist.size() + 1,
                c.requestedBy(), c.requestedAt()));
        return EnrolmentStatus.WAITLISTED;
    }

    @CommandHandler
    public void handle(CancelEnrolment c) {
        if (c.actingAgencyId() != null) {
            requireRunBy(c.actingAgencyId());
        }
        boolean wasEnrolled = enrolled.containsKey(c.familyId());
        if (!wasEnrolled && !waitlist.containsKey(c.familyId())) {
            throw new UnknownException("the family is not in this programme");
        }
        apply(new EnrolmentCancelled(programmeId, c.familyId(), !wasEnrolled, c.requestedBy(), c.requestedAt()));
        if (wasEnrolled && !waitlist.isEmpty()) {
            Map.Entry<UUID, Place> first = waitlist.entrySet().iterator().next();
            apply(new FamilyEnrolled(programmeId, first.getKey(), first.getValue().source(),
                    first.getValue().referralId(), true, c.requestedBy(), c.requestedAt()));
        }
    }

    @CommandHandler
    public void handle(RescheduleSession c) {
        Session session = facilitated(c.sessionId(), c.actingAgencyId());
        requireScheduled(session, "reschedule");
        if (!c.endsAt().isAfter(c.startsAt())) {
            throw new RuleViolationException("a session must end after it starts");
        }
        SessionChangeReason code = reasonOf(c.reasonCode(), c.note());
        apply(new GroupSessionRescheduled(programmeId, c.sessionId(), c.startsAt(), c.endsAt(), code, c.note(),
                c.requestedBy(), c.requestedAt()));
    }

    @CommandHandler
    public void handle(CancelSession c) {
        Session session = facilitated(c.sessionId(), c.actingAgencyId());
        requireScheduled(session, "cancel");
        SessionChangeReason code = reasonOf(c.reasonCode(), c.note());
        apply(new GroupSessionCancelled(programmeId, c.sessionId(), code, c.note(), c.requestedBy(), c.requestedAt()));
    }

    @CommandHandler
    public void handle(RecordAttendance c) {
        Session session = facilitatedByWorker(c.sessionId(), c.actingAgencyId());
        requireScheduled(session, "record attendance of");
        if (c.requestedAt().isBefore(session.startsAt())) {
            throw new RuleViolationException("attendance is recorded once the session has started");
        }
        requireCountsAddUp(c.families());
        apply(new GroupSessionHeld(programmeId, c.sessionId(), List.copyOf(c.families()), c.requestedBy(),
                c.requestedAt()));
    }

    /** A held session's attendance is corrected as a whole; what it replaces stays in the events. */
    @CommandHandler
    public void handle(CorrectAttendance c) {
        Session session = facilitatedByWorker(c.sessionId(), c.actingAgencyId());
        if (session.status() != SessionStatus.HELD) {
            throw new IllegalTransitionException("only the attendance of a held session is corrected; "
                    + "a " + session.status() + " session's is recorded with POST");
        }
        requireCountsAddUp(c.families());
        apply(new GroupSessionAttendanceCorrected(programmeId, c.sessionId(), List.copyOf(c.families()),
                c.requestedBy(), c.requestedAt()));
    }

    private void requireCountsAddUp(List<GroupSessionHeld.Attendance> families) {
        Set<UUID> seen = new HashSet<>();
        for (GroupSessionHeld.Attendance a : families) {
            if (!enrolled.containsKey(a.familyId())) {
                throw new RuleViolationException("family " + a.familyId() + " is not enrolled in the programme");
            }
            if (!seen.add(a.familyId())) {
                throw new RuleViolationException("family " + a.familyId() + " is listed twice");
            }
            if (a.adults() < 0 || a.children() < 0 || a.fathers() < 0 || a.fathers() > a.adults()
                    || a.adults() + a.children() < 1) {
                throw new RuleViolationException("the counts of family " + a.familyId() + " do not add up");
            }
        }
    }

    @CommandHandler
    public void handle(GiveFeedback c) {
        Session session = facilitatedByWorker(c.sessionId(), c.actingAgencyId());
        if (session.status() != SessionStatus.HELD) {
            throw new IllegalTransitionException("feedback is given after the session has been held");
        }
        if (c.timingSuited() == null || c.contentMetNeeds() == null || c.infoMatchedChildAge() == null) {
            throw new RuleViolationException("every feedback question is answered YES, PARTLY or NO");
        }
        if (feedbackIds.contains(c.feedbackId())) {
            throw new IllegalTransitionException("this feedback was recorded already");
        }
        // The free-text comment never enters the event: it is anonymous but may name people.
        apply(new FeedbackGiven(programmeId, c.sessionId(), c.feedbackId(), c.timingSuited(), c.contentMetNeeds(),
                c.infoMatchedChildAge(), null, c.requestedAt()));
    }

    /**
     * Invites the named families, whose valid consent must cover the acting agency as for an enrolment
     * (a coordinator: one of the programme's agencies); or by age those the finder gives whose valid
     * consent covers one of the programme's agencies. Never a family invited, enrolled or waitlisted
     * already. Invitations end when the first session begins, so a programme that has begun invites
     * no one. Returns how many were invited.
     */
    @CommandHandler
    public int handle(InviteFamilies c, FamilyConsents families, InviteeFinder finder) {
        if (c.actingAgencyId() != null) {
            requireRunBy(c.actingAgencyId());
        }
        Instant firstStart = firstSessionStart();
        if (!c.requestedAt().isBefore(firstStart)) {
            throw new RuleViolationException("the programme has begun: invitations end when its first session starts");
        }
        List<UUID> invitees = new ArrayList<>();
        if (c.byAge()) {
            // Age in whole months at the first session, counted by birth month (all the service keeps).
            YearMonth first = YearMonth.from(firstStart.atZone(ZoneOffset.UTC));
            for (UUID familyId : finder.familiesWithChildBorn(serviceId, first.minusMonths(targetAgeToMonths),
                    first.minusMonths(targetAgeFromMonths))) {
                // As the contract says: a consent covering one of the programme's agencies, whoever asks.
                if (coveredByProgramme(families, familyId, null, c.requestedAt())) {
                    invitees.add(familyId);
                }
            }
        } else {
            for (UUID familyId : c.familyIds()) {
                if (c.actingAgencyId() != null) {
                    requireConsentCovers(families, familyId, c.actingAgencyId(), c.requestedAt());
                } else if (!coveredByProgramme(families, familyId, null, c.requestedAt())) {
                    throw new UnknownException("no such family");
                }
                invitees.add(familyId);
            }
        }
        int invited = 0;
        for (UUID familyId : new LinkedHashSet<>(invitees)) {
            if (invitedFamilies.contains(familyId) || enrolled.containsKey(familyId) || waitlist.containsKey(familyId)) {
                continue;
            }
            apply(new FamilyInvited(programmeId, invitationIdOf(programmeId, familyId), familyId, c.byAge(), firstStart,
                    c.requestedBy(), c.requestedAt()));
            invited++;
        }
        return invited;
    }

    /**
     * A worker of a programme agency records the family's answer, once, before the invitation expires.
     * A YES enrols the family (source INVITATION) or waitlists it, as an enrolment does; the agency
     * must be one the family's valid consent covers, as for an enrolment.
     */
    @CommandHandler
    public AnswerOutcome handle(AnswerInvitation c, FamilyConsents families) {
        if (c.actingAgencyId() == null) {
            throw new NotPartyException("a worker of a programme agency records the answer");
        }
        Invitation invitation = invitations.get(c.invitationId());
        // An agency that does not run the programme, or that the family's consent does not cover, learns
        // nothing: the same 404 as for an unknown invitation.
        if (invitation == null || !agencies.contains(c.actingAgencyId())
                || !coveredByProgramme(families, invitation.familyId(), c.actingAgencyId(), c.requestedAt())) {
            throw new UnknownException("no such invitation");
        }
        return answer(c.invitationId(), invitation, c.answer(), c.requestedBy(), c.requestedAt());
    }

    /**
     * The family answers by the link in its invitation mail, once, before the invitation expires. The
     * link's signature was checked at the edge; the family's own answer needs no agency, and its
     * consent was checked when it was invited.
     */
    @CommandHandler
    public AnswerOutcome handle(AnswerInvitationByLink c) {
        Invitation invitation = invitations.get(c.invitationId());
        if (invitation == null) {
            throw new UnknownException("no such invitation");
        }
        return answer(c.invitationId(), invitation, c.answer(), c.answeredBy(), c.requestedAt());
    }

    private AnswerOutcome answer(UUID invitationId, Invitation invitation, InvitationAnswer answer, String answeredBy,
                                 Instant at) {
        if (invitation.state() == InvitationState.ANSWERED) {
            throw new IllegalTransitionException("the invitation was answered already");
        }
        if (invitation.state() == InvitationState.EXPIRED || !at.isBefore(firstSessionStart())) {
            throw new IllegalTransitionException("the invitation expired when the first session began");
        }
        if (answer == null) {
            throw new RuleViolationException("the answer is YES or NO");
        }
        apply(new InvitationAnswered(programmeId, invitationId, invitation.familyId(), answer,
                answeredBy, at));
        if (answer == InvitationAnswer.NO) {
            return AnswerOutcome.DECLINED;
        }
        UUID familyId = invitation.familyId();
        if (enrolled.containsKey(familyId)) {
            return AnswerOutcome.ENROLLED;
        }
        if (waitlist.containsKey(familyId)) {
            return AnswerOutcome.WAITLISTED;
        }
        if (enrolled.size() < capacity) {
            apply(new FamilyEnrolled(programmeId, familyId, EnrolmentSource.INVITATION, null, false, answeredBy,
                    at));
            return AnswerOutcome.ENROLLED;
        }
        apply(new FamilyWaitlisted(programmeId, familyId, EnrolmentSource.INVITATION, null, waitlist.size() + 1,
                answeredBy, at));
        return AnswerOutcome.WAITLISTED;
    }

    /**
     * Once the first session has begun (as it stands now: a moved session moves the end of its
     * invitations), expires every invitation still unanswered; otherwise, or with none left, it does
     * nothing (idempotent).
     */
    @CommandHandler
    public int handle(ExpireInvitations c) {
        Instant firstStart = firstSessionStart();
        if (c.now().isBefore(firstStart)) {
            return 0;
        }
        List<Map.Entry<UUID, Invitation>> due = invitations.entrySet().stream()
                .filter(i -> i.getValue().state() == InvitationState.INVITED)
                .toList();
        for (Map.Entry<UUID, Invitation> i : due) {
            apply(new InvitationExpired(programmeId, i.getKey(), i.getValue().familyId(), firstStart));
        }
        return due.size();
    }

    /**
     * A family is invited to a programme once, so its invitation's id follows from the two: a replayed
     * or retried command names the same invitation. Being derived, it is no capability: a family's own
     * answer link needs a random code of its own.
     */
    public static UUID invitationIdOf(UUID programmeId, UUID familyId) {
        return UUID.nameUUIDFromBytes(("invitation:" + programmeId + ":" + familyId)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The start of the first session still held or ahead; of the first planned if all were cancelled. */
    private Instant firstSessionStart() {
        return sessions.values().stream().filter(s -> s.status() != SessionStatus.CANCELLED)
                .map(Session::startsAt).min(Instant::compareTo)
                .orElseGet(() -> sessions.values().stream().map(Session::startsAt).min(Instant::compareTo)
                        .orElseThrow());
    }

    /** Whether a valid consent of the family covers the agency, or (no agency) one of the programme's. */
    private boolean coveredByProgramme(FamilyConsents families, UUID familyId, UUID agencyId, Instant at) {
        return families.standing(familyId, at.atZone(ZoneOffset.UTC).toLocalDate())
                .map(f -> agencyId != null ? f.covers(agencyId) : agencies.stream().anyMatch(f::covers))
                .orElse(false);
    }

    /**
     * Links for the families' own feedback: a worker of a facilitating agency asks, for a session that
     * has begun (held, or past its start) and was not cancelled. Nothing is stored in the events: the
     * links are kept hashed by the caller once this answers.
     */
    @CommandHandler
    public void handle(IssueFeedbackLinks c) {
        Session session = facilitatedByWorker(c.sessionId(), c.actingAgencyId());
        requireBegun(session, c.requestedAt(), "feedback links are handed out");
        if (c.count() < 1 || c.count() > IssueFeedbackLinks.MAX_COUNT) {
            throw new RuleViolationException("between 1 and " + IssueFeedbackLinks.MAX_COUNT + " links at a time");
        }
    }

    /** A family's own feedback by its link: the same answers as {@link GiveFeedback}, and the premises. */
    @CommandHandler
    public void handle(GiveFeedbackByLink c) {
        Session session = sessions.get(c.sessionId());
        if (session == null) {
            throw new UnknownException("no such session");
        }
        requireBegun(session, c.requestedAt(), "feedback is given");
        if (c.timingSuited() == null || c.contentMetNeeds() == null || c.infoMatchedChildAge() == null) {
            throw new RuleViolationException("every feedback question is answered YES, PARTLY or NO");
        }
        if (feedbackIds.contains(c.feedbackId())) {
            throw new IllegalTransitionException("this feedback was recorded already");
        }
        apply(new FeedbackGiven(programmeId, c.sessionId(), c.feedbackId(), c.timingSuited(), c.contentMetNeeds(),
                c.infoMatchedChildAge(), c.premisesSuited(), null, c.requestedAt()));
    }

    /** One evaluation per agency of the programme; another agency is told the programme does not exist. */
    @CommandHandler
    public void handle(EvaluateProgramme c) {
        if (c.actingAgencyId() == null) {
            throw new NotPartyException("a worker of one of the programme's agencies evaluates it");
        }
        requireRunBy(c.actingAgencyId());
        if (c.workedWell() == null || c.toDevelop() == null || c.proposals() == null) {
            throw new RuleViolationException("an evaluation says what worked well, what to develop and proposals");
        }
        if (evaluatedBy.contains(c.actingAgencyId())) {
            throw new IllegalTransitionException("your agency has evaluated this programme already");
        }
        apply(new ProgrammeEvaluated(programmeId, c.actingAgencyId(), c.workedWell(), c.toDevelop(), c.proposals(),
                c.requestedBy(), c.requestedAt()));
    }

    private static void requireBegun(Session session, Instant at, String what) {
        if (session.status() == SessionStatus.CANCELLED) {
            throw new IllegalTransitionException("the session was cancelled");
        }
        if (session.status() == SessionStatus.SCHEDULED && at.isBefore(session.startsAt())) {
            throw new RuleViolationException(what + " once the session has begun");
        }
    }

    public boolean isFacilitatedBy(UUID agencyId) {
        return agencies.contains(agencyId);
    }

    /**
     * An agency that does not run the programme is told it does not exist (404), as for an unknown
     * programme: it learns nothing of the programme or of who is in it.
     */
    private void requireRunBy(UUID agencyId) {
        if (!agencies.contains(agencyId)) {
            throw new UnknownException("no such programme");
        }
    }

    /**
     * A family is enrolled by an agency its valid consent covers. An agency it does not cover must not
     * learn whether the family exists, is erased or withdrew its consent: it gets the same 404 as for
     * an unknown id. Only the agency that registered the family (which knows it exists) is told that
     * no consent covers it.
     */
    private static void requireConsentCovers(FamilyConsents families, UUID familyId, UUID agencyId, Instant at) {
        FamilyStanding family = families.standing(familyId, at.atZone(ZoneOffset.UTC).toLocalDate())
                .orElseThrow(() -> new UnknownException("no such family"));
        if (family.covers(agencyId)) {
            return;
        }
        if (family.registeredBy(agencyId)) {
            throw new RuleViolationException("no valid consent of the family covers your agency");
        }
        throw new UnknownException("no such family");
    }

    /** Attendance and feedback: a worker of one of the session's facilitating agencies only. */
    private Session facilitatedByWorker(UUID sessionId, UUID actingAgencyId) {
        if (actingAgencyId == null) {
            throw new NotPartyException("a worker of a facilitating agency records the session");
        }
        return facilitated(sessionId, actingAgencyId);
    }

    private Session facilitated(UUID sessionId, UUID actingAgencyId) {
        Session session = sessions.get(sessionId);
        // An agency that does not run the programme learns nothing of its sessions, as for an unknown one.
        if (session == null || actingAgencyId != null && !agencies.contains(actingAgencyId)) {
            throw new UnknownException("no such session");
        }
        // A coordinator (no agency) may move or cancel any session; an agency only the ones it facilitates.
        if (actingAgencyId != null && !session.facilitators().contains(actingAgencyId)) {
            throw new NotPartyException("only the session's facilitating agencies record it");
        }
        return session;
    }

    /** A session change says why: a reason code, or (code OTHER or none) a note. */
    private static SessionChangeReason reasonOf(SessionChangeReason code, Sealed note) {
        SessionChangeReason reason = code == null ? SessionChangeReason.OTHER : code;
        if (reason == SessionChangeReason.OTHER && note == null) {
            throw new RuleViolationException("a session change gives a reason code, or a note for OTHER");
        }
        return reason;
    }

    private static void requireScheduled(Session session, String move) {
        if (session.status() != SessionStatus.SCHEDULED) {
            throw new IllegalTransitionException("cannot " + move + " a " + session.status() + " session");
        }
    }

    @EventSourcingHandler
    void on(ProgrammeScheduled e) {
        programmeId = e.programmeId();
        capacity = e.capacityFamilies();
        agencies = Set.copyOf(e.agencyIds());
        serviceId = e.serviceId();
        targetAgeFromMonths = e.targetAgeFromMonths();
        targetAgeToMonths = e.targetAgeToMonths();
        e.sessions().forEach(s -> sessions.put(s.sessionId(),
                new Session(Set.copyOf(s.facilitatorAgencyIds()), s.startsAt(), SessionStatus.SCHEDULED)));
    }

    @EventSourcingHandler
    void on(FamilyEnrolled e) {
        waitlist.remove(e.familyId());
        enrolled.put(e.familyId(), new Place(e.source(), e.referralId()));
    }

    @EventSourcingHandler
    void on(FamilyWaitlisted e) {
        waitlist.put(e.familyId(), new Place(e.source(), e.referralId()));
    }

    @EventSourcingHandler
    void on(EnrolmentCancelled e) {
        enrolled.remove(e.familyId());
        waitlist.remove(e.familyId());
    }

    @EventSourcingHandler
    void on(GroupSessionRescheduled e) {
        sessions.computeIfPresent(e.sessionId(), (id, session) -> session.movedTo(e.startsAt()));
    }

    @EventSourcingHandler
    void on(GroupSessionCancelled e) {
        sessions.computeIfPresent(e.sessionId(), (id, session) -> session.with(SessionStatus.CANCELLED));
    }

    @EventSourcingHandler
    void on(GroupSessionHeld e) {
        sessions.computeIfPresent(e.sessionId(), (id, session) -> session.with(SessionStatus.HELD));
    }

    @EventSourcingHandler
    void on(FeedbackGiven e) {
        feedbackIds.add(e.feedbackId());
    }

    @EventSourcingHandler
    void on(FamilyInvited e) {
        invitations.put(e.invitationId(), new Invitation(e.familyId(), InvitationState.INVITED));
        invitedFamilies.add(e.familyId());
    }

    @EventSourcingHandler
    void on(InvitationAnswered e) {
        invitations.computeIfPresent(e.invitationId(), (id, i) -> i.with(InvitationState.ANSWERED));
    }

    @EventSourcingHandler
    void on(InvitationExpired e) {
        invitations.computeIfPresent(e.invitationId(), (id, i) -> i.with(InvitationState.EXPIRED));
    }

    @EventSourcingHandler
    void on(ProgrammeEvaluated e) {
        evaluatedBy.add(e.agencyId());
    }
}
