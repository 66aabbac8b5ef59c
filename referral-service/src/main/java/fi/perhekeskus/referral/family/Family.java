package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.family.ConsentGiven;
import fi.perhekeskus.contract.family.ConsentWithdrawn;
import fi.perhekeskus.contract.family.FamilyDetailsChanged;
import fi.perhekeskus.contract.family.FamilyErased;
import fi.perhekeskus.contract.family.FamilyMemberAdded;
import fi.perhekeskus.contract.family.FamilyRegistered;
import fi.perhekeskus.contract.family.MemberRole;
import fi.perhekeskus.contract.family.ResponsibleWorkerAssigned;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.privacy.FamilySealer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The family, the unit of work of the family centre, and its consents to share its data. Holds no
 * personal data: the members' data is sealed with the family's own key before it gets here.
 */
@Aggregate
public class Family {

    /** A family grows by members one at a time, to the same bound as at registration (docs/contract.md). */
    static final int MAX_MEMBERS = fi.perhekeskus.infra.web.Limits.MEMBERS;

    private record Consent(Set<UUID> agencyIds, LocalDate validUntil, boolean withdrawn) {

        boolean covers(UUID agencyId, LocalDate today) {
            return !withdrawn && !validUntil.isBefore(today) && agencyIds.contains(agencyId);
        }
    }

    @AggregateIdentifier
    private UUID familyId;
    private UUID registeringAgencyId;
    private String municipality;
    private List<String> languages = List.of();
    private final Map<UUID, MemberRole> members = new LinkedHashMap<>();
    private UUID responsibleAgencyId;
    private Sealed responsibleWorker;
    private final Map<UUID, Consent> consents = new HashMap<>();
    private boolean erased;

    protected Family() {
        // for Axon
    }

    @CommandHandler
    public Family(RegisterFamily command) {
        if (command.members().isEmpty()) {
            throw new RuleViolationException("a family has at least one member");
        }
        apply(new FamilyRegistered(command.familyId(), command.agencyId(), command.municipality(),
                List.copyOf(command.languages()), command.members().stream().map(Family::published).toList(),
                command.requestedBy(), command.requestedAt()));
    }

    /** Only a child's month of birth is published (for invitations by age); an adult's never. */
    private static FamilyRegistered.Member published(FamilyRegistered.Member member) {
        return new FamilyRegistered.Member(member.memberId(), member.role(), member.personalData(),
                publishedBirthMonth(member.role(), member.birthMonth()));
    }

    private static YearMonth publishedBirthMonth(MemberRole role, YearMonth birthMonth) {
        return role == MemberRole.CHILD ? birthMonth : null;
    }

    @CommandHandler
    public void handle(GiveConsent command) {
        requireNotErased();
        requireMayAct(command.actingAgencyId(), command.requestedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        if (consents.containsKey(command.consentId())) {
            throw new IllegalTransitionException("consent " + command.consentId() + " exists already");
        }
        if (command.validUntil().isBefore(command.requestedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate())) {
            throw new RuleViolationException("a consent must be valid at least until today");
        }
        apply(new ConsentGiven(familyId, command.consentId(), List.copyOf(command.agencyIds()), command.purpose(),
                command.givenBy(), command.validUntil(), command.actingAgencyId(), command.requestedBy(),
                command.requestedAt()));
    }

    @CommandHandler
    public void handle(WithdrawConsent command) {
        requireNotErased();
        Consent consent = consents.get(command.consentId());
        if (consent == null) {
            throw new UnknownException("no consent " + command.consentId() + " for this family");
        }
        if (consent.withdrawn()) {
            throw new IllegalTransitionException("the consent was withdrawn already");
        }
        requireMayAct(command.actingAgencyId(), command.requestedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        apply(new ConsentWithdrawn(familyId, command.consentId(), command.requestedBy(), command.requestedAt()));
    }

    @CommandHandler
    public UUID handle(AddFamilyMember command) {
        requireNotErased();
        requireMayAct(command.actingAgencyId(), today(command.requestedAt()));
        if (members.containsKey(command.memberId())) {
            throw new IllegalTransitionException("member " + command.memberId() + " exists already");
        }
        if (members.size() >= MAX_MEMBERS) {
            throw new RuleViolationException("a family has at most " + MAX_MEMBERS + " members");
        }
        apply(new FamilyMemberAdded(familyId, command.memberId(), command.role(), command.personalData(),
                command.actingAgencyId(), command.requestedBy(), command.requestedAt(),
                publishedBirthMonth(command.role(), command.birthMonth())));
        return command.memberId();
    }

    @CommandHandler
    public FamilyDetails handle(ChangeFamilyDetails command) {
        requireNotErased();
        requireMayAct(command.actingAgencyId(), today(command.requestedAt()));
        String newMunicipality = Objects.equals(command.municipality(), municipality) ? null : command.municipality();
        List<String> newLanguages = command.languages() == null || command.languages().equals(languages) ? null
                : List.copyOf(command.languages());
        // Nothing that differs (sealed contact details always count: they cannot be compared here).
        if (newMunicipality != null || newLanguages != null || command.contact() != null) {
            apply(new FamilyDetailsChanged(familyId, newMunicipality, newLanguages, command.contact(),
                    command.actingAgencyId(), command.requestedBy(), command.requestedAt()));
        }
        return new FamilyDetails(familyId, municipality, languages);
    }

    /**
     * Names the family's responsible worker; the previous one hands the family over. The worker's
     * agency must itself have a basis for the family's data. The same worker again changes nothing
     * (PUT): the sealed ids are compared opened, with the family's key.
     */
    @CommandHandler
    public boolean handle(AssignResponsibleWorker command, FamilySealer sealer) {
        requireNotErased();
        LocalDate today = today(command.requestedAt());
        requireMayAct(command.actingAgencyId(), today);
        if (basisFor(command.agencyId(), null, today).isEmpty()) {
            throw new RuleViolationException("the family shares no data with agency " + command.agencyId()
                    + ": its responsible worker must be of an agency the family registered with or consented to");
        }
        if (command.agencyId().equals(responsibleAgencyId) && responsibleWorker != null
                && sealer.open(familyId, responsibleWorker).equals(sealer.open(familyId, command.worker()))) {
            return false;
        }
        apply(new ResponsibleWorkerAssigned(familyId, command.agencyId(), command.worker(), responsibleAgencyId,
                command.actingAgencyId(), command.requestedBy(), command.requestedAt()));
        return true;
    }

    @CommandHandler
    public boolean handle(EraseFamily command) {
        if (erased) {
            // Erasure is idempotent: the key may still need destroying after a failed attempt.
            return false;
        }
        apply(new FamilyErased(familyId, command.requestedBy(), command.requestedAt()));
        return true;
    }

    /**
     * On what basis {@code agencyId} may see or receive this family's data today, if any. A given
     * consent id must itself cover the agency.
     */
    public Optional<SharingBasis> basisFor(UUID agencyId, UUID consentId, LocalDate today) {
        if (erased) {
            return Optional.empty();
        }
        if (consentId != null) {
            Consent consent = consents.get(consentId);
            return consent != null && consent.covers(agencyId, today)
                    ? Optional.of(SharingBasis.consent(consentId)) : Optional.empty();
        }
        if (agencyId.equals(registeringAgencyId)) {
            return Optional.of(SharingBasis.registeringAgency());
        }
        return consents.entrySet().stream()
                .filter(e -> e.getValue().covers(agencyId, today))
                .map(e -> SharingBasis.consent(e.getKey()))
                .findFirst();
    }

    /** The ids of the family's members (pseudonymous; roles only, no personal data). */
    public Set<UUID> memberIds() {
        return Set.copyOf(members.keySet());
    }

    public boolean hasMember(UUID memberId) {
        return members.containsKey(memberId);
    }

    public boolean hasConsent(UUID consentId) {
        return consents.containsKey(consentId);
    }

    public boolean isWithdrawn(UUID consentId) {
        Consent consent = consents.get(consentId);
        return consent != null && consent.withdrawn();
    }

    public String municipality() {
        return municipality;
    }

    public boolean isErased() {
        return erased;
    }

    private void requireMayAct(UUID agencyId, LocalDate today) {
        if (basisFor(agencyId, null, today).isEmpty()) {
            // Agencies without a basis must not even learn that the family exists.
            throw new UnknownException("no such family");
        }
    }

    private static LocalDate today(java.time.Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private void requireNotErased() {
        if (erased) {
            throw new IllegalTransitionException("the family's data was erased");
        }
    }

    @EventSourcingHandler
    void on(FamilyRegistered event) {
        familyId = event.familyId();
        registeringAgencyId = event.registeredByAgencyId();
        municipality = event.municipality();
        languages = List.copyOf(event.languages());
        event.members().forEach(m -> members.put(m.memberId(), m.role()));
    }

    @EventSourcingHandler
    void on(FamilyMemberAdded event) {
        members.put(event.memberId(), event.role());
    }

    @EventSourcingHandler
    void on(FamilyDetailsChanged event) {
        if (event.municipality() != null) {
            municipality = event.municipality();
        }
        if (event.languages() != null) {
            languages = List.copyOf(event.languages());
        }
    }

    @EventSourcingHandler
    void on(ResponsibleWorkerAssigned event) {
        responsibleAgencyId = event.agencyId();
        responsibleWorker = event.worker();
    }

    @EventSourcingHandler
    void on(ConsentGiven event) {
        consents.put(event.consentId(), new Consent(Set.copyOf(event.agencyIds()), event.validUntil(), false));
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.computeIfPresent(event.consentId(), (id, c) -> new Consent(c.agencyIds(), c.validUntil(), true));
    }

    @EventSourcingHandler
    void on(FamilyErased event) {
        erased = true;
    }
}
