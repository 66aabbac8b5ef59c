package fi.perhekeskus.infra.serialization;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/**
 * Text that every store and topic of the platform can hold: no U+0000 (PostgreSQL's text refuses
 * it, so a view or queue written from the event would fail on it again and again) and no unpaired
 * surrogate (UTF-8 cannot encode one, so it would be stored changed, as '?' or U+FFFD). JSON can
 * carry both as escapes; neither is ever part of a name, a reason or any other real text.
 */
public final class StorableText {

    /** The field message a refused string gets in a problem's {@code errors}. */
    public static final String REFUSED = "contains a character that cannot be stored (U+0000 or an unpaired surrogate)";

    private StorableText() {
    }

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Jackson reads every string through {@link #isStorable}; one that is not fails as a wrong value of its field. */
    public static SimpleModule module() {
        return new SimpleModule("storable-text").addDeserializer(String.class, new Deserializer());
    }

    /** A copy of {@code mapper} that reads with {@link #module()}; the original is left as it is. */
    public static ObjectMapper reader(ObjectMapper mapper) {
        return mapper.copy().registerModule(module());
    }

    /** Thrown (as Jackson's wrong-value failure, so the field's path is kept) for a string that is not storable. */
    public static boolean isRefusal(Throwable e) {
        return e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class
                && REFUSED.equals(invalid.getOriginalMessage());
    }

    private static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && !isStorable(value)) {
                throw InvalidFormatException.from(parser, REFUSED, null, String.class);
            }
            return value;
        }
    }
}
