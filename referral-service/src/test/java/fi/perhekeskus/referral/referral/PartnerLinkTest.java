package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.referral.ReferralOutcome;
import fi.perhekeskus.contract.referral.ReferralCompleted;
import fi.perhekeskus.contract.referral.ReferralStatus;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.NotPartyException;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.domain.UnknownException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static fi.perhekeskus.referral.referral.ReferralTest.ACCEPTED;
import static fi.perhekeskus.referral.referral.ReferralTest.FOREIGN;
import static fi.perhekeskus.referral.referral.ReferralTest.NOW;
import static fi.perhekeskus.referral.referral.ReferralTest.RECEIVED;
import static fi.perhekeskus.referral.referral.ReferralTest.RECEIVER;
import static fi.perhekeskus.referral.referral.ReferralTest.REFERRAL;
import static fi.perhekeskus.referral.referral.ReferralTest.SENDER;
import static fi.perhekeskus.referral.referral.ReferralTest.STARTED;
import static fi.perhekeskus.referral.referral.ReferralTest.made;
import static org.assertj.core.api.Assertions.assertThat;

/** Partner links on the referral: who issues and revokes them, in which states, and that the latest wins. */
class PartnerLinkTest {

    static final UUID LINK = UUID.fromString("00000000-0000-0000-0000-0000000011a1");
    static final UUID NEXT_LINK = UUID.fromString("00000000-0000-0000-0000-0000000011a2");
    static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final Instant AT = NOW.plusSeconds(600);
    static final Instant EXPIRES = AT.plus(Duration.ofDays(14));

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
    }

    static IssuePartnerLink issue(UUID agency, boolean coordinator, UUID link) {
        return new IssuePartnerLink(REFERRAL, agency, coordinator, link, HASH, EXPIRES, "nurse-1", AT);
    }

    static PartnerLinkIssued issued(UUID link, String by) {
        return new PartnerLinkIssued(REFERRAL, link, RECEIVER, HASH, EXPIRES, by, AT);
    }

    @Test
    void theSenderIssuesALinkBoundToTheReceiver() {
        fixture.given(made())
                .when(issue(SENDER, false, LINK))
                .expectSuccessfulHandlerExecution()
                .expectEvents(issued(LINK, "nurse-1"))
                .expectState(r -> assertThat(r.partnerLink()).contains(new PartnerLink(LINK, RECEIVER, HASH, EXPIRES)));
    }

    @Test
    void aCoordinatorActingForNoAgencyIssuesOne() {
        fixture.given(made(), RECEIVED)
                .when(new IssuePartnerLink(REFERRAL, null, true, LINK, HASH, EXPIRES, "coordinator-1", AT))
                .expectEvents(issued(LINK, "coordinator-1"));
    }

    @Test
    void aNewLinkSupersedesTheOldOne() {
        fixture.given(made(), issued(LINK, "nurse-1"))
                .when(issue(SENDER, false, NEXT_LINK))
                .expectEvents(issued(NEXT_LINK, "nurse-1"))
                .expectState(r -> assertThat(r.partnerLink().orElseThrow().linkId()).isEqualTo(NEXT_LINK));
    }

    @Test
    void theReceiverIssuesNone() {
        fixture.given(made()).when(issue(RECEIVER, false, LINK))
                .expectException(NotPartyException.class).expectNoEvents();
    }

    @Test
    void anAgencyThatIsNoPartyDoesNotLearnOfTheReferral() {
        fixture.given(made()).when(issue(FOREIGN, false, LINK))
                .expectException(UnknownException.class).expectNoEvents();
    }

    @Test
    void aClosedReferralGetsNoLink() {
        fixture.given(made(), RECEIVED, ACCEPTED, STARTED,
                        new ReferralCompleted(REFERRAL, ReferralOutcome.GOAL_MET, null, "worker-2", NOW.plusSeconds(300)))
                .when(issue(SENDER, false, LINK))
                .expectException(IllegalTransitionException.class).expectNoEvents();
    }

    @Test
    void aLinkExpiresAfterItIsIssued() {
        fixture.given(made())
                .when(new IssuePartnerLink(REFERRAL, SENDER, false, LINK, HASH, AT, "nurse-1", AT))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void revokingEndsTheLink() {
        fixture.given(made(), issued(LINK, "nurse-1"))
                .when(new RevokePartnerLink(REFERRAL, SENDER, false, "nurse-1", AT.plusSeconds(5)))
                .expectEvents(new PartnerLinkRevoked(REFERRAL, LINK, "nurse-1", AT.plusSeconds(5)))
                .expectState(r -> assertThat(r.partnerLink()).isEmpty());
    }

    @Test
    void revokingWithoutALinkChangesNothing() {
        fixture.given(made())
                .when(new RevokePartnerLink(REFERRAL, null, true, "coordinator-1", AT))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void theReceiverRevokesNone() {
        fixture.given(made(), issued(LINK, "nurse-1"))
                .when(new RevokePartnerLink(REFERRAL, RECEIVER, false, "worker-2", AT))
                .expectException(NotPartyException.class).expectNoEvents();
    }

    @Test
    void anAgencyThatIsNoPartyRevokesNone() {
        fixture.given(made(), issued(LINK, "nurse-1"))
                .when(new RevokePartnerLink(REFERRAL, FOREIGN, false, "x", AT))
                .expectException(UnknownException.class).expectNoEvents();
    }

    @Test
    void theLinkSurvivesTheReceiversMoves() {
        fixture.given(made(), issued(LINK, "nurse-1"), RECEIVED)
                .when(new AcceptReferral(REFERRAL, RECEIVER, null, null, "partner-link:" + LINK, AT.plusSeconds(9)))
                .expectSuccessfulHandlerExecution()
                .expectState(r -> {
                    assertThat(r.state().status()).isEqualTo(ReferralStatus.ACCEPTED);
                    assertThat(r.partnerLink()).isPresent();
                });
    }
}
