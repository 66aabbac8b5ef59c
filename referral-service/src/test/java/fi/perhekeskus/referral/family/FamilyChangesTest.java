package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.Sealed;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static fi.perhekeskus.referral.family.FamilyTest.CLINIC;
import static fi.perhekeskus.referral.family.FamilyTest.COUNSELLING;
import static fi.perhekeskus.referral.family.FamilyTest.DATA;
import static fi.perhekeskus.referral.family.FamilyTest.FAMILY;
import static fi.perhekeskus.referral.family.FamilyTest.NOW;
import static fi.perhekeskus.referral.family.FamilyTest.OTHER;
import static fi.perhekeskus.referral.family.FamilyTest.PARENT;
import static fi.perhekeskus.referral.family.FamilyTest.TODAY;
import static fi.perhekeskus.referral.family.FamilyTest.consent;
import static fi.perhekeskus.referral.family.FamilyTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** A family changes: a new member, its details, its responsible worker; legal and illegal, edge by edge. */
class FamilyChangesTest {

    static final UUID BABY = UUID.randomUUID();
    static final Sealed BABY_DATA = new Sealed("v1.YmFieS1kYXRh");
    static final Sealed CONTACT = new Sealed("v1.Y29udGFjdA");
    static final Sealed NURSE = new Sealed("v1.bnVyc2UtMQ");
    static final Sealed COUNSELLOR = new Sealed("v1.Y291bnNlbGxvci0x");
    static final FamilyErased ERASED = new FamilyErased(FAMILY, "coordinator", NOW);

    private AggregateTestFixture<Family> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Family.class);
        // Stands in for the family's key: a sealed value opens to its own ciphertext.
        fixture.registerInjectableResource(new FamilySealer() {
            @Override
            public Sealed seal(UUID familyId, String plaintext) {
                return new Sealed(plaintext);
            }

            @Override
            public Optional<String> open(UUID familyId, Sealed sealed) {
                return Optional.of(sealed.ciphertext());
            }

            @Override
            public void erase(UUID familyId) {
            }

            @Override
            public boolean isErased(UUID familyId) {
                return false;
            }
        });
    }

    static FamilyMemberAdded babyAdded() {
        return new FamilyMemberAdded(FAMILY, BABY, MemberRole.CHILD, BABY_DATA, CLINIC, "nurse", NOW);
    }

    @Test
    void aWorkerWithAccessAddsANewBaby() {
        fixture.given(registered())
                .when(new AddFamilyMember(FAMILY, BABY, MemberRole.CHILD, BABY_DATA, CLINIC, "nurse", NOW))
                .expectEvents(babyAdded())
                .expectResultMessagePayload(BABY);
    }

    @Test
    void aNewChildsMonthOfBirthIsPublishedAnAdultsNever() {
        java.time.YearMonth born = java.time.YearMonth.of(2026, 2);
        fixture.given(registered())
                .when(new AddFamilyMember(FAMILY, BABY, MemberRole.CHILD, BABY_DATA, CLINIC, "nurse", NOW, born))
                .expectEvents(new FamilyMemberAdded(FAMILY, BABY, MemberRole.CHILD, BABY_DATA, CLINIC, "nurse", NOW, born));
        fixture.given(registered())
                .when(new AddFamilyMember(FAMILY, BABY, MemberRole.PARENT, BABY_DATA, CLINIC, "nurse", NOW,
                        java.time.YearMonth.of(1990, 5)))
                .expectEvents(new FamilyMemberAdded(FAMILY, BABY, MemberRole.PARENT, BABY_DATA, CLINIC, "nurse", NOW, null));
    }

    @Test
    void anAgencyTheConsentCoversAddsAMemberToo() {
        fixture.given(registered(), consent(TODAY.plusDays(30)))
                .when(new AddFamilyMember(FAMILY, BABY, MemberRole.CHILD, BABY_DATA, COUNSELLING, "c", NOW))
                .expectEvents(new FamilyMemberAdded(FAMILY, BABY, MemberRole.CHILD, BABY_DATA, COUNSELLING, "c", NOW));
    }

    @Test
    void anAgencyWithoutAccessIsToldNoSuchFamily() {
        fixture.given(registered())
                .when(new AddFamilyMember(FAMILY, BABY, MemberRole.CHILD, BABY_DATA, OTHER, "x", NOW))
                .expectException(UnknownException.class)
                .expectNoEvents();
        fixture.given(registered())
                .when(new ChangeFamilyDetails(FAMILY, "Nokia", null, null, OTHER, "x", NOW))
                .expectException(UnknownException.class)
                .expectNoEvents();
        fixture.given(registered())
                .when(new AssignResponsibleWorker(FAMILY, CLINIC, NURSE, OTHER, "x", NOW))
                .expectException(UnknownException.class)
                .expectNoEvents();
    }

    @Test
    void anErasedFamilyChangesNoMore() {
        fixture.given(registered(), ERASED)
                .when(new AddFamilyMember(FAMILY, BABY, MemberRole.CHILD, BABY_DATA, CLINIC, "nurse", NOW))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(registered(), ERASED)
                .when(new ChangeFamilyDetails(FAMILY, "Nokia", null, CONTACT, CLINIC, "nurse", NOW))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(registered(), ERASED)
                .when(new AssignResponsibleWorker(FAMILY, CLINIC, NURSE, CLINIC, "nurse", NOW))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void aMemberIsAddedOnce() {
        fixture.given(registered(), babyAdded())
                .when(new AddFamilyMember(FAMILY, BABY, MemberRole.CHILD, BABY_DATA, CLINIC, "nurse", NOW))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void aFamilyHasAtMostTwentyMembers() {
        List<FamilyRegistered.Member> nineteen = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            nineteen.add(new FamilyRegistered.Member(UUID.randomUUID(), MemberRole.CHILD, DATA));
        }
        List<FamilyRegistered.Member> members = new ArrayList<>(nineteen);
        members.add(PARENT);
        FamilyRegistered full = new FamilyRegistered(FAMILY, CLINIC, "Tampere", List.of("fi"), members, "nurse", NOW);
        FamilyRegistered oneFree = new FamilyRegistered(FAMILY, CLINIC, "Tampere", List.of("fi"), nineteen, "nurse", NOW);

        fixture.given(oneFree)
                .when(new AddFamilyMember(FAMILY, BABY, MemberRole.CHILD, BABY_DATA, CLINIC, "nurse", NOW))
                .expectEvents(babyAdded());
        fixture.given(full)
                .when(new AddFamilyMember(FAMILY, BABY, MemberRole.CHILD, BABY_DATA, CLINIC, "nurse", NOW))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void theNewMemberCountsAsTheFamilysMember() {
        Family family = new Family();
        family.on(registered());
        assertThat(family.hasMember(BABY)).isFalse();
        family.on(babyAdded());
        assertThat(family.memberIds()).containsExactlyInAnyOrder(PARENT.memberId(), BABY);
    }

    @Test
    void detailsChangeOnlyInWhatDiffers() {
        fixture.given(registered())
                .when(new ChangeFamilyDetails(FAMILY, "Nokia", List.of("fi", "sv"), CONTACT, CLINIC, "nurse", NOW))
                .expectEvents(new FamilyDetailsChanged(FAMILY, "Nokia", List.of("fi", "sv"), CONTACT, CLINIC, "nurse", NOW))
                .expectResultMessagePayload(new FamilyDetails(FAMILY, "Nokia", List.of("fi", "sv")));
        fixture.given(registered())
                .when(new ChangeFamilyDetails(FAMILY, "Tampere", List.of("sv"), null, CLINIC, "nurse", NOW))
                .expectEvents(new FamilyDetailsChanged(FAMILY, null, List.of("sv"), null, CLINIC, "nurse", NOW));
        fixture.given(registered())
                .when(new ChangeFamilyDetails(FAMILY, "Tampere", List.of("fi"), null, CLINIC, "nurse", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new FamilyDetails(FAMILY, "Tampere", List.of("fi")));
    }

    @Test
    void theMunicipalityChangeIsWhatReferralsOfTheFamilyUseFromThenOn() {
        Family family = new Family();
        family.on(registered());
        family.on(new FamilyDetailsChanged(FAMILY, "Nokia", null, CONTACT, CLINIC, "nurse", NOW));
        assertThat(family.municipality()).isEqualTo("Nokia");
        family.on(new FamilyDetailsChanged(FAMILY, null, List.of("sv"), null, CLINIC, "nurse", NOW));
        assertThat(family.municipality()).as("a null field leaves it as it was").isEqualTo("Nokia");
    }

    @Test
    void theResponsibleWorkerIsAssignedAndHandedOver() {
        fixture.given(registered())
                .when(new AssignResponsibleWorker(FAMILY, CLINIC, NURSE, CLINIC, "nurse", NOW))
                .expectEvents(new ResponsibleWorkerAssigned(FAMILY, CLINIC, NURSE, null, CLINIC, "nurse", NOW))
                .expectResultMessagePayload(true);
        fixture.given(registered(), consent(TODAY.plusDays(30)),
                        new ResponsibleWorkerAssigned(FAMILY, CLINIC, NURSE, null, CLINIC, "nurse", NOW))
                .when(new AssignResponsibleWorker(FAMILY, COUNSELLING, COUNSELLOR, CLINIC, "nurse", NOW.plusSeconds(60)))
                .expectEvents(new ResponsibleWorkerAssigned(FAMILY, COUNSELLING, COUNSELLOR, CLINIC, CLINIC, "nurse",
                        NOW.plusSeconds(60)));
    }

    @Test
    void theSameResponsibleWorkerAgainChangesNothing() {
        fixture.given(registered(), new ResponsibleWorkerAssigned(FAMILY, CLINIC, NURSE, null, CLINIC, "nurse", NOW))
                .when(new AssignResponsibleWorker(FAMILY, CLINIC, new Sealed(NURSE.ciphertext()), CLINIC, "nurse", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(registered(), new ResponsibleWorkerAssigned(FAMILY, CLINIC, NURSE, null, CLINIC, "nurse", NOW))
                .when(new AssignResponsibleWorker(FAMILY, CLINIC, COUNSELLOR, CLINIC, "nurse", NOW))
                .expectEvents(new ResponsibleWorkerAssigned(FAMILY, CLINIC, COUNSELLOR, CLINIC, CLINIC, "nurse", NOW));
    }

    @Test
    void theResponsibleWorkersAgencyMustHaveABasisForTheFamily() {
        fixture.given(registered())
                .when(new AssignResponsibleWorker(FAMILY, COUNSELLING, COUNSELLOR, CLINIC, "nurse", NOW))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }
}
