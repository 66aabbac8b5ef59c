package fi.perhekeskus.referral.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of the messages, in Finnish, Swedish and English: resource bundle
 * {@code notifications/messages} with {@code <kind>.subject} and {@code <kind>.body}, whose
 * {@code {name}} placeholders take the message's parameters. A parameter ending in {@code At} is an
 * instant, written in the language's {@code format.time} in the configured zone.
 */
public final class NotificationTemplates {

    /** The languages messages are written in; the first is the default. */
    public static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    public record Rendered(String subject, String body) {
    }

    private final ZoneId zone;

    public NotificationTemplates(ZoneId zone) {
        this.zone = zone;
    }

    /** The first of the family's languages that messages are written in, else Finnish. */
    public static String languageFor(List<String> languages) {
        if (languages != null) {
            for (String language : languages) {
                String code = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
                if (LANGUAGES.contains(code)) {
                    return code;
                }
            }
        }
        return LANGUAGES.get(0);
    }

    public Rendered render(NotificationKind kind, String language, Map<String, String> parameters) {
        ResourceBundle bundle = bundle(language);
        return new Rendered(fill(bundle, bundle.getString(kind.templateKey() + ".subject"), parameters),
                fill(bundle, bundle.getString(kind.templateKey() + ".body"), parameters));
    }

    private static ResourceBundle bundle(String language) {
        String code = LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
        // No fallback to the JVM's locale: a missing Swedish text must not turn into the machine's language.
        return ResourceBundle.getBundle("notifications.messages", Locale.forLanguageTag(code),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private String fill(ResourceBundle bundle, String template, Map<String, String> parameters) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = parameters.get(name);
            if (value == null) {
                throw new MissingResourceException("no parameter " + name, getClass().getName(), name);
            }
            if (name.endsWith("At")) {
                value = DateTimeFormatter.ofPattern(bundle.getString("format.time"), bundle.getLocale())
                        .format(Instant.parse(value).atZone(zone));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
