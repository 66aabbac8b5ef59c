package fi.perhekeskus.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.perhekeskus.contract.referral.ReferralCancelled;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SealedJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void aSealedFieldIsAPlainOpaqueStringOnTheWireAndNeverPrintsItself() throws Exception {
        ReferralCancelled event = new ReferralCancelled(UUID.randomUUID(), new Sealed("v1.abc"), "w", Instant.EPOCH);

        String text = json.writeValueAsString(event);

        assertThat(text).contains("\"reason\":\"v1.abc\"");
        assertThat(json.readValue(text, ReferralCancelled.class)).isEqualTo(event);
        assertThat(event.reason().toString()).doesNotContain("abc");
    }
}
