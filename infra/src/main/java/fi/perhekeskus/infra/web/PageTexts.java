package fi.perhekeskus.infra.web;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A server-rendered page's texts in fi, sv and en, by a key enum of the page's own. Built from the three
 * per-language tables; a table that lacks a text for any key (or has a blank one) is refused when built,
 * so a missing translation fails the page's class initialisation and its unit tests, never a request.
 * Immutable.
 */
public final class PageTexts<K extends Enum<K>> {

    /** The languages the pages are written in. */
    public enum Language {
        FI, SV, EN;

        /** The language tag: fi, sv or en. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Language, Localised<K>> byLanguage = new EnumMap<>(Language.class);

    public PageTexts(Class<K> keys, Map<K, String> fi, Map<K, String> sv, Map<K, String> en) {
        byLanguage.put(Language.FI, new Localised<>(Language.FI, table(keys, Language.FI, fi)));
        byLanguage.put(Language.SV, new Localised<>(Language.SV, table(keys, Language.SV, sv)));
        byLanguage.put(Language.EN, new Localised<>(Language.EN, table(keys, Language.EN, en)));
    }

    private static <K extends Enum<K>> Map<K, String> table(Class<K> keys, Language language, Map<K, String> texts) {
        Set<K> missing = EnumSet.allOf(keys);
        for (Map.Entry<K, String> text : texts.entrySet()) {
            if (text.getValue() != null && !text.getValue().isBlank()) {
                missing.remove(text.getKey());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no " + language.tag() + " text for " + missing);
        }
        return Map.copyOf(new EnumMap<>(texts));
    }

    /**
     * The texts for a request: {@code ?lang=} when given (fi, sv or en; anything else is a 400 naming
     * {@code lang}), else the first of the browser's languages that the page has, else Finnish.
     */
    public Localised<K> choose(String lang, List<Locale> accepted) {
        return in(Language.valueOf(HtmlPages.language(lang, accepted).toUpperCase(Locale.ROOT)));
    }

    /** The texts in one language. */
    public Localised<K> in(Language language) {
        return byLanguage.get(language);
    }

    /** A page's texts in one language. */
    public static final class Localised<K extends Enum<K>> {

        private final Language language;
        private final Map<K, String> texts;

        private Localised(Language language, Map<K, String> texts) {
            this.language = language;
            this.texts = texts;
        }

        public Language language() {
            return language;
        }

        /** The language tag: fi, sv or en. */
        public String tag() {
            return language.tag();
        }

        /** The text of {@code key}; every key has one. */
        public String text(K key) {
            return texts.get(key);
        }
    }
}
