package fi.perhekeskus.infra.readmodel;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNumber;
import org.bson.BsonValue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The successive updates of one document in a batch, folded into one: later {@code $set}s win,
 * {@code $inc}s add up and {@code $push}es append in order. An update it cannot fold exactly (another
 * operator, a {@code $push} modifier, a field touched by two operators or a parent and its child)
 * is refused, and the caller starts a new write for it.
 */
final class FoldedUpdate {

    private static final Set<String> OPERATORS = Set.of("$set", "$inc", "$push");

    private final Map<String, BsonValue> set = new LinkedHashMap<>();
    private final Map<String, BsonNumber> inc = new LinkedHashMap<>();
    private final Map<String, BsonArray> push = new LinkedHashMap<>();
    private final Map<String, String> operatorOf = new HashMap<>();

    /** Folds {@code update} in; false (and unchanged) when it cannot be folded exactly. */
    boolean absorb(BsonDocument update) {
        for (Map.Entry<String, BsonValue> operator : update.entrySet()) {
            if (!OPERATORS.contains(operator.getKey()) || !operator.getValue().isDocument()) {
                return false;
            }
            for (Map.Entry<String, BsonValue> field : operator.getValue().asDocument().entrySet()) {
                if (conflicts(field.getKey(), operator.getKey())) {
                    return false;
                }
                if (operator.getKey().equals("$inc") && !field.getValue().isNumber()) {
                    return false;
                }
                if (operator.getKey().equals("$push") && isModifier(field.getValue())
                        && !field.getValue().asDocument().keySet().equals(Set.of("$each"))) {
                    return false;
                }
            }
        }
        update.forEach((operator, fields) -> fields.asDocument().forEach((path, value) -> {
            operatorOf.put(path, operator);
            switch (operator) {
                case "$set" -> set.put(path, value);
                case "$inc" -> inc.merge(path, value.asNumber(), FoldedUpdate::add);
                default -> {
                    BsonArray values = push.computeIfAbsent(path, p -> new BsonArray());
                    if (isModifier(value)) {
                        values.addAll(value.asDocument().getArray("$each"));
                    } else {
                        values.add(value);
                    }
                }
            }
        }));
        return true;
    }

    /**
     * The document these updates make of a missing one, as an upsert would; empty when a field is
     * a path into a nested document, which an upsert builds by rules not repeated here.
     */
    Optional<BsonDocument> asNewDocument() {
        if (operatorOf.keySet().stream().anyMatch(path -> path.contains(".") || path.equals("_id"))) {
            return Optional.empty();
        }
        BsonDocument document = new BsonDocument();
        set.forEach(document::put);
        inc.forEach(document::put);
        push.forEach((path, values) -> document.put(path, values.clone()));
        return Optional.of(document);
    }

    BsonDocument toUpdate() {
        BsonDocument update = new BsonDocument();
        if (!set.isEmpty()) {
            update.put("$set", new BsonDocument(set.entrySet().stream()
                    .map(e -> new org.bson.BsonElement(e.getKey(), e.getValue())).toList()));
        }
        if (!inc.isEmpty()) {
            BsonDocument fields = new BsonDocument();
            inc.forEach(fields::put);
            update.put("$inc", fields);
        }
        if (!push.isEmpty()) {
            BsonDocument fields = new BsonDocument();
            push.forEach((path, values) -> fields.put(path, new BsonDocument("$each", values)));
            update.put("$push", fields);
        }
        return update;
    }

    /** A pushed document whose keys are operators ({@code $each}, {@code $slice}, ...) modifies the push. */
    private static boolean isModifier(BsonValue pushed) {
        return pushed.isDocument() && !pushed.asDocument().isEmpty()
                && pushed.asDocument().keySet().stream().allMatch(k -> k.startsWith("$"));
    }

    private boolean conflicts(String path, String operator) {
        String owner = operatorOf.get(path);
        if (owner != null) {
            return !owner.equals(operator);
        }
        for (String other : operatorOf.keySet()) {
            if (other.startsWith(path + ".") || path.startsWith(other + ".")) {
                return true;
            }
        }
        return false;
    }

    private static BsonNumber add(BsonNumber a, BsonNumber b) {
        if (a.isDouble() || b.isDouble()) {
            return new BsonDouble(a.doubleValue() + b.doubleValue());
        }
        if (a.isInt64() || b.isInt64()) {
            return new BsonInt64(a.longValue() + b.longValue());
        }
        long sum = (long) a.intValue() + b.intValue();
        return sum == (int) sum ? new BsonInt32((int) sum) : new BsonInt64(sum);
    }
}
