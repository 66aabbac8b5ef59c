package fi.perhekeskus.referral.family;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.family.MemberRole;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.consistency.ViewCatchUp;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.referral.ProcessingGroups;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.referral.privacy.AccessLog;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opens a family's personal data for a worker whose agency registered the family or is named in
 * a valid consent; every attempt, allowed or refused, goes to the access log.
 */
@Component
public class FamilyReader {

    private final FamilyProjection view;
    private final FamilyAccess access;
    private final FamilySealer sealer;
    private final AccessLog log;
    private final ObjectMapper json;
    private final ViewCatchUp catchUp;
    private final Clock clock;

    public FamilyReader(FamilyProjection view, FamilyAccess access, FamilySealer sealer, AccessLog log, ObjectMapper json,
                        ViewCatchUp catchUp, Clock clock) {
        this.view = view;
        this.catchUp = catchUp;
        this.access = access;
        this.sealer = sealer;
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    public FamilyResponse read(UUID familyId, Caller caller, String purpose) {
        var basis = caller.agency().flatMap(agency -> access.basisFor(familyId, agency));
        catchUp.await(ProcessingGroups.VIEWS);
        Document family = view.family(familyId).orElse(null);
        if (basis.isEmpty()) {
            log.usage(familyId, caller.workerId(), caller.agency().orElse(null), purpose, null,
                    AccessLog.Outcome.REFUSED, clock.instant());
            throw new UnknownException("no such family");
        }
        if (family == null) {
            // Registered a moment ago and not in the view yet: nothing was read, so nothing is logged.
            throw new UnknownException("no such family (yet)");
        }
        log.usage(familyId, caller.workerId(), caller.agencyId(), purpose, basis.get().describe(),
                AccessLog.Outcome.ALLOWED, clock.instant());
        List<FamilyResponse.Member> members = new ArrayList<>();
        for (Document m : family.getList("members", Document.class, List.of())) {
            PersonalData data = open(familyId, m.getString("personalData"));
            members.add(new FamilyResponse.Member(UUID.fromString(m.getString("memberId")),
                    MemberRole.valueOf(m.getString("role")),
                    data == null ? FamilySealer.ERASED : data.givenName(),
                    data == null ? FamilySealer.ERASED : data.familyName(),
                    data == null ? FamilySealer.ERASED : String.valueOf(data.birthDate()),
                    data == null ? null : data.personalIdentityCode()));
        }
        List<FamilyResponse.Consent> consents = new ArrayList<>();
        Document byId = family.get("consents", Document.class);
        if (byId != null) {
            for (Map.Entry<String, Object> e : byId.entrySet()) {
                Document c = (Document) e.getValue();
                String givenBy = opened(familyId, c.getString("givenBy"));
                consents.add(new FamilyResponse.Consent(UUID.fromString(e.getKey()),
                        c.getList("agencyIds", String.class).stream().map(UUID::fromString).toList(),
                        opened(familyId, c.getString("purpose")), givenBy, c.getString("validUntil"), c.getBoolean("withdrawn")));
            }
        }
        List<FamilyResponse.ResponsibleWorker> workers = new ArrayList<>();
        List<Document> assigned = family.getList("responsibleWorkers", Document.class, List.of());
        for (int i = 0; i < assigned.size(); i++) {
            Document w = assigned.get(i);
            String until = i + 1 < assigned.size() ? assigned.get(i + 1).getString("since") : null;
            String worker = w.getString("worker") == null ? FamilySealer.ERASED : opened(familyId, w.getString("worker"));
            workers.add(new FamilyResponse.ResponsibleWorker(UUID.fromString(w.getString("agencyId")), worker,
                    w.getString("since"), until));
        }
        return new FamilyResponse(familyId, family.getString("municipality"),
                family.getList("languages", String.class), family.getBoolean("erased", false), members, consents,
                contact(familyId, family.getString("contact")), workers.isEmpty() ? null : workers.get(workers.size() - 1),
                workers);
    }

    private Contact contact(UUID familyId, String sealed) {
        if (sealed == null) {
            return null;
        }
        return sealer.open(familyId, new Sealed(sealed)).map(text -> {
            try {
                return json.readValue(text, Contact.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the family's sealed contact details are not readable", e);
            }
        }).orElse(new Contact(FamilySealer.ERASED, FamilySealer.ERASED));
    }

    private String opened(UUID familyId, String sealed) {
        return sealed == null ? null : sealer.open(familyId, new Sealed(sealed)).orElse(FamilySealer.ERASED);
    }

    private PersonalData open(UUID familyId, String sealed) {
        if (sealed == null) {
            return null;
        }
        return sealer.open(familyId, new Sealed(sealed)).map(text -> {
            try {
                return json.readValue(text, PersonalData.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a member's sealed data is not readable", e);
            }
        }).orElse(null);
    }
}
