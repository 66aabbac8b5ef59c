package fi.perhekeskus.infra.web;

import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problem answers in the caller's language: fi (the default), sv or en by {@code Accept-Language}.
 *
 * <p>Rules and checks keep writing their messages in English (they are also what logs and tests
 * read), and this catalogue translates them at the edge: each module lists its messages in
 * {@code META-INF/perhekeskus/problems_en.properties} with {@code {0}}, {@code {1}}… where a value
 * (an id, a state, a limit) is put in, and the same keys in {@code problems_fi} and
 * {@code problems_sv}. A message with no entry is answered as it is, in English, and the answer's
 * {@code Content-Language} then says so.
 */
public final class ProblemLanguage {

    public static final Locale FINNISH = Locale.forLanguageTag("fi");
    public static final Locale SWEDISH = Locale.forLanguageTag("sv");
    public static final List<Locale> SUPPORTED = List.of(FINNISH, SWEDISH, Locale.ENGLISH);
    static final String RESOURCE = "META-INF/perhekeskus/problems_%s.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    private static volatile ProblemLanguage shared;

    private final Map<String, Map<String, String>> byLanguage;
    private final Map<String, String> exact = new HashMap<>();
    private final List<Template> templates = new ArrayList<>();

    /** An English message with values in it, and the key of its translations. */
    private record Template(String key, Pattern english, int literalLength) {
    }

    /** A message in one language, and the language it is in. */
    public record Text(String text, Locale language) {
    }

    ProblemLanguage(Map<String, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage;
        byLanguage.getOrDefault("en", Map.of()).forEach((key, english) -> {
            if (PLACEHOLDER.matcher(english).find()) {
                templates.add(new Template(key, compile(english), PLACEHOLDER.matcher(english).replaceAll("").length()));
            } else {
                exact.put(english, key);
            }
        });
        // The most specific template first: "no such family (yet)" before "no such {0}".
        templates.sort(Comparator.comparingInt(Template::literalLength).reversed());
    }

    /** The catalogue of every module on the class path, read once. */
    public static ProblemLanguage shared() {
        ProblemLanguage catalogue = shared;
        if (catalogue == null) {
            synchronized (ProblemLanguage.class) {
                if (shared == null) {
                    shared = load(ProblemLanguage.class.getClassLoader());
                }
                catalogue = shared;
            }
        }
        return catalogue;
    }

    static ProblemLanguage load(ClassLoader loader) {
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        for (Locale language : SUPPORTED) {
            Map<String, String> texts = new HashMap<>();
            try {
                for (URL url : Collections.list(loader.getResources(RESOURCE.formatted(language.getLanguage())))) {
                    try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
                        Properties properties = new Properties();
                        properties.load(reader);
                        properties.forEach((key, value) -> texts.put((String) key, (String) value));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the problem texts", e);
            }
            byLanguage.put(language.getLanguage(), Map.copyOf(texts));
        }
        return new ProblemLanguage(byLanguage);
    }

    /** fi, sv or en: the caller's first choice among them; fi when none is asked for or readable. */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 200) {
            return FINNISH;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return chosen == null ? FINNISH : chosen;
        } catch (IllegalArgumentException unreadable) {
            return FINNISH;
        }
    }

    /** The message in {@code language}, or as it is (English) when the catalogue does not know it. */
    public Text translate(String english, Locale language) {
        if (english == null) {
            return new Text(null, language);
        }
        Map<String, String> texts = byLanguage.getOrDefault(language.getLanguage(), Map.of());
        String key = exact.get(english);
        if (key != null && texts.containsKey(key)) {
            return new Text(texts.get(key), language);
        }
        for (Template template : templates) {
            Matcher matcher = template.english().matcher(english);
            if (matcher.matches() && texts.containsKey(template.key())) {
                return new Text(fill(texts.get(template.key()), matcher), language);
            }
        }
        return new Text(english, Locale.ENGLISH);
    }

    /** The short title of an error status ({@code status.404} …). */
    public String title(int status, Locale language) {
        return byLanguage.getOrDefault(language.getLanguage(), Map.of()).get("status." + status);
    }

    /**
     * Puts a problem's title, detail and field messages in {@code language}; returns the language
     * the answer is in (English when any of its texts is unknown to the catalogue).
     */
    public Locale localise(ProblemDetail problem, Locale language) {
        boolean allKnown = true;
        String title = title(problem.getStatus(), language);
        if (title != null) {
            problem.setTitle(title);
        }
        if (problem.getDetail() != null) {
            Text detail = translate(problem.getDetail(), language);
            allKnown = detail.language().equals(language);
            problem.setDetail(detail.text());
        }
        Map<String, Object> properties = problem.getProperties();
        if (properties != null && properties.get("errors") instanceof List<?> errors) {
            List<ProblemDetailsAdvice.FieldError> translated = new ArrayList<>();
            for (Object error : errors) {
                if (error instanceof ProblemDetailsAdvice.FieldError field) {
                    Text message = translate(field.message(), language);
                    allKnown &= message.language().equals(language);
                    translated.add(new ProblemDetailsAdvice.FieldError(field.field(), message.text()));
                }
            }
            if (translated.size() == errors.size()) {
                // The properties may be an unmodifiable map.
                Map<String, Object> localised = new LinkedHashMap<>(properties);
                localised.put("errors", translated);
                problem.setProperties(localised);
            }
        }
        return allKnown ? language : Locale.ENGLISH;
    }

    Map<String, Map<String, String>> texts() {
        return byLanguage;
    }

    private static Pattern compile(String english) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(english);
        int at = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(english.substring(at, placeholder.start())));
            regex.append("(?<v").append(placeholder.group(1)).append(">.+?)");
            at = placeholder.end();
        }
        regex.append(Pattern.quote(english.substring(at)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String fill(String template, Matcher values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(values.group("v" + placeholder.group(1))));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }
}
