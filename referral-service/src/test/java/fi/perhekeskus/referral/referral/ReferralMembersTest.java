package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.contract.referral.ReferralReceived;
import fi.perhekeskus.contract.referral.ReferralRedirected;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.referral.directory.ServiceCatalog;
import fi.perhekeskus.referral.directory.ServiceOffer;
import fi.perhekeskus.referral.family.FamilyConsents;
import fi.perhekeskus.referral.family.SharingBasis;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A referral names the children it concerns; each must be a member of the family. */
class ReferralMembersTest {

    static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    static final UUID NEW_REFERRAL = UUID.fromString("00000000-0000-0000-0000-00000000e002");
    static final UUID FAMILY = UUID.fromString("00000000-0000-0000-0000-0000000000fb");
    static final UUID SENDER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID RECEIVER = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final UUID THIRD = UUID.fromString("00000000-0000-0000-0000-0000000000b3");
    static final UUID SERVICE = UUID.fromString("00000000-0000-0000-0000-0000000005f1");
    static final UUID OTHER_SERVICE = UUID.fromString("00000000-0000-0000-0000-0000000005f2");
    static final UUID CONSENT = UUID.fromString("00000000-0000-0000-0000-00000000c002");
    static final UUID CHILD = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID BABY = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final UUID FOREIGN_CHILD = UUID.fromString("00000000-0000-0000-0000-0000000000c9");
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final Sealed REASON = new Sealed("v1.cmVhc29u");

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
        Map<UUID, SharingBasis> basis = Map.of(SENDER, SharingBasis.registeringAgency(),
                RECEIVER, SharingBasis.consent(CONSENT), THIRD, SharingBasis.consent(CONSENT));
        fixture.registerInjectableResource(new FamilyConsents() {
            @Override
            public Optional<SharingBasis> basisFor(UUID familyId, UUID agencyId, UUID consentId, LocalDate today) {
                return Optional.ofNullable(basis.get(agencyId));
            }

            @Override
            public boolean hasConsent(UUID familyId, UUID consentId) {
                return CONSENT.equals(consentId);
            }

            @Override
            public boolean isWithdrawn(UUID familyId, UUID consentId) {
                return false;
            }

            @Override
            public Optional<String> municipality(UUID familyId) {
                return Optional.of("Tampere");
            }

            @Override
            public Set<UUID> memberIds(UUID familyId) {
                return Set.of(CHILD, BABY);
            }
        });
        ServiceCatalog services = id -> Optional.ofNullable(Map.of(
                SERVICE, new ServiceOffer(SERVICE, RECEIVER, ServiceKind.INDIVIDUAL, NeedLevel.YELLOW, List.of("Tampere"), false),
                OTHER_SERVICE, new ServiceOffer(OTHER_SERVICE, THIRD, ServiceKind.INDIVIDUAL, NeedLevel.YELLOW,
                        List.of("Tampere"), false)).get(id));
        fixture.registerInjectableResource(services);
        fixture.registerInjectableResource(ReferralSla.defaults());
    }

    static MakeReferral make(List<UUID> members) {
        return new MakeReferral(REFERRAL, FAMILY, SERVICE, SENDER, NeedLevel.YELLOW, Priority.ROUTINE, REASON, null,
                null, null, NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(7)), "nurse-1", NOW, members);
    }

    static ReferralMade made(List<UUID> members) {
        return new ReferralMade(REFERRAL, FAMILY, members, SERVICE, SENDER, RECEIVER, "Tampere", NeedLevel.YELLOW,
                Priority.ROUTINE, REASON, CONSENT, null, null, null, "nurse-1", NOW);
    }

    @Test
    void theReferralNamesTheChildrenItConcerns() {
        fixture.givenNoPriorActivity()
                .when(make(List.of(BABY, CHILD)))
                .expectEvents(made(List.of(BABY, CHILD)));
    }

    @Test
    void noMembersMeansTheWholeFamily() {
        fixture.givenNoPriorActivity()
                .when(make(null))
                .expectEvents(made(List.of()));
    }

    @Test
    void aMemberNamedTwiceCountsOnce() {
        fixture.givenNoPriorActivity()
                .when(make(List.of(BABY, BABY)))
                .expectEvents(made(List.of(BABY)));
    }

    @Test
    void aChildOfAnotherFamilyIsRefusedAndNothingIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(make(List.of(BABY, FOREIGN_CHILD)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(FOREIGN_CHILD.toString()))
                .expectNoEvents();
    }

    @Test
    void aRedirectCarriesTheChildrenOn() {
        fixture.given(made(List.of(BABY)), new ReferralReceived(REFERRAL, RECEIVER, "w", NOW))
                .when(new RedirectReferral(REFERRAL, RECEIVER, NEW_REFERRAL, OTHER_SERVICE, null, "w", NOW))
                .expectEvents(new ReferralRedirected(REFERRAL, NEW_REFERRAL, OTHER_SERVICE, THIRD, null, "w", NOW),
                        new ReferralMade(NEW_REFERRAL, FAMILY, List.of(BABY), OTHER_SERVICE, SENDER, THIRD, "Tampere",
                                NeedLevel.YELLOW, Priority.ROUTINE, REASON, CONSENT, null, REFERRAL, RECEIVER, "w", NOW));
    }
}
