package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.family.ConsentGiven;
import fi.perhekeskus.contract.family.ConsentWithdrawn;
import fi.perhekeskus.contract.family.FamilyErased;
import fi.perhekeskus.contract.family.FamilyRegistered;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.domain.UnknownException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private record Consent(Set<UUID> agencyIds, LocalDate validUntil, boolean withdrawn) {

        boolean covers(UUID agencyId, LocalDate today) {
            return !withdrawn && !validUntil.isBefore(today) && agencyIds.contains(agencyId);
        }
    }

    @AggregateIdentifier
    private UUID familyId;
    private UUID registeringAgencyId;
    private String municipality;
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
                List.copyOf(command.languages()), List.copyOf(command.members()), command.requestedBy(),
                command.requestedAt()));
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
