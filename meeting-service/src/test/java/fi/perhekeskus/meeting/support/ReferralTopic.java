package fi.perhekeskus.meeting.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.EventCatalog;
import fi.perhekeskus.contract.Topics;
import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.family.ConsentGiven;
import fi.perhekeskus.contract.family.ConsentWithdrawn;
import fi.perhekeskus.contract.family.FamilyErased;
import fi.perhekeskus.contract.family.FamilyRegistered;
import fi.perhekeskus.infra.kafka.CloudEvents;
import fi.perhekeskus.infra.local.LocalInfrastructure;
import fi.perhekeskus.meeting.parties.FamilyConsents;
import fi.perhekeskus.meeting.parties.FamilyStanding;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.clients.producer.Producer;
import fi.perhekeskus.infra.security.RegisteredAgencies;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Publishes what referral-service would publish on the referral topic (agencies, families,
 * consents, erasures), as CloudEvents records, and waits until meeting-service has learnt it: that
 * knowledge arrives from Kafka, a few hundred milliseconds after referral-service answered.
 * The values are written as JSON with only the fields meeting-service reads besides the required
 * ones, so these tests do not depend on how personal values in them are sealed.
 */
public class ReferralTopic implements AutoCloseable {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final String SEALED = "v1.c2VhbGVkLWluLXRlc3Rz";

    private final ObjectMapper json;
    private final FamilyConsents families;
    private final RegisteredAgencies agencies;
    private final Producer<String, byte[]> producer;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    public ReferralTopic(ObjectMapper json, FamilyConsents families, RegisteredAgencies agencies) {
        this.json = json;
        this.families = families;
        this.agencies = agencies;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfrastructure.shared().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }

    /** Registers the agencies and waits until meeting-service knows them. */
    public void agencies(UUID... ids) {
        for (UUID id : ids) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("agencyId", id);
            value.put("name", "Agency " + id.toString().substring(0, 8));
            value.put("organizerType", "WELLBEING_COUNTY");
            value.put("organizerName", "Pirkanmaan hyvinvointialue");
            value.put("municipality", "Tampere");
            value.put("servedMunicipalities", List.of("Tampere"));
            value.put("registeredBy", "coordinator-1");
            value.put("registeredAt", Instant.now());
            publish(AgencyRegistered.class, id, value);
        }
        for (UUID id : ids) {
            await().atMost(ARRIVAL).until(() -> agencies.isRegistered(id));
        }
    }

    /** A family registered by {@code agency}; waits until meeting-service knows it. */
    public UUID family(UUID agency) {
        return family(agency, "Tampere");
    }

    /** A family of {@code municipality} registered by {@code agency}; waits until meeting-service knows it. */
    public UUID family(UUID agency, String municipality) {
        return family(agency, municipality, null);
    }

    /**
     * A family of {@code municipality} registered by {@code agency}, with a child born in
     * {@code childBorn} when it is given (published as FamilyRegistered v2 does: the month readable,
     * the rest sealed); waits until meeting-service knows it.
     */
    public UUID family(UUID agency, String municipality, java.time.YearMonth childBorn) {
        UUID family = UUID.randomUUID();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("familyId", family);
        value.put("registeredByAgencyId", agency);
        value.put("municipality", municipality);
        value.put("languages", List.of("fi"));
        List<Map<String, Object>> members = new java.util.ArrayList<>();
        members.add(Map.of("memberId", UUID.randomUUID(), "role", "PARENT", "personalData", SEALED));
        if (childBorn != null) {
            members.add(Map.of("memberId", UUID.randomUUID(), "role", "CHILD", "personalData", SEALED,
                    "birthMonth", childBorn.toString()));
        }
        value.put("members", members);
        value.put("registeredBy", "worker-1");
        value.put("registeredAt", Instant.now());
        publish(FamilyRegistered.class, family, value);
        awaitStanding(family, Optional::isPresent);
        return family;
    }

    /**
     * A group service of {@code agency} listed for {@code municipalities}. Published only: what waits for
     * it depends on the reader (the invitations' store).
     */
    public void service(UUID service, UUID agency, List<String> municipalities) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("serviceId", service);
        value.put("agencyId", agency);
        value.put("name", "Meidän vauva -ryhmä");
        value.put("kind", "GROUP");
        value.put("needLevel", "GREEN");
        value.put("ageFromMonths", 0);
        value.put("ageToMonths", 12);
        value.put("municipalities", municipalities);
        value.put("languages", List.of("fi"));
        value.put("listedBy", "coordinator-1");
        value.put("listedAt", Instant.now());
        publish(ServiceListed.class, service, value);
    }

    /** A consent covering {@code agencyIds} until {@code validUntil}; waits until meeting-service has it. */
    public UUID consent(UUID family, LocalDate validUntil, UUID... agencyIds) {
        UUID consent = giveConsent(family, validUntil, agencyIds);
        if (!validUntil.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            awaitStanding(family, s -> s.map(f -> f.coveredAgencies().containsAll(List.of(agencyIds))).orElse(false));
        } else {
            // An expired consent changes nothing visible: a valid one for a stranger follows it on the family's
            // partition, and once that one has arrived so has the expired one.
            UUID marker = UUID.randomUUID();
            giveConsent(family, LocalDate.now(ZoneOffset.UTC).plusYears(1), marker);
            awaitStanding(family, s -> s.map(f -> f.covers(marker)).orElse(false));
        }
        return consent;
    }

    private UUID giveConsent(UUID family, LocalDate validUntil, UUID... agencyIds) {
        UUID consent = UUID.randomUUID();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("familyId", family);
        value.put("consentId", consent);
        value.put("agencyIds", List.of(agencyIds));
        value.put("purpose", SEALED);
        value.put("givenBy", SEALED);
        value.put("validUntil", validUntil);
        value.put("recordedByAgencyId", agencyIds[0]);
        value.put("recordedBy", "worker-1");
        value.put("givenAt", Instant.now());
        publish(ConsentGiven.class, family, value);
        return consent;
    }

    /** Withdraws the consent; waits until the agency it covered is no longer covered. */
    public void withdraw(UUID family, UUID consent, UUID coveredAgency) {
        publish(ConsentWithdrawn.class, family, Map.of("familyId", family, "consentId", consent,
                "withdrawnBy", "worker-1", "withdrawnAt", Instant.now()));
        awaitStanding(family, s -> s.map(f -> !f.covers(coveredAgency)).orElse(true));
    }

    /** Erases the family; waits until meeting-service treats it as unknown. */
    public void erase(UUID family) {
        publish(FamilyErased.class, family, Map.of("familyId", family, "erasedBy", "coordinator-1",
                "erasedAt", Instant.now()));
        awaitStanding(family, Optional::isEmpty);
    }

    private void awaitStanding(UUID family, Predicate<Optional<FamilyStanding>> arrived) {
        await().atMost(ARRIVAL).until(() -> arrived.test(families.standing(family, LocalDate.now(ZoneOffset.UTC))));
    }

    private void publish(Class<?> type, UUID aggregate, Map<String, Object> value) {
        long sequence = sequences.merge(aggregate.toString(), 1L, Long::sum) - 1;
        Headers headers = new RecordHeaders();
        header(headers, CloudEvents.SPEC_VERSION, "1.0");
        header(headers, CloudEvents.ID, UUID.randomUUID().toString());
        header(headers, CloudEvents.TYPE, EventCatalog.typeOf(type));
        header(headers, CloudEvents.SOURCE, "/perhekeskus/referral-service");
        header(headers, CloudEvents.TIME, Instant.now().toString());
        header(headers, CloudEvents.SUBJECT, aggregate.toString());
        header(headers, CloudEvents.SEQUENCE, Long.toString(sequence));
        header(headers, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        try {
            producer.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, null, aggregate.toString(),
                    json.writeValueAsBytes(value), headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + type.getSimpleName(), e);
        }
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
