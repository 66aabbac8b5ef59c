package fi.perhekeskus.meeting.invitation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyInvited;
import fi.perhekeskus.contract.programme.InvitationAnswer;
import fi.perhekeskus.contract.programme.InvitationAnswered;
import fi.perhekeskus.contract.programme.InvitationExpired;
import fi.perhekeskus.infra.consistency.ViewCatchUp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The invitation list: events fed in order (and again), the view read back. */
class InvitationProjectionTest {

    static final UUID PROGRAMME = UUID.randomUUID();
    static final UUID OTHER_PROGRAMME = UUID.randomUUID();
    static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant STARTS = Instant.parse("2026-03-10T15:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private InvitationProjection projection;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        projection = new InvitationProjection(client.getDatabase("test"), mock(ViewCatchUp.class));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdown();
    }

    @Test
    void eachInvitationShowsWhereItStands() {
        UUID enrolled = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        UUID expired = UUID.randomUUID();
        UUID silent = UUID.randomUUID();
        long seq = 1;
        for (UUID family : new UUID[] {enrolled, waiting, declined, expired, silent}) {
            projection.on(invited(PROGRAMME, family), seq++);
        }
        projection.on(new FamilyInvited(OTHER_PROGRAMME, UUID.randomUUID(), enrolled, true, STARTS, "w", AT), 1);
        projection.on(answered(enrolled, InvitationAnswer.YES), seq++);
        projection.on(new FamilyEnrolled(PROGRAMME, enrolled, EnrolmentSource.INVITATION, null, false, "w", AT), seq++);
        projection.on(answered(waiting, InvitationAnswer.YES), seq++);
        projection.on(answered(declined, InvitationAnswer.NO), seq++);
        projection.on(new InvitationExpired(PROGRAMME, id(expired), expired, STARTS), seq++);
        // A family enrolled by a referral while its invitation waits: the invitation stays unanswered.
        projection.on(new FamilyEnrolled(PROGRAMME, silent, EnrolmentSource.REFERRAL, UUID.randomUUID(), false, "w",
                AT), seq++);

        assertThat(statuses(PROGRAMME)).containsExactlyInAnyOrderEntriesOf(Map.of(
                enrolled, InvitationStatus.ENROLLED, waiting, InvitationStatus.ACCEPTED,
                declined, InvitationStatus.DECLINED, expired, InvitationStatus.EXPIRED,
                silent, InvitationStatus.INVITED));
        assertThat(projection.ofProgramme(PROGRAMME)).allSatisfy(row -> assertThat(row.invitedAt()).isEqualTo(AT));
        assertThat(statuses(OTHER_PROGRAMME)).hasSize(1).containsValue(InvitationStatus.INVITED);

        // Promoted from the waitlist later: its accepted invitation is now an enrolment.
        projection.on(new FamilyEnrolled(PROGRAMME, waiting, EnrolmentSource.INVITATION, null, true, "w", AT), seq++);
        assertThat(statuses(PROGRAMME)).containsEntry(waiting, InvitationStatus.ENROLLED);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID family = UUID.randomUUID();
        projection.on(invited(PROGRAMME, family), 1);
        projection.on(answered(family, InvitationAnswer.NO), 2);
        projection.on(invited(PROGRAMME, family), 1);
        projection.on(answered(family, InvitationAnswer.YES), 2);

        assertThat(statuses(PROGRAMME)).containsExactlyEntriesOf(Map.of(family, InvitationStatus.DECLINED));
    }

    @Test
    void aResetEmptiesTheView() {
        projection.on(invited(PROGRAMME, UUID.randomUUID()), 1);
        projection.reset();
        assertThat(projection.ofProgramme(PROGRAMME)).isEmpty();
    }

    private Map<UUID, InvitationStatus> statuses(UUID programme) {
        return projection.ofProgramme(programme).stream()
                .collect(Collectors.toMap(InvitationProjection.Row::familyId, InvitationProjection.Row::status));
    }

    static UUID id(UUID family) {
        return UUID.nameUUIDFromBytes((PROGRAMME + ":" + family).getBytes());
    }

    static FamilyInvited invited(UUID programme, UUID family) {
        return new FamilyInvited(programme, id(family), family, false, STARTS, "w", AT);
    }

    static InvitationAnswered answered(UUID family, InvitationAnswer answer) {
        return new InvitationAnswered(PROGRAMME, id(family), family, answer, "w", AT);
    }
}
