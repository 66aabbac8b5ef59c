package fi.perhekeskus.referral.family;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Finnish personal identity code (henkilötunnus) DDMMYYCZZZQ: birth date, century sign,
 * individual number and a check character — the remainder of DDMMYYZZZ divided by 31.
 */
public final class PersonalIdentityCode {

    private static final Pattern FORMAT = Pattern.compile("^(\\d{2})(\\d{2})(\\d{2})([-+A-FU-Y])(\\d{3})([0-9A-Y])$");
    private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final Map<Character, Integer> CENTURIES = Map.ofEntries(
            Map.entry('+', 1800), Map.entry('-', 1900), Map.entry('U', 1900), Map.entry('V', 1900),
            Map.entry('W', 1900), Map.entry('X', 1900), Map.entry('Y', 1900), Map.entry('A', 2000),
            Map.entry('B', 2000), Map.entry('C', 2000), Map.entry('D', 2000), Map.entry('E', 2000),
            Map.entry('F', 2000));

    private PersonalIdentityCode() {
    }

    /** Why the code is not valid (for this birth date), or null when it is. */
    public static String problem(String code, LocalDate birthDate) {
        Matcher m = FORMAT.matcher(code);
        if (!m.matches()) {
            return "is not in the format DDMMYYCZZZQ";
        }
        LocalDate born;
        try {
            born = LocalDate.of(CENTURIES.get(m.group(4).charAt(0)) + Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            return "has no valid birth date";
        }
        long number = Long.parseLong(m.group(1) + m.group(2) + m.group(3) + m.group(5));
        if (CHECK_CHARACTERS.charAt((int) (number % 31)) != m.group(6).charAt(0)) {
            return "has a wrong check character";
        }
        if (birthDate != null && !born.equals(birthDate)) {
            return "does not match the birth date";
        }
        return null;
    }
}
