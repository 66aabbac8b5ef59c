package fi.perhekeskus.referral.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.referral.family.Contact;
import fi.perhekeskus.referral.family.FamilyProjection;
import fi.perhekeskus.referral.privacy.AccessLog;
import org.bson.Document;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a message goes, found only when it is sent: an agency's contact address (from its
 * registration), or a family's address, opened from its sealed contact details with the family's
 * key. An erased family's key is gone, so its address cannot be opened and its messages are
 * discarded. Opening a family's address is a use of its data and goes to its access log.
 */
@Component
public class Recipients {

    /** The address and the language to write in, or why there is none. */
    public record Recipient(String email, String language, String missing) {

        static Recipient to(String email, String language) {
            return new Recipient(email, language, null);
        }

        static Recipient none(String why) {
            return new Recipient(null, null, why);
        }

        public boolean found() {
            return email != null;
        }
    }

    /** The access log's worker for reads by the sender itself. */
    static final String SENDER = "notification-sender";

    private final JdbcTemplate jdbc;
    private final FamilyProjection families;
    private final FamilySealer sealer;
    private final AccessLog log;
    private final ObjectMapper json;
    private final Clock clock;

    public Recipients(JdbcTemplate jdbc, FamilyProjection families, FamilySealer sealer, AccessLog log,
                      ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.families = families;
        this.sealer = sealer;
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    public Recipient of(NotificationOutbox.Message message) {
        return message.recipientKind() == RecipientKind.AGENCY ? agency(message.recipientId()) : family(message);
    }

    private Recipient agency(UUID agencyId) {
        // Agencies' messages carry a link only; Finnish is the network's working language.
        return jdbc.queryForList("SELECT contact_email FROM notification_agencies WHERE agency_id = ?", String.class,
                        agencyId).stream().filter(e -> e != null && !e.isBlank()).findFirst()
                .map(email -> Recipient.to(email, NotificationTemplates.LANGUAGES.get(0)))
                .orElse(Recipient.none("the agency has no contact address"));
    }

    private Recipient family(NotificationOutbox.Message message) {
        UUID familyId = message.recipientId();
        Optional<Document> family = families.family(familyId);
        if (family.isEmpty()) {
            return Recipient.none("no such family");
        }
        if (family.get().getBoolean("erased", false)) {
            return Recipient.none("the family was erased");
        }
        String sealed = family.get().getString("contact");
        if (sealed == null) {
            return Recipient.none("the family has no contact address");
        }
        Optional<String> opened = sealer.open(familyId, new Sealed(sealed));
        if (opened.isEmpty()) {
            return Recipient.none("the family was erased");
        }
        log.usage(familyId, SENDER, null, "e-mail notification " + message.kind() + " (message " + message.messageId() + ")",
                "contact details the family gave for messages", AccessLog.Outcome.ALLOWED, clock.instant());
        Contact contact;
        try {
            contact = json.readValue(opened.get(), Contact.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the family's sealed contact details are not readable", e);
        }
        if (contact.email() == null || contact.email().isBlank()) {
            return Recipient.none("the family has no e-mail address");
        }
        return Recipient.to(contact.email(), NotificationTemplates.languageFor(family.get().getList("languages",
                String.class, List.of())));
    }
}
