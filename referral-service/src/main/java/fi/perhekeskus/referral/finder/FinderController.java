package fi.perhekeskus.referral.finder;

import fi.perhekeskus.contract.directory.ServiceKind;
import fi.perhekeskus.infra.web.Limits;
import fi.perhekeskus.referral.directory.DirectoryProjection;
import fi.perhekeskus.referral.directory.Offers;
import fi.perhekeskus.referral.directory.ServiceSearch;
import fi.perhekeskus.referral.directory.ServiceSummary;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The families' own service finder (sähköinen perhekeskus) at {@code GET /}: public, no token. The
 * directory's services with their capacity, upcoming groups with room and the open meeting places,
 * filtered by municipality, child's age, language and need level. Nothing of any family is read.
 */
@RestController
@Hidden
public class FinderController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final DirectoryProjection directory;
    private final Offers offers;
    private final Clock clock;

    public FinderController(DirectoryProjection directory, Offers offers, Clock clock) {
        this.directory = directory;
        this.offers = offers;
        this.clock = clock;
    }

    @GetMapping("/")
    public ResponseEntity<String> finder(@RequestParam(required = false) String lang,
                                         @RequestParam(required = false) String municipality,
                                         @RequestParam(required = false) String age,
                                         @RequestParam(required = false) String language,
                                         @RequestParam(required = false) String need,
                                         @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                                         String acceptLanguage) {
        FinderLanguage chosen = FinderLanguage.choose(lang, acceptLanguage);
        FinderQuery query = FinderQuery.of(municipality, age, language, need);
        List<ServiceSummary> all = directory.search(new ServiceSearch(null, null, null, null, null, null, null,
                Limits.PAGE_MAX, 0));
        List<ServiceSummary> found = directory.search(new ServiceSearch(query.need(), query.municipality(),
                query.ageMonths(), query.language(), null, null, null, Limits.PAGE_MAX, 0));
        Map<UUID, ServiceSummary> byId = all.stream().collect(Collectors.toMap(ServiceSummary::id, Function.identity()));
        List<Offers.UpcomingGroup> groups = offers.upcomingWithRoom(clock.instant()).stream()
                .filter(g -> matches(byId.get(g.serviceId()), g, query)).toList();
        List<Offers.OpenPlace> places = offers.openPlaces(query.municipality());
        TreeSet<String> municipalities = all.stream().flatMap(s -> s.municipalities().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        places.forEach(p -> municipalities.add(p.municipality()));
        TreeSet<String> languages = all.stream().flatMap(s -> s.languages().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        String page = FinderPage.html(chosen, query, new FinderPage.Content(found, groups, places, municipalities,
                languages));
        return ResponseEntity.ok().contentType(HTML)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header("Content-Security-Policy", FinderPage.CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .body(page);
    }

    /** A group shows when its service is a listed GROUP service matching the filters, and its ages fit. */
    private static boolean matches(ServiceSummary service, Offers.UpcomingGroup group, FinderQuery query) {
        if (service == null || service.kind() != ServiceKind.GROUP) {
            return false;
        }
        Integer months = query.ageMonths();
        return (query.municipality() == null || service.municipalities().contains(query.municipality()))
                && (query.language() == null || service.languages().contains(query.language()))
                && (query.need() == null || service.needLevel() == query.need())
                && (months == null || (group.ageFromMonths() <= months && months <= group.ageToMonths()));
    }
}
