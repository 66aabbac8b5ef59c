package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.referral.ReferralMade;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A version 2 ReferralMade (no memberIds) reads as version 3 concerning the whole family; v3 is untouched. */
class ReferralMade2to3UpcasterTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String V2 = """
            {"referralId":"00000000-0000-0000-0000-00000000f001","familyId":"00000000-0000-0000-0000-0000000000fa",
             "serviceId":"00000000-0000-0000-0000-0000000005e1","senderAgencyId":"00000000-0000-0000-0000-0000000000a1",
             "receiverAgencyId":"00000000-0000-0000-0000-0000000000a2","municipality":"Tampere","needLevel":"RED",
             "priority":"URGENT","reason":"v1.c2VhbGVkLXJlYXNvbi12YWx1ZS1mb3ItdGVzdGluZw",
             "consentId":"00000000-0000-0000-0000-00000000c001","madeBy":"nurse-1","madeAt":"2026-03-02T08:00:00Z"}""";

    @Test
    void aVersion2ReferralConcernsNoNamedMembers() throws Exception {
        ObjectNode upcast = ContractUpcasters.upcast("ReferralMade", 2, EventCatalog.versionOf(ReferralMade.class),
                (ObjectNode) JSON.readTree(V2));

        ReferralMade made = JSON.treeToValue(upcast, ReferralMade.class);
        assertThat(made.memberIds()).isEmpty();
        assertThat(made.consentId()).isEqualTo(UUID.fromString("00000000-0000-0000-0000-00000000c001"));
    }

    @Test
    void namedMembersAreKept() throws Exception {
        UUID child = UUID.randomUUID();
        ObjectNode v3 = (ObjectNode) JSON.readTree(V2);
        v3.putArray("memberIds").add(child.toString());

        ReferralMade made = JSON.treeToValue(new ReferralMade2to3Upcaster().upcast(v3), ReferralMade.class);
        assertThat(made.memberIds()).isEqualTo(List.of(child));
    }
}
