package fi.perhekeskus.infra.local.mongo;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a query reads an index: equalities (or small {@code $in} lists) on a prefix of its keys, then
 * at most one range on the next key, in the index's order where that is the order asked for. The
 * positions it yields are a superset of the matches (type brackets, exclusive bounds and every
 * predicate it does not read are left to the query filter that runs on each document afterwards),
 * so a plan can only make a query cheaper, never change its answer.
 */
final class QueryPlan {

    private static final ValueComparator VALUES = ValueComparator.asc();
    /** Above this many equality combinations ($in lists multiplied) the plan reads fewer keys. */
    private static final int MAX_POINTS = 256;

    private final ScannableIndex index;
    private final List<List<Object>> points;
    private final Object low;
    private final Object high;
    private final boolean ranged;
    private final boolean ordered;
    private final boolean reverse;
    private final int bound;

    private QueryPlan(ScannableIndex index, List<List<Object>> points, Object low, Object high, boolean ranged,
                      boolean ordered, boolean reverse, int bound) {
        this.index = index;
        this.points = points;
        this.low = low;
        this.high = high;
        this.ranged = ranged;
        this.ordered = ordered;
        this.reverse = reverse;
        this.bound = bound;
    }

    /** Whether the positions come in the order the query asked for (so sorting, skip and limit can stream). */
    boolean yieldsRequestedOrder() {
        return ordered;
    }

    ScannableIndex index() {
        return index;
    }

    /** The best plan among the indexes, or null when none reads fewer documents than a scan. */
    static QueryPlan best(List<? extends ScannableIndex> indexes, Document query, Document orderBy) {
        if (orderBy != null && orderBy.containsKey("$natural")) {
            return null;
        }
        Map<String, Predicate> predicates = new LinkedHashMap<>();
        collect(query, predicates);
        if (predicates.isEmpty()) {
            return null;
        }
        QueryPlan best = null;
        for (ScannableIndex index : indexes) {
            QueryPlan plan = plan(index, predicates, orderBy);
            if (plan != null && (best == null || plan.score() > best.score())) {
                best = plan;
            }
        }
        return best;
    }

    private int score() {
        return bound * 4 + (ranged ? 2 : 0) + (ordered ? 1 : 0);
    }

    private static QueryPlan plan(ScannableIndex index, Map<String, Predicate> predicates, Document orderBy) {
        if (!index.plannable()) {
            return null;
        }
        List<IndexKey> keys = index.getKeys();
        List<List<Object>> equalities = new ArrayList<>();
        long combinations = 1;
        for (IndexKey key : keys) {
            Predicate p = predicates.get(key.getKey());
            if (p == null || p.equal == null || combinations * p.equal.size() > MAX_POINTS) {
                break;
            }
            combinations *= p.equal.size();
            equalities.add(p.equal);
        }
        int k = equalities.size();
        Predicate next = k < keys.size() ? predicates.get(keys.get(k).getKey()) : null;
        boolean ranged = next != null && (next.low != null || next.high != null);
        if (k == 0 && !ranged) {
            return null;
        }
        if (index.needsEveryKeyBound() && !(k == keys.size() || (k == keys.size() - 1 && ranged))) {
            return null;
        }
        boolean[] descending = index.storedDescending();
        Object low = null;
        Object high = null;
        if (ranged) {
            // In stored order: a descending key starts at its upper bound.
            low = descending[k] ? next.high : next.low;
            high = descending[k] ? next.low : next.high;
        }
        List<List<Object>> points = cartesian(equalities);
        int direction = points.size() == 1 && index.yieldsKeyOrder() ? direction(index, equalities, orderBy) : 0;
        return new QueryPlan(index, points, low, high, ranged, direction != 0, direction < 0, k);
    }

    /**
     * 1 when a forward scan yields the requested order, -1 when a backward one does, else 0. Sort keys
     * bound by an equality are constant and drop out; the rest must follow the index's keys after the
     * bound prefix (then, for a secondary index, the id, which ends its stored key ascending).
     */
    private static int direction(ScannableIndex index, List<List<Object>> equalities, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return 1;
        }
        List<IndexKey> keys = index.getKeys();
        Set<String> constant = new HashSet<>();
        for (int i = 0; i < equalities.size(); i++) {
            constant.add(keys.get(i).getKey());
        }
        boolean[] descending = index.storedDescending();
        int position = equalities.size();
        int direction = 0;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            if (constant.contains(sort.getKey())) {
                continue;
            }
            if (!(sort.getValue() instanceof Number n)) {
                return 0;
            }
            boolean wantsDescending = n.intValue() < 0;
            String field;
            if (position < keys.size()) {
                field = keys.get(position).getKey();
            } else if (position == keys.size() && descending.length > keys.size()) {
                field = "_id";
            } else {
                return 0;
            }
            if (!field.equals(sort.getKey())) {
                return 0;
            }
            int here = wantsDescending == descending[position] ? 1 : -1;
            if (direction != 0 && here != direction) {
                return 0;
            }
            direction = here;
            position++;
        }
        return direction == 0 ? 1 : direction;
    }

    /** Positions in scan order, each once. */
    Iterator<Object> positions() {
        boolean dedupe = points.size() > 1 || !index.yieldsKeyOrder();
        Iterator<List<Object>> eachPoint = points.iterator();
        Set<Object> seen = dedupe ? new HashSet<>() : null;
        return new Iterator<>() {
            private Iterator<Object> current = null;
            private Object next;
            private boolean ready;

            @Override
            public boolean hasNext() {
                while (!ready) {
                    while (current == null || !current.hasNext()) {
                        if (!eachPoint.hasNext()) {
                            return false;
                        }
                        current = scan(eachPoint.next());
                    }
                    Object candidate = current.next();
                    if (seen == null || seen.add(candidate)) {
                        next = candidate;
                        ready = true;
                    }
                }
                return true;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                return next;
            }
        };
    }

    private Iterator<Object> scan(List<Object> prefix) {
        List<Object> from = new ArrayList<>(prefix);
        List<Object> to = new ArrayList<>(prefix);
        if (ranged) {
            from.add(low == null ? KeyValueType.Bound.LOWEST : low);
            to.add(high == null ? KeyValueType.Bound.HIGHEST : high);
        }
        from.add(KeyValueType.Bound.LOWEST);
        to.add(KeyValueType.Bound.HIGHEST);
        return index.positions(new KeyValue(from), new KeyValue(to), reverse);
    }

    private static List<List<Object>> cartesian(List<List<Object>> equalities) {
        List<List<Object>> points = new ArrayList<>();
        points.add(List.of());
        for (List<Object> values : equalities) {
            List<List<Object>> longer = new ArrayList<>();
            for (List<Object> point : points) {
                for (Object value : values) {
                    List<Object> p = new ArrayList<>(point);
                    p.add(value);
                    longer.add(p);
                }
            }
            points = longer;
        }
        return points;
    }

    /** The conjuncts of a query by field: its top level and its $and, recursively. */
    private static void collect(Document query, Map<String, Predicate> predicates) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String field = entry.getKey();
            Object value = entry.getValue();
            if (field.equals("$and") && value instanceof Collection<?> terms) {
                for (Object term : terms) {
                    if (term instanceof Document d) {
                        collect(d, predicates);
                    }
                }
            } else if (!field.startsWith("$")) {
                predicates.computeIfAbsent(field, f -> new Predicate()).add(value);
            }
        }
    }

    /** What the conjuncts on one field bound: the values it must equal, or a range (both inclusive here). */
    private static final class Predicate {
        List<Object> equal;
        Object low;
        Object high;

        void add(Object value) {
            if (value instanceof Document d && !d.isEmpty() && d.keySet().stream().allMatch(k -> k.startsWith("$"))) {
                if (d.containsKey("$regex")) {
                    return;
                }
                for (Map.Entry<String, Object> op : d.entrySet()) {
                    Object operand = op.getValue();
                    switch (op.getKey()) {
                        case "$eq" -> {
                            if (scalar(operand)) {
                                equal(java.util.Collections.singletonList(operand));
                            }
                        }
                        case "$in" -> {
                            if (operand instanceof Collection<?> values && !values.isEmpty()
                                    && values.stream().allMatch(QueryPlan::scalar)) {
                                equal(new ArrayList<>(values));
                            }
                        }
                        case "$gt", "$gte" -> {
                            if (scalar(operand) && operand != null) {
                                Object v = normalized(operand);
                                low = low == null || VALUES.compare(v, low) > 0 ? v : low;
                            }
                        }
                        case "$lt", "$lte" -> {
                            if (scalar(operand) && operand != null) {
                                Object v = normalized(operand);
                                high = high == null || VALUES.compare(v, high) < 0 ? v : high;
                            }
                        }
                        default -> {
                            // $exists, $ne, $nin, $size, $elemMatch, $not, $type, ...: no bound, left to the filter.
                        }
                    }
                }
            } else if (scalar(value)) {
                equal(java.util.Collections.singletonList(value));
            }
        }

        private void equal(List<Object> values) {
            if (equal == null) {
                List<Object> normalized = new ArrayList<>();
                for (Object v : values) {
                    Object n = normalized(v);
                    if (normalized.stream().noneMatch(o -> VALUES.compare(o, n) == 0)) {
                        normalized.add(n);
                    }
                }
                equal = normalized;
            }
        }
    }

    /** A value an index key can equal as such: not a document, array, pattern or a missing value. */
    private static boolean scalar(Object value) {
        return !(value instanceof Map) && !(value instanceof Collection) && !(value instanceof BsonRegularExpression)
                && !(value instanceof Pattern) && !(value instanceof Missing);
    }

    private static Object normalized(Object value) {
        return new KeyValue(java.util.Collections.singletonList(value)).normalized().get(0);
    }
}
