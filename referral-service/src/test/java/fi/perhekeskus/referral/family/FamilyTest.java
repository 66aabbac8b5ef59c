package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.family.ConsentGiven;
import fi.perhekeskus.contract.family.ConsentWithdrawn;
import fi.perhekeskus.contract.family.FamilyErased;
import fi.perhekeskus.contract.family.FamilyRegistered;
import fi.perhekeskus.contract.family.MemberRole;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.domain.UnknownException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FamilyTest {

    static final UUID FAMILY = UUID.randomUUID();
    static final UUID CLINIC = UUID.randomUUID();
    static final UUID COUNSELLING = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final UUID CONSENT = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    static final Sealed DATA = new Sealed("v1.ZGF0YQ");
    static final Sealed PURPOSE = new Sealed("v1.cHVycG9zZQ");
    static final FamilyRegistered.Member PARENT = new FamilyRegistered.Member(UUID.randomUUID(), MemberRole.PARENT, DATA);

    private AggregateTestFixture<Family> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Family.class);
    }

    static FamilyRegistered registered() {
        return new FamilyRegistered(FAMILY, CLINIC, "Tampere", List.of("fi"), List.of(PARENT), "nurse", NOW);
    }

    static ConsentGiven consent(LocalDate validUntil) {
        return new ConsentGiven(FAMILY, CONSENT, List.of(COUNSELLING), PURPOSE, DATA, validUntil, CLINIC,
                "nurse", NOW);
    }

    @Test
    void aFamilyIsRegisteredWithItsChildrensMonthsOfBirthOnly() {
        java.time.YearMonth born = java.time.YearMonth.of(2025, 11);
        UUID parent = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new RegisterFamily(FAMILY, CLINIC, "Tampere", List.of("fi"), List.of(
                        new FamilyRegistered.Member(parent, MemberRole.PARENT, DATA, java.time.YearMonth.of(1990, 1)),
                        new FamilyRegistered.Member(child, MemberRole.CHILD, DATA, born)), "nurse", NOW))
                .expectEvents(new FamilyRegistered(FAMILY, CLINIC, "Tampere", List.of("fi"), List.of(
                        new FamilyRegistered.Member(parent, MemberRole.PARENT, DATA, null),
                        new FamilyRegistered.Member(child, MemberRole.CHILD, DATA, born)), "nurse", NOW));
    }

    @Test
    void aFamilyIsRegisteredWithSealedMembers() {
        fixture.givenNoPriorActivity()
                .when(new RegisterFamily(FAMILY, CLINIC, "Tampere", List.of("fi"), List.of(PARENT), "nurse", NOW))
                .expectEvents(registered());
    }

    @Test
    void aFamilyHasMembers() {
        fixture.givenNoPriorActivity()
                .when(new RegisterFamily(FAMILY, CLINIC, "Tampere", List.of("fi"), List.of(), "nurse", NOW))
                .expectException(RuleViolationException.class);
    }

    @Test
    void theRegisteringAgencyRecordsAConsent() {
        fixture.given(registered())
                .when(new GiveConsent(FAMILY, CONSENT, List.of(COUNSELLING), PURPOSE, DATA, TODAY.plusDays(30),
                        CLINIC, "nurse", NOW))
                .expectEvents(consent(TODAY.plusDays(30)));
    }

    @Test
    void anAgencyWithoutAccessCannotRecordConsentsForTheFamily() {
        fixture.given(registered())
                .when(new GiveConsent(FAMILY, CONSENT, List.of(OTHER), PURPOSE, DATA, TODAY.plusDays(30), OTHER, "x", NOW))
                .expectException(UnknownException.class)
                .expectNoEvents();
    }

    @Test
    void aConsentIsWithdrawnOnceAndThenStopsSharing() {
        fixture.given(registered(), consent(TODAY.plusDays(30)))
                .when(new WithdrawConsent(FAMILY, CONSENT, CLINIC, "nurse", NOW))
                .expectEvents(new ConsentWithdrawn(FAMILY, CONSENT, "nurse", NOW));
        fixture.given(registered(), consent(TODAY.plusDays(30)), new ConsentWithdrawn(FAMILY, CONSENT, "nurse", NOW))
                .when(new WithdrawConsent(FAMILY, CONSENT, CLINIC, "nurse", NOW))
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void erasureIsRecordedOnceAndRefusesNewConsents() {
        fixture.given(registered())
                .when(new EraseFamily(FAMILY, "coordinator", NOW))
                .expectEvents(new FamilyErased(FAMILY, "coordinator", NOW))
                .expectResultMessagePayload(true);
        fixture.given(registered(), new FamilyErased(FAMILY, "coordinator", NOW))
                .when(new EraseFamily(FAMILY, "coordinator", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(registered(), new FamilyErased(FAMILY, "coordinator", NOW))
                .when(new GiveConsent(FAMILY, CONSENT, List.of(COUNSELLING), PURPOSE, DATA, TODAY, CLINIC, "n", NOW))
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void sharingBasisFollowsConsentValidityWithdrawalAndErasure() {
        Family family = new Family();
        family.on(registered());
        assertThat(family.basisFor(CLINIC, null, TODAY)).contains(SharingBasis.registeringAgency());
        assertThat(family.basisFor(COUNSELLING, null, TODAY)).as("no consent").isEmpty();

        family.on(consent(TODAY.plusDays(30)));
        assertThat(family.basisFor(COUNSELLING, null, TODAY)).contains(SharingBasis.consent(CONSENT));
        assertThat(family.basisFor(COUNSELLING, CONSENT, TODAY.plusDays(30))).as("last valid day").isPresent();
        assertThat(family.basisFor(COUNSELLING, CONSENT, TODAY.plusDays(31))).as("expired").isEmpty();
        assertThat(family.basisFor(OTHER, null, TODAY)).as("not covering").isEmpty();
        assertThat(family.basisFor(OTHER, CONSENT, TODAY)).as("named consent not covering").isEmpty();

        family.on(new ConsentWithdrawn(FAMILY, CONSENT, "nurse", NOW));
        assertThat(family.basisFor(COUNSELLING, null, TODAY)).as("withdrawn").isEmpty();

        family.on(new FamilyErased(FAMILY, "coordinator", NOW));
        assertThat(family.basisFor(CLINIC, null, TODAY)).as("erased").isEmpty();
    }
}
