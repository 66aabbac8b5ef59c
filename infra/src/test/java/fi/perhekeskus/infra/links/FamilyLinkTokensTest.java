package fi.perhekeskus.infra.links;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FamilyLinkTokensTest {

    private static final byte[] SECRET = "a family link secret of 32 bytes or more".getBytes(StandardCharsets.UTF_8);
    private final FamilyLinkTokens tokens = new FamilyLinkTokens(SECRET);

    private final UUID programme = UUID.randomUUID();
    private final UUID invitation = UUID.randomUUID();
    private final Instant expires = Instant.parse("2027-03-01T09:00:00Z");

    @Test
    void anInvitationLinkOpensWhatItWasMintedFor() {
        String token = tokens.invitation(programme, invitation, expires);

        assertThat(tokens.readInvitation(token)).contains(new FamilyLinkTokens.InvitationLink(programme, invitation, expires));
        assertThat(token).hasSizeLessThanOrEqualTo(FamilyLinkTokens.MAX_TOKEN_CHARS).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void aLinkOfOneKindDoesNotOpenTheOther() {
        String invitationToken = tokens.invitation(programme, invitation, expires);
        String feedbackToken = tokens.feedback(programme, UUID.randomUUID(), UUID.randomUUID());

        assertThat(tokens.readFeedback(invitationToken)).isEmpty();
        assertThat(tokens.readInvitation(feedbackToken)).isEmpty();
    }

    @Test
    void anotherSecretsLinkIsNoLinkOfOurs() {
        FamilyLinkTokens other = new FamilyLinkTokens("another secret, also of 32 bytes or more".getBytes(StandardCharsets.UTF_8));

        assertThat(tokens.readInvitation(other.invitation(programme, invitation, expires))).isEmpty();
        assertThat(tokens.readFeedback(other.feedback(programme, invitation, UUID.randomUUID()))).isEmpty();
    }

    @Test
    void aFamilysFeedbackLinkIsTheSameEachTimeAndDiffersFromAnotherFamilys() {
        UUID session = UUID.randomUUID();
        UUID family = UUID.randomUUID();

        String first = tokens.feedback(programme, session, family);
        FamilyLinkTokens.FeedbackLink opened = tokens.readFeedback(first).orElseThrow();

        assertThat(tokens.feedback(programme, session, family)).isEqualTo(first);
        assertThat(tokens.feedback(programme, session, UUID.randomUUID())).isNotEqualTo(first);
        assertThat(opened.programmeId()).isEqualTo(programme);
        assertThat(opened.sessionId()).isEqualTo(session);
        // The nonce is no copy of the family's id: the receiver cannot tell whose feedback it is.
        assertThat(opened.nonce()).isNotEqualTo(family);
    }

    @Test
    void nothingOutsideTheShapeIsOpened() {
        String token = tokens.invitation(programme, invitation, expires);

        assertThat(tokens.readInvitation(null)).isEmpty();
        assertThat(tokens.readInvitation("")).isEmpty();
        assertThat(tokens.readInvitation(token.replace(".", ""))).isEmpty();
        assertThat(tokens.readInvitation(token + "A")).isEmpty();
        assertThat(tokens.readInvitation("!!." + token.substring(token.indexOf('.') + 1))).isEmpty();
        assertThat(tokens.readInvitation("A".repeat(FamilyLinkTokens.MAX_TOKEN_CHARS + 1))).isEmpty();
    }

    @Property(tries = 300)
    void aChangedCharacterNeverOpensALink(@ForAll("positions") int position, @ForAll("letters") char letter) {
        String token = tokens.invitation(programme, invitation, expires);
        int at = position % token.length();
        if (token.charAt(at) == letter) {
            return;
        }
        String changed = token.substring(0, at) + letter + token.substring(at + 1);

        // A changed last character may only flip unused padding bits; then it is still the same link.
        assertThat(tokens.readInvitation(changed)).satisfiesAnyOf(
                opened -> assertThat(opened).isEmpty(),
                opened -> assertThat(opened).contains(new FamilyLinkTokens.InvitationLink(programme, invitation, expires)));
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 200);
    }

    @Provide
    Arbitrary<Character> letters() {
        return Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");
    }
}
