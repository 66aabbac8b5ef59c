package fi.perhekeskus.referral.family;

import fi.perhekeskus.referral.ReadOnlyRepositories;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The family's consents from its own events, in the caller's unit of work, without taking its lock. */
@Component
public class EventSourcedFamilyConsents implements FamilyConsents {

    private final Repository<Family> families;

    public EventSourcedFamilyConsents(@Lazy EventStore eventStore) {
        this.families = ReadOnlyRepositories.of(Family.class, eventStore);
    }

    @Override
    public Optional<SharingBasis> basisFor(UUID familyId, UUID agencyId, UUID consentId, LocalDate today) {
        try {
            return families.load(familyId.toString()).invoke(f -> f.basisFor(agencyId, consentId, today));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean hasConsent(UUID familyId, UUID consentId) {
        try {
            return families.load(familyId.toString()).invoke(f -> f.hasConsent(consentId));
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }

    @Override
    public boolean isWithdrawn(UUID familyId, UUID consentId) {
        try {
            return families.load(familyId.toString()).invoke(f -> f.isWithdrawn(consentId));
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }

    @Override
    public Optional<String> municipality(UUID familyId) {
        try {
            return Optional.ofNullable(families.load(familyId.toString()).invoke(Family::municipality));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Set<UUID> memberIds(UUID familyId) {
        try {
            return families.load(familyId.toString()).invoke(Family::memberIds);
        } catch (AggregateNotFoundException e) {
            return Set.of();
        }
    }
}
