package fi.perhekeskus.referral.finder;

import fi.perhekeskus.contract.directory.NeedLevel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The finder's filters as the form sends them. A public form is read leniently: a value it could
 * not have sent (an unknown need level, an age out of range, an over-long text) is no filter.
 */
record FinderQuery(String municipality, Integer ageYears, String language, NeedLevel need) {

    static final int MAX_AGE_YEARS = 17;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})?");

    static FinderQuery of(String municipality, String age, String language, String need) {
        return new FinderQuery(text(municipality), age(age), LANGUAGE_TAG.matcher(language == null ? "" : language)
                .matches() ? language : null, need(need));
    }

    Integer ageMonths() {
        return ageYears == null ? null : ageYears * 12;
    }

    /** The query string of these filters, for the language links. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (municipality != null) {
            p.put("municipality", municipality);
        }
        if (ageYears != null) {
            p.put("age", ageYears.toString());
        }
        if (language != null) {
            p.put("language", language);
        }
        if (need != null) {
            p.put("need", need.name());
        }
        return p;
    }

    private static String text(String value) {
        if (value == null || value.isBlank() || value.length() > 100) {
            return null;
        }
        return value.strip();
    }

    private static Integer age(String value) {
        try {
            int years = Integer.parseInt(value == null ? "" : value);
            return years >= 0 && years <= MAX_AGE_YEARS ? years : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static NeedLevel need(String value) {
        for (NeedLevel level : NeedLevel.values()) {
            if (level.name().equals(value)) {
                return level;
            }
        }
        return null;
    }
}
