package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.contract.programme.FeedbackGiven;
import fi.perhekeskus.infra.kafka.CloudEventsMessageConverter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Feedback written before the premises question (the fixture is what v1 producers wrote) reads as v2 without it. */
class FeedbackGiven1to2UpcasterTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final FeedbackGiven EXPECTED = new FeedbackGiven(
            UUID.fromString("0b7f6d9e-2c1a-4f3e-9a51-1d2c3b4a5e61"), UUID.fromString("1c8e7f0a-3d2b-4e4f-8b62-2e3d4c5b6f72"),
            UUID.fromString("2d9f8a1b-4e3c-4f5a-9c73-3f4e5d6c7a83"), Answer.YES, Answer.PARTLY, Answer.NO, null, null,
            Instant.parse("2026-03-02T19:30:00Z"));

    @Test
    void aVersion1RecordOnTheTopicReadsAsVersion2WithNoPremisesAnswer() throws IOException {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "fi.perhekeskus.meeting.FeedbackGiven.v1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", "2026-03-02T19:30:00Z".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", EXPECTED.programmeId().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_sequence", "3".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("perhekeskus.meeting.events.v1", 0, 0L,
                0L, TimestampType.CREATE_TIME, 0, 0, EXPECTED.programmeId().toString(), fixture(), headers, Optional.empty());

        Optional<EventMessage<?>> read = new CloudEventsMessageConverter(JSON, "/test").readKafkaMessage(record);

        assertThat(read).isPresent();
        assertThat(read.get().getPayload()).isEqualTo(EXPECTED);
        assertThat(((FeedbackGiven) read.get().getPayload()).premisesSuited()).isNull();
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = FeedbackGiven1to2UpcasterTest.class.getResourceAsStream("/upcasting/FeedbackGiven.v1.json")) {
            return in.readAllBytes();
        }
    }
}
