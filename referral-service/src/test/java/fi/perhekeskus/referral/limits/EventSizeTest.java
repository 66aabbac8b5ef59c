package fi.perhekeskus.referral.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.OrganizerType;
import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.family.FamilyRegistered;
import fi.perhekeskus.contract.family.MemberRole;
import fi.perhekeskus.contract.referral.Priority;
import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.infra.kafka.CloudEventsMessageConverter;
import fi.perhekeskus.infra.kafka.KafkaSettings;
import fi.perhekeskus.infra.web.Limits;
import fi.perhekeskus.infra.web.RequestBodyLimit;
import fi.perhekeskus.privacy.AesGcm;
import fi.perhekeskus.privacy.SealedValues;
import fi.perhekeskus.referral.family.PersonalData;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The largest records a request within the limits of docs/contract.md can put on the topic, measured the way the
 * producer checks {@code max.request.size}: the CloudEvents headers, key and JSON value of the
 * event, each text field at its limit and made of the character that costs the most bytes (a
 * control character, written as a six-byte {@code \}{@code u0001} escape; sealed values encrypt
 * it as JSON, then base64 it).
 */
class EventSizeTest {

    /** The longest {@code sub} a token can carry in a request header within Tomcat's 16 KB. */
    private static final int SUB_BYTES = 16 * 1024;

    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
    private final CloudEventsMessageConverter converter =
            new CloudEventsMessageConverter(json, "/perhekeskus/referral-service");
    private final SecretKey familyKey = AesGcm.newKey();
    private final UUID familyId = UUID.randomUUID();
    private final Instant now = Instant.now();
    private final String worker = worst(SUB_BYTES / 6);

    @Test
    void everyEventARequestWithinTheLimitsCanProduceFitsTheProducerFourTimesOver() throws Exception {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("FamilyRegistered", size(familyId, maximalFamily()));
        sizes.put("ServiceListed", size(UUID.randomUUID(), maximalService()));
        sizes.put("AgencyRegistered", size(UUID.randomUUID(), maximalAgency()));
        sizes.put("ReferralMade", size(UUID.randomUUID(), maximalReferral()));
        int largest = Collections.max(sizes.values());
        System.out.printf("Largest records within the limits (bytes): %s; max.request.size %d; body limit %d%n",
                sizes, KafkaSettings.DEFAULT_MAX_RECORD_BYTES, RequestBodyLimit.DEFAULT_MAX_BYTES);

        assertThat(largest * 4L).isLessThan(KafkaSettings.DEFAULT_MAX_RECORD_BYTES);
        // The 1.6 MB family that stopped publishing cannot be built from an accepted request any more:
        assertThat(RequestBodyLimit.DEFAULT_MAX_BYTES).isLessThan(KafkaSettings.DEFAULT_MAX_RECORD_BYTES);
    }

    @Test
    void theWorstCharacterReallyIsTheMostExpensive() throws Exception {
        String worst = json.writeValueAsString(worst(100));
        for (String other : List.of("ä", "€", "\"", "\\", "a", "\uD83D\uDE00")) {
            String text = json.writeValueAsString(other.repeat(100 / other.length()));
            assertThat(text.getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(worst.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private FamilyRegistered maximalFamily() throws Exception {
        List<FamilyRegistered.Member> members = new ArrayList<>();
        for (int i = 0; i < Limits.MEMBERS; i++) {
            PersonalData data = new PersonalData(worst(Limits.NAME), worst(Limits.NAME), LocalDate.of(1952, 10, 13),
                    "131052-308T");
            members.add(new FamilyRegistered.Member(UUID.randomUUID(), MemberRole.CHILD, seal(json.writeValueAsString(data))));
        }
        return new FamilyRegistered(familyId, UUID.randomUUID(), worst(Limits.NAME), languages(), members, worker, now);
    }

    private ServiceListed maximalService() {
        return new ServiceListed(UUID.randomUUID(), UUID.randomUUID(), worst(Limits.NAME), ServiceKind.GROUP,
                NeedLevel.YELLOW, 0, 216, list(Limits.LIST, Limits.NAME), languages(), worst(Limits.TEXT), worker, now);
    }

    private AgencyRegistered maximalAgency() {
        return new AgencyRegistered(UUID.randomUUID(), worst(Limits.NAME), OrganizerType.WELLBEING_COUNTY,
                worst(Limits.NAME), worst(Limits.NAME), list(Limits.LIST, Limits.NAME), worker, now);
    }

    private ReferralMade maximalReferral() {
        return new ReferralMade(UUID.randomUUID(), familyId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                worst(Limits.NAME), NeedLevel.RED, Priority.URGENT, seal(worst(Limits.TEXT)), null, seal(worst(Limits.TEXT)),
                UUID.randomUUID(), UUID.randomUUID(), worker, now);
    }

    private int size(UUID aggregate, Object event) {
        ProducerRecord<String, byte[]> record = converter.createKafkaMessage(
                new GenericDomainEventMessage<>(event.getClass().getSimpleName(), aggregate.toString(), Long.MAX_VALUE,
                        event), "perhekeskus.referral.events.v1");
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                record.key().getBytes(StandardCharsets.UTF_8), record.value(), record.headers().toArray());
    }

    private Sealed seal(String plaintext) {
        return SealedValues.seal(familyKey, familyId, plaintext);
    }

    private static List<String> languages() {
        return list(Limits.LANGUAGES, Limits.LANGUAGE_TAG);
    }

    private static List<String> list(int items, int length) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            list.add(worst(length));
        }
        return list;
    }

    /** {@code length} characters, each written as six bytes of JSON. */
    private static String worst(int length) {
        return "\u0001".repeat(length);
    }
}
