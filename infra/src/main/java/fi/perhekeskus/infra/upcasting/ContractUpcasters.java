package fi.perhekeskus.infra.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.perhekeskus.contract.EventCatalog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every upcaster of the public contract, applied in version order. */
public final class ContractUpcasters {

    private static final List<JsonUpcaster> ALL = List.of(new AgencyRegistered1to2Upcaster(), new AgencyRegistered2to3Upcaster(),
            OptionalFieldAddedUpcaster.feedbackGiven1to2(), OptionalFieldAddedUpcaster.familyRegistered1to2(),
            OptionalFieldAddedUpcaster.familyMemberAdded1to2(),
            PlainTextDroppingUpcaster.consentGiven1to2(), PlainTextDroppingUpcaster.referralMade1to2(),
            new ReferralMade2to3Upcaster(),
            PlainTextDroppingUpcaster.referralAccepted1to2(), SessionChangeReasonUpcaster.groupSessionCancelled1to2(),
            SessionChangeReasonUpcaster.groupSessionRescheduled1to2());
    private static final Pattern TYPE = Pattern.compile("^fi\\.perhekeskus\\.(\\w+)\\.(\\w+)\\.v(\\d+)$");

    private ContractUpcasters() {
    }

    public static List<JsonUpcaster> all() {
        return ALL;
    }

    /** The current class of an older CloudEvents type, if upcasters lead from it to the current version. */
    public static Optional<Class<?>> currentClassOf(String olderType) {
        Matcher m = TYPE.matcher(olderType);
        if (!m.matches()) {
            return Optional.empty();
        }
        return EventCatalog.events().stream()
                .filter(e -> EventCatalog.nameOf(e).equals(m.group(2)))
                .filter(e -> EventCatalog.versionOf(e) > Integer.parseInt(m.group(3)))
                .findFirst();
    }

    public static int versionOf(String type) {
        Matcher m = TYPE.matcher(type);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a contract type: " + type);
        }
        return Integer.parseInt(m.group(3));
    }

    /** Upcasts the JSON of {@code name} from {@code version} to {@code targetVersion}. */
    public static ObjectNode upcast(String name, int version, int targetVersion, ObjectNode json) {
        ObjectNode current = json;
        for (int v = version; v < targetVersion; v++) {
            int from = v;
            JsonUpcaster step = ALL.stream()
                    .filter(u -> u.eventName().equals(name) && u.fromVersion() == from)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no upcaster for " + name + " v" + from));
            current = step.upcast(current);
        }
        return current;
    }
}
