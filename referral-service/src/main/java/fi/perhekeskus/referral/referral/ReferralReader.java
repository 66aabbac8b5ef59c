package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.contract.referral.ReferralStatus;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.consistency.ViewCatchUp;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.referral.ProcessingGroups;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.referral.family.FamilyAccess;
import fi.perhekeskus.referral.family.SharingBasis;
import fi.perhekeskus.referral.privacy.AccessLog;
import org.bson.Document;
import org.springframework.stereotype.Component;

import fi.perhekeskus.referral.referral.ReferralResponse.Enrolment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads referrals for their parties only (others get 404). The detail opens the family's sealed free
 * text (reason, decline, cancel and hold reasons, notes) for a party that may still see the family — a
 * withdrawn consent hides it at once — and every such read is written to the family's access log. So
 * the sender learns what came of its referral, as the receiver tells it. Once the consent the referral
 * rested on is withdrawn, the detail says so, and its receiver sees none of the family's data on it
 * (even if another consent covers the receiver: that one was not given for this referral).
 * The legal basis and the responsible worker are opened for both parties, in lists too: they are
 * why the receiver holds the data and who works on it, not the family's own account.
 */
@Component
public class ReferralReader {

    private final ReferralProjection view;
    private final FamilyAccess access;
    private final FamilySealer sealer;
    private final AccessLog log;
    private final ViewCatchUp catchUp;
    private final ReferralEnrolmentProjection enrolments;
    private final Clock clock;

    public ReferralReader(ReferralProjection view, FamilyAccess access, FamilySealer sealer, AccessLog log,
                          ViewCatchUp catchUp, ReferralEnrolmentProjection enrolments, Clock clock) {
        this.view = view;
        this.enrolments = enrolments;
        this.catchUp = catchUp;
        this.access = access;
        this.sealer = sealer;
        this.log = log;
        this.clock = clock;
    }

    public ReferralResponse detail(UUID id, Caller caller) {
        catchUp.await(ProcessingGroups.VIEWS);
        Document d = view.referral(id).filter(r -> isParty(r, caller))
                .orElseThrow(() -> new UnknownException("no such referral"));
        UUID familyId = UUID.fromString(d.getString("familyId"));
        Enrolment enrolment = enrolments.of(id).map(e -> new Enrolment(e.programmeId(), e.status())).orElse(null);
        if (sealer.isErased(familyId)) {
            // The history stays; what was personal in it is gone for good (every sealed value reads "[erased]").
            return response(d, familyTexts(d, familyId), null, null, enrolment);
        }
        String consentId = d.getString("consentId");
        boolean consentWithdrawn = consentId != null && access.isWithdrawn(familyId, UUID.fromString(consentId));
        boolean receiver = caller.agencyId().toString().equals(d.getString("receiverAgencyId"));
        Optional<String> basis = consentWithdrawn && receiver ? Optional.empty()
                : basisToSeeFamily(d, familyId, caller.agencyId());
        log.usage(familyId, caller.workerId(), caller.agencyId(), "referral " + id, basis.orElse(null),
                basis.isPresent() ? AccessLog.Outcome.ALLOWED : AccessLog.Outcome.REFUSED, clock.instant());
        return response(d, basis.isPresent() ? familyTexts(d, familyId) : FamilyTexts.NONE, basis.isEmpty(),
                consentWithdrawn, enrolment);
    }

    public List<ReferralResponse> list(Caller caller, ReferralProjection.Direction direction, ReferralStatus status,
                                       int limit, int offset) {
        catchUp.await(ProcessingGroups.VIEWS);
        return view.list(caller.agencyId(), direction, status, limit, offset).stream()
                .map(d -> response(d, FamilyTexts.NONE, null, null, null))
                .toList();
    }

    private Optional<String> basisToSeeFamily(Document d, UUID familyId, UUID agencyId) {
        boolean receiver = agencyId.toString().equals(d.getString("receiverAgencyId"));
        if (receiver && d.getString("legalBasis") != null && d.getString("consentId") == null) {
            return Optional.of("legal basis recorded on the referral");
        }
        return access.basisFor(familyId, agencyId).map(SharingBasis::describe);
    }

    private static boolean isParty(Document d, Caller caller) {
        String agency = caller.agencyId().toString();
        return agency.equals(d.getString("senderAgencyId")) || agency.equals(d.getString("receiverAgencyId"));
    }

    /** The family's own free text on a referral, opened; NONE where the reader may not see it. */
    private record FamilyTexts(String reason, String declineReason, String redirectNote, String completionNote,
                               String cancelReason, String onHoldReason, boolean handoverNotes) {
        static final FamilyTexts NONE = new FamilyTexts(null, null, null, null, null, null, false);
    }

    private FamilyTexts familyTexts(Document d, UUID familyId) {
        return new FamilyTexts(open(familyId, d.getString("reason")), open(familyId, d.getString("declineReason")),
                open(familyId, d.getString("redirectNote")), open(familyId, d.getString("completionNote")),
                open(familyId, d.getString("cancelReason")), open(familyId, d.getString("onHoldReason")), true);
    }

    private String open(UUID familyId, String ciphertext) {
        return ciphertext == null ? null : sealer.open(familyId, new Sealed(ciphertext)).orElse(FamilySealer.ERASED);
    }

    private ReferralResponse response(Document d, FamilyTexts texts, Boolean withheld, Boolean consentWithdrawn,
                                      Enrolment enrolment) {
        UUID familyId = uuid(d.getString("familyId"));
        List<Document> meetings = d.getList("handoverMeetings", Document.class, List.of());
        List<ReferralResponse.HandoverMeeting> handovers = meetings.isEmpty() ? null : meetings.stream()
                .map(m -> new ReferralResponse.HandoverMeeting(uuid(m.getString("meetingId")),
                        LocalDate.parse(m.getString("heldOn")), Boolean.TRUE.equals(m.getBoolean("familyPresent")),
                        uuid(m.getString("recordedByAgencyId")),
                        texts.handoverNotes() ? open(familyId, m.getString("note")) : null))
                .toList();
        List<ReferralResponse.Step> history = d.getList("history", Document.class, List.of()).stream()
                .map(h -> new ReferralResponse.Step(h.getString("step"),
                        h.getString("status") == null ? null : ReferralStatus.valueOf(h.getString("status")),
                        h.getDate("at").toInstant(), h.getString("by"), uuid(h.getString("agencyId")),
                        h.getString("detail")))
                .toList();
        return new ReferralResponse(UUID.fromString(d.getString("_id")), ReferralStatus.valueOf(d.getString("status")),
                uuid(d.getString("familyId")), uuid(d.getString("serviceId")), uuid(d.getString("senderAgencyId")),
                uuid(d.getString("receiverAgencyId")), d.getString("municipality"),
                d.getString("needLevel") == null ? null : NeedLevel.valueOf(d.getString("needLevel")),
                d.getString("priority") == null ? null : Priority.valueOf(d.getString("priority")),
                uuid(d.getString("consentId")), open(familyId, d.getString("legalBasis")), texts.reason(),
                texts.declineReason(), texts.redirectNote(), texts.completionNote(), texts.cancelReason(),
                texts.onHoldReason(), withheld, consentWithdrawn,
                uuid(d.getString("redirectedFrom")), uuid(d.getString("redirectedTo")),
                d.getString("outcome") == null ? null : ReferralOutcome.valueOf(d.getString("outcome")),
                open(familyId, d.getString("responsibleWorker")), d.getString("firstContactOn"), enrolment, handovers,
                d.getList("escalations", String.class), instant(d.getDate("madeAt")), instant(d.getDate("updatedAt")),
                history);
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }

    private static java.time.Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
