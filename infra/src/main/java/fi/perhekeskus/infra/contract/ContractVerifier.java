package fi.perhekeskus.infra.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fi.perhekeskus.contract.EventCatalog;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Checks every public event a service emits against the JSON Schema it publishes at
 * {@code /contract/schemas}; an event that breaks its schema fails the command. On in tests
 * ({@code perhekeskus.contract.verify-events}), so the contract cannot drift from the code.
 */
public class ContractVerifier implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ContractVerifier.class);
    private static final AtomicLong VERIFIED = new AtomicLong();

    private final ObjectMapper objectMapper;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public ContractVerifier(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public static long verifiedEvents() {
        return VERIFIED.get();
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            verify(message.getPayload());
            return message;
        };
    }

    public void verify(Object payload) {
        if (!EventCatalog.isPublic(payload.getClass())) {
            return;
        }
        String type = EventCatalog.typeOf(payload.getClass());
        JsonNode json = objectMapper.valueToTree(payload);
        Set<ValidationMessage> errors = schemas.computeIfAbsent(type, this::load).validate(json);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("event " + type + " breaks its published schema: " + errors);
        }
        long count = VERIFIED.incrementAndGet();
        if (count % 1000 == 0) {
            log.info("{} emitted events verified against their schemas", count);
        }
    }

    private JsonSchema load(String type) {
        String path = "META-INF/resources/contract/schemas/" + type + ".json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no published schema for " + type + " at " + path);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return factory.getSchema(objectMapper.readTree(in), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
