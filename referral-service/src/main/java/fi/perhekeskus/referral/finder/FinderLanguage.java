package fi.perhekeskus.referral.finder;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The finder's languages (fi, sv, en) and its texts in each. */
public enum FinderLanguage {

    FI(Map.ofEntries(
            Map.entry("title", "Sähköinen perhekeskus – löydä palvelu"),
            Map.entry("intro", "Palvelut, avoimet kohtaamispaikat ja alkavat ryhmät lapsiperheille. Valitse, mikä "
                    + "koskee teitä – et tarvitse kirjautumista."),
            Map.entry("languages", "Kieli"), Map.entry("filters", "Rajaa hakua"),
            Map.entry("municipality", "Kunta"), Map.entry("age", "Lapsen ikä"), Map.entry("language", "Palvelun kieli"),
            Map.entry("need", "Millaista tukea tarvitsette"), Map.entry("any", "Kaikki"),
            Map.entry("under1", "alle 1 v"), Map.entry("years", "v"), Map.entry("search", "Näytä palvelut"),
            Map.entry("GREEN", "Arjen tukea kaikille"), Map.entry("YELLOW", "Lisätukea ja ohjausta"),
            Map.entry("RED", "Erityistä tukea"),
            Map.entry("services", "Palvelut"), Map.entry("places", "Avoimet kohtaamispaikat"),
            Map.entry("groups", "Alkavat ryhmät, joissa on tilaa"),
            Map.entry("noServices", "Hakuasi vastaavia palveluja ei löytynyt."),
            Map.entry("noPlaces", "Ei avoimia kohtaamispaikkoja."), Map.entry("noGroups", "Ei alkavia ryhmiä, joissa on tilaa."),
            Map.entry("OPEN", "Ottaa vastaan"), Map.entry("WAITLIST", "Jonossa"), Map.entry("CLOSED", "Ei ota nyt vastaan"),
            Map.entry("ASSESSMENT_REQUIRED", "Tarpeen arvio ensin"), Map.entry("wait", "arvioitu odotus %d vk"),
            Map.entry("INDIVIDUAL", "Yksilöllinen"), Map.entry("GROUP", "Ryhmä"), Map.entry("OPEN_KIND", "Avoin"),
            Map.entry("ages", "Lapsen ikä %s"), Map.entry("months", "kk"), Map.entry("inLanguages", "Kielet"),
            Map.entry("where", "Kunnat"), Map.entry("capacity", "Tilanne"), Map.entry("starts", "Alkaa"),
            Map.entry("free", "Vapaita paikkoja"), Map.entry("hours", "Aukioloajat"), Map.entry("address", "Osoite"),
            Map.entry("fi", "suomi"), Map.entry("sv", "ruotsi"), Map.entry("en", "englanti"))),
    SV(Map.ofEntries(
            Map.entry("title", "Elektroniskt familjecenter – hitta en tjänst"),
            Map.entry("intro", "Tjänster, öppna mötesplatser och grupper som börjar, för barnfamiljer. Välj det som "
                    + "gäller er – ingen inloggning behövs."),
            Map.entry("languages", "Språk"), Map.entry("filters", "Avgränsa sökningen"),
            Map.entry("municipality", "Kommun"), Map.entry("age", "Barnets ålder"), Map.entry("language", "Tjänstens språk"),
            Map.entry("need", "Vilket stöd behöver ni"), Map.entry("any", "Alla"),
            Map.entry("under1", "under 1 år"), Map.entry("years", "år"), Map.entry("search", "Visa tjänster"),
            Map.entry("GREEN", "Stöd i vardagen för alla"), Map.entry("YELLOW", "Extra stöd och handledning"),
            Map.entry("RED", "Särskilt stöd"),
            Map.entry("services", "Tjänster"), Map.entry("places", "Öppna mötesplatser"),
            Map.entry("groups", "Grupper som börjar och har plats"),
            Map.entry("noServices", "Inga tjänster motsvarar din sökning."),
            Map.entry("noPlaces", "Inga öppna mötesplatser."), Map.entry("noGroups", "Inga grupper som börjar och har plats."),
            Map.entry("OPEN", "Tar emot"), Map.entry("WAITLIST", "Kö"), Map.entry("CLOSED", "Tar inte emot nu"),
            Map.entry("ASSESSMENT_REQUIRED", "Behovet bedöms först"), Map.entry("wait", "uppskattad väntan %d veckor"),
            Map.entry("INDIVIDUAL", "Individuell"), Map.entry("GROUP", "Grupp"), Map.entry("OPEN_KIND", "Öppen"),
            Map.entry("ages", "Barnets ålder %s"), Map.entry("months", "mån"), Map.entry("inLanguages", "Språk"),
            Map.entry("where", "Kommuner"), Map.entry("capacity", "Läge"), Map.entry("starts", "Börjar"),
            Map.entry("free", "Lediga platser"), Map.entry("hours", "Öppettider"), Map.entry("address", "Adress"),
            Map.entry("fi", "finska"), Map.entry("sv", "svenska"), Map.entry("en", "engelska"))),
    EN(Map.ofEntries(
            Map.entry("title", "Family centre online – find a service"),
            Map.entry("intro", "Services, open meeting places and groups about to start, for families with children. "
                    + "Choose what fits you – no sign-in needed."),
            Map.entry("languages", "Language"), Map.entry("filters", "Narrow the search"),
            Map.entry("municipality", "Municipality"), Map.entry("age", "Child's age"),
            Map.entry("language", "Language of the service"),
            Map.entry("need", "What support you need"), Map.entry("any", "All"),
            Map.entry("under1", "under 1 year"), Map.entry("years", "years"), Map.entry("search", "Show services"),
            Map.entry("GREEN", "Everyday support for all"), Map.entry("YELLOW", "Extra support and guidance"),
            Map.entry("RED", "Specialised support"),
            Map.entry("services", "Services"), Map.entry("places", "Open meeting places"),
            Map.entry("groups", "Groups starting soon with room"),
            Map.entry("noServices", "No services match your search."),
            Map.entry("noPlaces", "No open meeting places."), Map.entry("noGroups", "No upcoming groups with room."),
            Map.entry("OPEN", "Taking families"), Map.entry("WAITLIST", "Waiting list"),
            Map.entry("CLOSED", "Not taking families now"),
            Map.entry("ASSESSMENT_REQUIRED", "Needs an assessment first"), Map.entry("wait", "expected wait %d weeks"),
            Map.entry("INDIVIDUAL", "Individual"), Map.entry("GROUP", "Group"), Map.entry("OPEN_KIND", "Drop-in"),
            Map.entry("ages", "Child's age %s"), Map.entry("months", "months"), Map.entry("inLanguages", "Languages"),
            Map.entry("where", "Municipalities"), Map.entry("capacity", "Status"), Map.entry("starts", "Starts"),
            Map.entry("free", "Free places"), Map.entry("hours", "Opening hours"), Map.entry("address", "Address"),
            Map.entry("fi", "Finnish"), Map.entry("sv", "Swedish"), Map.entry("en", "English")));

    private final Map<String, String> texts;

    FinderLanguage(Map<String, String> texts) {
        this.texts = texts;
    }

    /**
     * {@code ?lang=} when it names one of the three, else the browser's Accept-Language, else
     * Finnish: a public page answers whatever it is asked, never with an error for a language.
     */
    public static FinderLanguage choose(String lang, String acceptLanguage) {
        Optional<FinderLanguage> asked = of(lang);
        if (asked.isPresent()) {
            return asked.get();
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String found = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("fi", "sv", "en"));
                if (found != null) {
                    return of(found).orElse(FI);
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is no preference.
            }
        }
        return FI;
    }

    static Optional<FinderLanguage> of(String lang) {
        if (lang == null) {
            return Optional.empty();
        }
        return switch (lang) {
            case "fi" -> Optional.of(FI);
            case "sv" -> Optional.of(SV);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        return text;
    }

    /** A language tag's name in this language when it is one of the three, else the tag itself. */
    public String languageName(String tag) {
        return texts.getOrDefault(tag, tag);
    }
}
