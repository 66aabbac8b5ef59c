package fi.perhekeskus.contract;

import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.gathering.OpenPlaceRegistered;
import fi.perhekeskus.contract.directory.ServiceUpdated;
import fi.perhekeskus.contract.directory.ServiceWithdrawn;
import fi.perhekeskus.contract.family.FamilyDetailsChanged;
import fi.perhekeskus.contract.family.FamilyRegistered;
import fi.perhekeskus.contract.gathering.NetworkMeetingHeld;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.contract.referral.ReferralMade;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No event carries readable free text or a person's name: every String in every public event is
 * either a worker id from the caller's token (the {@code ...By} fields, as the contract says) or one
 * of the public, non-personal values listed here with why. Anything else must be a code or Sealed.
 */
class NoFreeTextInEventsTest {

    /** Public values: the directory and the programmes are published to families and agencies alike. */
    private static final Map<Class<?>, Set<String>> PUBLIC = Map.ofEntries(
            // An agency's contact address is its functional mailbox (neuvola@kunta.fi), published like its name;
            // messages to it carry a link only. A family's address is sealed and never appears here.
            Map.entry(AgencyRegistered.class, Set.of("name", "organizerName", "municipality", "servedMunicipalities", "contactEmail")),
            Map.entry(ServiceListed.class, Set.of("name", "municipalities", "languages", "description")),
            Map.entry(ServiceUpdated.class, Set.of("name", "municipalities", "languages", "description")),
            // The agency's published statement why its service left the directory: no family's data.
            Map.entry(ServiceWithdrawn.class, Set.of("reason")),
            Map.entry(FamilyRegistered.class, Set.of("municipality", "languages")),
            Map.entry(FamilyDetailsChanged.class, Set.of("municipality", "languages")),
            Map.entry(ReferralMade.class, Set.of("municipality")),
            // Need codes: the API accepts only ^[A-Z_]{2,40}$ there.
            Map.entry(NetworkMeetingHeld.class, Set.of("needsAssessed")),
            Map.entry(ProgrammeScheduled.class, Set.of("name", "location")),
            Map.entry(ProgrammeScheduled.Session.class, Set.of("topic")),
            // The public registry of open meeting places: what families see in the finder.
            Map.entry(OpenPlaceRegistered.class, Set.of("name", "municipality", "address", "openingHours")));

    @Test
    void everyStringOfEveryEventIsAWorkerIdOrAPublicValue() {
        List<String> readable = new ArrayList<>();
        EventCatalog.events().forEach(event -> collect(event, readable));
        assertThat(readable).as("String fields of public events that are neither worker ids nor public values")
                .isEmpty();
    }

    private static void collect(Class<?> record, List<String> readable) {
        for (RecordComponent component : record.getRecordComponents()) {
            Type type = component.getGenericType();
            Type element = type instanceof ParameterizedType list ? list.getActualTypeArguments()[0] : type;
            if (element instanceof Class<?> nested && nested.isRecord() && nested != Sealed.class) {
                collect(nested, readable);
            } else if (element == String.class && !isWorkerId(component.getName())
                    && !PUBLIC.getOrDefault(record, Set.of()).contains(component.getName())) {
                readable.add(record.getSimpleName() + "." + component.getName());
            }
        }
    }

    /** The token's {@code sub}: the acting worker's id, recorded in events by contract. */
    private static boolean isWorkerId(String name) {
        return name.endsWith("By");
    }
}
