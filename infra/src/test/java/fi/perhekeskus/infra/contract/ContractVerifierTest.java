package fi.perhekeskus.infra.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralMade;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractVerifierTest {

    private final ContractVerifier verifier = new ContractVerifier(new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL));

    @Test
    void aCompleteEventConformsToItsSchema() {
        assertThatCode(() -> verifier.verify(new AgencyRegistered(UUID.randomUUID(), "Neuvola",
                OrganizerType.WELLBEING_COUNTY, "Pirha", "Tampere", List.of("Tampere"), "c-1", Instant.now()))).doesNotThrowAnyException();
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        assertThatCode(() -> verifier.verify(new ReferralMade(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "Tampere", NeedLevel.YELLOW, Priority.ROUTINE,
                new Sealed("v1.abc"), null, new Sealed("v1.bGVnYWw"), null, null, "w-1", Instant.now())))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingRequiredFieldOrAReadableSealedValueBreaksTheContract() {
        assertThatThrownBy(() -> verifier.verify(new AgencyRegistered(UUID.randomUUID(), null,
                OrganizerType.NGO, "X ry", "Tampere", List.of("Tampere"), "c-1", Instant.now())))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> verifier.verify(new ReferralMade(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "Tampere", NeedLevel.YELLOW, Priority.ROUTINE,
                new Sealed("Aino Virtanen needs help"), null, new Sealed("v1.YmFzaXM"), null, null, "w-1", Instant.now())))
                .hasMessageContaining("reason");
    }
}
