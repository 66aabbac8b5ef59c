package fi.perhekeskus.infra.testing;

import fi.perhekeskus.infra.web.ProblemLanguage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the messages a module's code writes for callers — the texts of domain refusals, field
 * errors and constraint annotations — and lists those the problem catalogue cannot put in Finnish
 * and Swedish. A value built into a message ({@code "no consent " + id}) stands as {@code x}.
 */
public final class ProblemTextCoverage {

    private static final Pattern REFUSAL = Pattern.compile(
            "new (?:IllegalTransition|RuleViolation|NotParty|Unknown)Exception\\(|requirePresent\\([^,]+,\\s*");
    private static final Pattern FIELD_ERROR = Pattern.compile("new InvalidFieldException\\([^,]+,\\s*");
    /** A problem answered with a status and a text of its own: {@code problem(HttpStatus.CONFLICT, "…"}. */
    private static final Pattern WITH_STATUS = Pattern.compile("HttpStatus\\.[A-Z_]+,\\s*(?=\")");
    private static final Pattern ANNOTATION = Pattern.compile("(?:message = |String message\\(\\) default )(\"(?:[^\"\\\\]|\\\\.)+\")");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ProblemTextCoverage() {
    }

    /** Sample messages of the sources under {@code sourceRoot} that are not translated to fi and sv. */
    public static List<String> untranslated(Path sourceRoot) {
        ProblemLanguage catalogue = ProblemLanguage.shared();
        List<String> missing = new ArrayList<>();
        for (String message : messages(sourceRoot)) {
            for (Locale language : List.of(ProblemLanguage.FINNISH, ProblemLanguage.SWEDISH)) {
                if (!catalogue.translate(message, language).language().equals(language)) {
                    missing.add(language + ": " + message);
                }
            }
        }
        return missing;
    }

    /** Every message found, as a sample with its values filled in. */
    public static TreeSet<String> messages(Path sourceRoot) {
        TreeSet<String> messages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern call : List.of(REFUSAL, FIELD_ERROR, WITH_STATUS)) {
                    Matcher at = call.matcher(source);
                    while (at.find()) {
                        sample(argument(source, at.end())).ifPresent(messages::add);
                    }
                }
                Matcher annotation = ANNOTATION.matcher(source);
                while (annotation.find()) {
                    sample(annotation.group(1)).ifPresent(messages::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        messages.remove("");
        return messages;
    }

    /** The expression from {@code start} to the comma or parenthesis that ends the argument. */
    private static String argument(String source, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' || c == ',') {
                if (depth == 0) {
                    return source.substring(start, i).trim();
                }
                if (c == ')') {
                    depth--;
                }
            }
        }
        return "";
    }

    /** A concatenation of literals and values as one sample text; empty unless it starts with a literal. */
    private static java.util.Optional<String> sample(String expression) {
        if (!expression.startsWith("\"")) {
            return java.util.Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        int at = 0;
        Matcher literal = LITERAL.matcher(expression);
        while (literal.find()) {
            String between = expression.substring(at, literal.start()).replaceAll("[\\s+]", "");
            if (!between.isEmpty()) {
                text.append('x');
            }
            text.append(literal.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            at = literal.end();
        }
        if (!expression.substring(at).replaceAll("[\\s+]", "").isEmpty()) {
            text.append('x');
        }
        return java.util.Optional.of(text.toString());
    }
}
