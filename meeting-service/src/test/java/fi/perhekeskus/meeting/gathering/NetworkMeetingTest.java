package fi.perhekeskus.meeting.gathering;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.gathering.NetworkMeetingHeld;
import fi.perhekeskus.contract.gathering.NetworkMeetingLegalBasisRecorded;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.meeting.gathering.PlannedAction;
import fi.perhekeskus.meeting.gathering.RecordNetworkMeeting;
import fi.perhekeskus.meeting.parties.FamilyConsents;
import fi.perhekeskus.meeting.parties.FamilyStanding;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may record a network meeting about a family, and on what basis. */
class NetworkMeetingTest {

    static final UUID MEETING = UUID.randomUUID();
    static final UUID FAMILY = UUID.randomUUID();
    static final UUID CLINIC = UUID.randomUUID();
    static final UUID SCHOOL = UUID.randomUUID();
    static final UUID SOCIAL = UUID.randomUUID();
    static final UUID STRANGER = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final LocalDate HELD = LocalDate.parse("2026-03-02");
    static final LocalDate DUE = LocalDate.parse("2026-03-20");

    private AggregateTestFixture<NetworkMeeting> fixture;
    private final Map<UUID, FamilyStanding> families = new HashMap<>();
    private final FakeSealer sealer = new FakeSealer();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NetworkMeeting.class);
        families.put(FAMILY, new FamilyStanding(FAMILY, SOCIAL, Set.of(CLINIC, SCHOOL)));
        fixture.registerInjectableResource((FamilyConsents) (family, today) -> Optional.ofNullable(families.get(family)));
        fixture.registerInjectableResource(sealer);
    }

    static RecordNetworkMeeting record(List<UUID> agencies, UUID recorder, String legalBasis) {
        return new RecordNetworkMeeting(MEETING, FAMILY, agencies, HELD, List.of("SLEEP", "PARENTING"),
                List.of(new PlannedAction(agencies.get(0), "Kotikäynti Aino Virtasen luona", DUE)), legalBasis, recorder,
                "nurse-1", NOW);
    }

    static NetworkMeetingHeld held(List<UUID> agencies) {
        return new NetworkMeetingHeld(MEETING, FAMILY, agencies, HELD, List.of("SLEEP", "PARENTING"),
                List.of(new NetworkMeetingHeld.AgreedAction(agencies.get(0),
                        FakeSealer.sealed("Kotikäynti Aino Virtasen luona"), DUE)), "nurse-1", NOW);
    }

    @Test
    void agenciesTheConsentCoversRecordAMeetingWithSealedActions() {
        fixture.givenNoPriorActivity()
                .when(record(List.of(CLINIC, SCHOOL), CLINIC, null))
                .expectEvents(held(List.of(CLINIC, SCHOOL)))
                .expectState(meeting -> assertThat(sealer.sealedFor).containsExactly(FAMILY));
    }

    @Test
    void anAgencyTheConsentDoesNotCoverNeedsALegalBasis() {
        fixture.givenNoPriorActivity()
                .when(record(List.of(CLINIC, SOCIAL), CLINIC, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(record(List.of(CLINIC, SOCIAL), CLINIC, "Lastensuojelulaki 25 §"))
                .expectEvents(held(List.of(CLINIC, SOCIAL)), new NetworkMeetingLegalBasisRecorded(MEETING, FAMILY,
                        List.of(SOCIAL), FakeSealer.sealed("Lastensuojelulaki 25 §"), "nurse-1", NOW));
    }

    @Test
    void aRecorderTheConsentDoesNotCoverIsAnsweredAsForAnUnknownFamily() {
        fixture.givenNoPriorActivity()
                .when(record(List.of(STRANGER, CLINIC), STRANGER, null))
                .expectException(UnknownException.class)
                .expectExceptionMessage("no such family")
                .expectNoEvents();
    }

    @Test
    void theAgencyThatRegisteredTheFamilyIsToldNoConsentCoversIt() {
        fixture.givenNoPriorActivity()
                .when(record(List.of(SOCIAL, CLINIC), SOCIAL, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownOrErasedFamilyIsUnknownEvenWithALegalBasis() {
        families.clear();
        fixture.givenNoPriorActivity()
                .when(record(List.of(CLINIC, SCHOOL), CLINIC, null))
                .expectException(UnknownException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(record(List.of(CLINIC, SCHOOL), CLINIC, "Lastensuojelulaki 25 §"))
                .expectException(UnknownException.class)
                .expectNoEvents();
        assertThat(sealer.sealedFor).isEmpty();
    }

    @Test
    void theRecorderTookPartAndTheMeetingBringsAgenciesTogether() {
        fixture.givenNoPriorActivity()
                .when(record(List.of(CLINIC, SCHOOL), SOCIAL, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the recording agency took part in the meeting")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(record(List.of(CLINIC), CLINIC, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(record(List.of(CLINIC, CLINIC), CLINIC, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void actionsAreAgreedByParticipantsAndDueAfterTheMeeting() {
        fixture.givenNoPriorActivity()
                .when(new RecordNetworkMeeting(MEETING, FAMILY, List.of(CLINIC, SCHOOL), HELD, List.of(),
                        List.of(new PlannedAction(SOCIAL, "x", DUE)), null, CLINIC, "nurse-1", NOW))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RecordNetworkMeeting(MEETING, FAMILY, List.of(CLINIC, SCHOOL), HELD, List.of(),
                        List.of(new PlannedAction(CLINIC, "x", HELD.minusDays(1))), null, CLINIC, "nurse-1", NOW))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    /** Seals reproducibly, so the expected events can be written out. */
    static class FakeSealer implements FamilySealer {

        final Set<UUID> sealedFor = new HashSet<>();

        static Sealed sealed(String plaintext) {
            return new Sealed("v1." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public Sealed seal(UUID familyId, String plaintext) {
            sealedFor.add(familyId);
            return sealed(plaintext);
        }

        @Override
        public Optional<String> open(UUID familyId, Sealed sealed) {
            return Optional.empty();
        }

        @Override
        public void erase(UUID familyId) {
        }

        @Override
        public boolean isErased(UUID familyId) {
            return false;
        }
    }
}
