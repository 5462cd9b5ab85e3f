package com.requestworkflows.embedded;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How one query is answered from one {@link SortedIndex}: the range of entries to walk (the equality prefix of the
 * index's keys, then an optional range on the next key), whether walking it (forwards or backwards) already gives
 * the requested order, and what each entry's indexed values alone say about a match.
 *
 * <p>The conditions understood on indexed values are equality, {@code $ne}, {@code $in}, {@code $nin} and the
 * comparisons, with scalar operands, under MongoDB's rules (numbers compare across types, comparisons never match
 * across types, missing values are left to the document). Anything else makes an entry a {@link Verdict#MAYBE}.
 */
final class IndexPlan {

    enum Verdict { MATCH, NO, MAYBE }

    private enum Truth { TRUE, FALSE, UNKNOWN }

    private static final Comparator<Object> VALUES = SortedIndex.VALUES;

    private final SortedIndex index;
    private final Map<String, Document> conditions;
    private final boolean fullyUnderstood;
    private final int[] keyPositions;
    private final List<Object> low;
    private final List<Object> high;
    private final int score;
    private final boolean sorts;
    private final boolean reversed;

    private IndexPlan(SortedIndex index, ParsedQuery query, Document orderBy) {
        this.index = index;
        this.conditions = query.conditions;
        this.fullyUnderstood = query.fullyUnderstood;
        List<String> fields = index.fields();
        keyPositions = new int[conditions.size()];
        int c = 0;
        for (String field : conditions.keySet()) {
            keyPositions[c++] = fields.indexOf(field);
        }

        List<Object> prefix = new ArrayList<>();
        for (String field : fields) {
            Object value = fixedValue(conditions.get(field));
            if (value == null) {
                break;
            }
            prefix.add(value);
        }
        int equalities = prefix.size();
        low = new ArrayList<>(prefix);
        high = new ArrayList<>(prefix);
        boolean ranged = equalities < fields.size() && addRange(conditions.get(fields.get(equalities)),
                index.isDescending(equalities));
        score = equalities * 2 + (ranged ? 1 : 0);

        Boolean walkBackwards = walkDirection(orderBy, fields, equalities);
        sorts = walkBackwards != null;
        reversed = Boolean.TRUE.equals(walkBackwards);
    }

    /** The most selective usable plan for the query and order, or null when no index helps. */
    static IndexPlan best(List<SortedIndex> indexes, Document query, Document orderBy) {
        if (orderBy != null && orderBy.containsKey("$natural")) {
            return null;
        }
        ParsedQuery parsed = ParsedQuery.of(query);
        IndexPlan best = null;
        for (SortedIndex index : indexes) {
            IndexPlan plan = new IndexPlan(index, parsed, orderBy);
            boolean useful = plan.score > 0 || (plan.sorts && orderBy != null && !orderBy.isEmpty());
            if (useful && (best == null || plan.score > best.score
                    || (plan.score == best.score && plan.sorts && !best.sorts))) {
                best = plan;
            }
        }
        return best;
    }

    /**
     * The count of a query made only of equalities, at most one {@code $in} and at most one {@code $ne} or
     * {@code $nin} (as the inbox's "not my own requests"), from the indexes' prefix counts: the matches of the
     * equalities (per {@code $in} value) less those that also have a refused value. Null when some part of it is
     * anything else, or no index leads with the fields needed.
     */
    static Long exactCount(List<SortedIndex> indexes, Document query) {
        ParsedQuery parsed = ParsedQuery.of(query);
        if (!parsed.fullyUnderstood()) {
            return null;
        }
        Map<String, Object> equal = new LinkedHashMap<>();
        String anyOfField = null;
        Collection<Object> anyOf = List.of();
        String noneOfField = null;
        Collection<Object> noneOf = List.of();
        for (Map.Entry<String, Document> condition : parsed.conditions().entrySet()) {
            Document operators = condition.getValue();
            if (operators.size() != 1 || condition.getKey().contains(".")) {
                return null;
            }
            Map.Entry<String, Object> operator = operators.entrySet().iterator().next();
            Collection<Object> operands = distinctScalars(operator.getValue());
            if (operands == null) {
                return null;
            }
            switch (operator.getKey()) {
                case "$eq" -> equal.put(condition.getKey(), operator.getValue());
                case "$in" -> {
                    if (anyOfField != null) {
                        return null;
                    }
                    anyOfField = condition.getKey();
                    anyOf = operands;
                }
                case "$ne", "$nin" -> {
                    if (noneOfField != null) {
                        return null;
                    }
                    noneOfField = condition.getKey();
                    noneOf = operands;
                }
                default -> {
                    return null;
                }
            }
        }
        long count = 0;
        for (Object value : anyOfField == null ? Collections.singletonList(null) : anyOf) {
            Map<String, Object> matching = new LinkedHashMap<>(equal);
            if (anyOfField != null) {
                matching.put(anyOfField, value);
            }
            Long matches = countWith(indexes, matching);
            if (matches == null) {
                return null;
            }
            count += matches;
            for (Object refused : noneOf) {
                Map<String, Object> excluded = new LinkedHashMap<>(matching);
                excluded.put(noneOfField, refused);
                Long excludedMatches = countWith(indexes, excluded);
                if (excludedMatches == null) {
                    return null;
                }
                count -= excludedMatches;
            }
        }
        return count;
    }

    private static Long countWith(List<SortedIndex> indexes, Map<String, Object> values) {
        for (SortedIndex index : indexes) {
            Long count = index.countWith(values);
            if (count != null) {
                return count;
            }
        }
        return null;
    }

    /** The operand's values without repeats (1 and 1.0 are one value), all scalars the checks understand; or null. */
    private static Collection<Object> distinctScalars(Object operand) {
        Collection<Object> distinct = new TreeSet<>(VALUES);
        for (Object value : operand instanceof List<?> list ? list : List.of(operand)) {
            if (kind(value) == null) {
                return null;
            }
            distinct.add(value);
        }
        return distinct;
    }

    Iterable<SortedIndex.Entry> range() {
        return index.range(low, high, reversed);
    }

    /** Whether the range is walked in the requested order already (no sort needed, so a page can stop early). */
    boolean sorts() {
        return sorts;
    }

    Verdict decide(SortedIndex.Entry entry) {
        boolean certain = fullyUnderstood;
        int c = 0;
        for (Document operators : conditions.values()) {
            int key = keyPositions[c++];
            Object value = key < 0 ? null : entry.values()[key];
            if (value == null) {
                certain = false;
                continue;
            }
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                Truth truth = evaluate(operator.getKey(), operator.getValue(), value);
                if (truth == Truth.FALSE) {
                    return Verdict.NO;
                }
                certain &= truth == Truth.TRUE;
            }
        }
        return certain ? Verdict.MATCH : Verdict.MAYBE;
    }

    private boolean addRange(Document operators, boolean descendingKey) {
        if (operators == null) {
            return false;
        }
        Object from = null;
        Object to = null;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            if (kind(operator.getValue()) != null) {
                switch (operator.getKey()) {
                    case "$gt", "$gte" -> from = operator.getValue();
                    case "$lt", "$lte" -> to = operator.getValue();
                    default -> {
                    }
                }
            }
        }
        // Bounds are inclusive and typeless (a superset): the entries' own check drops what falls outside.
        Object first = descendingKey ? to : from;
        Object last = descendingKey ? from : to;
        if (first != null) {
            low.add(first);
        }
        if (last != null) {
            high.add(last);
        }
        return first != null || last != null;
    }

    /** Null when the order cannot come from the walk; otherwise whether the walk goes backwards. */
    private Boolean walkDirection(Document orderBy, List<String> fields, int equalities) {
        if (orderBy == null || orderBy.isEmpty()) {
            return Boolean.FALSE;
        }
        Boolean backwards = null;
        int next = equalities;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            int key = fields.indexOf(sort.getKey());
            if (key >= 0 && key < equalities) {
                continue; // one value only: any direction holds
            }
            if (key != next || !(sort.getValue() instanceof Number direction)) {
                return null;
            }
            boolean against = (direction.intValue() < 0) != index.isDescending(key);
            if (backwards != null && backwards != against) {
                return null;
            }
            backwards = against;
            next++;
        }
        return backwards == null ? Boolean.FALSE : backwards;
    }

    private static Object fixedValue(Document operators) {
        if (operators == null || operators.size() != 1 || !operators.containsKey("$eq")) {
            return null;
        }
        Object value = operators.get("$eq");
        return kind(value) == null ? null : value;
    }

    private static Truth evaluate(String operator, Object operand, Object value) {
        Class<?> kind = kind(value);
        if (kind == null) {
            return Truth.UNKNOWN;
        }
        return switch (operator) {
            case "$eq" -> equal(operand, value, kind);
            case "$ne" -> not(equal(operand, value, kind));
            case "$in" -> in(operand, value, kind);
            case "$nin" -> not(in(operand, value, kind));
            case "$gt", "$gte", "$lt", "$lte" -> compare(operator, operand, value, kind);
            default -> Truth.UNKNOWN;
        };
    }

    private static Truth equal(Object operand, Object value, Class<?> kind) {
        Class<?> operandKind = kind(operand);
        if (operandKind == null) {
            return Truth.UNKNOWN;
        }
        return operandKind == kind && VALUES.compare(value, operand) == 0 ? Truth.TRUE : Truth.FALSE;
    }

    private static Truth in(Object operand, Object value, Class<?> kind) {
        if (!(operand instanceof List<?> candidates)) {
            return Truth.UNKNOWN;
        }
        Truth result = Truth.FALSE;
        for (Object candidate : candidates) {
            Truth truth = equal(candidate, value, kind);
            if (truth == Truth.TRUE) {
                return Truth.TRUE;
            }
            if (truth == Truth.UNKNOWN) {
                result = Truth.UNKNOWN;
            }
        }
        return result;
    }

    private static Truth compare(String operator, Object operand, Object value, Class<?> kind) {
        Class<?> operandKind = kind(operand);
        if (operandKind == null) {
            return Truth.UNKNOWN;
        }
        if (operandKind != kind) {
            return Truth.FALSE;
        }
        int c = VALUES.compare(value, operand);
        boolean holds = switch (operator) {
            case "$gt" -> c > 0;
            case "$gte" -> c >= 0;
            case "$lt" -> c < 0;
            default -> c <= 0;
        };
        return holds ? Truth.TRUE : Truth.FALSE;
    }

    private static Truth not(Truth truth) {
        return switch (truth) {
            case TRUE -> Truth.FALSE;
            case FALSE -> Truth.TRUE;
            case UNKNOWN -> Truth.UNKNOWN;
        };
    }

    /** The comparison class of a scalar the checks understand, or null. */
    private static Class<?> kind(Object value) {
        if (value instanceof Number && !(value instanceof Decimal128)) {
            return Number.class;
        }
        for (Class<?> kind : List.of(String.class, Boolean.class, Instant.class, ObjectId.class)) {
            if (kind.isInstance(value)) {
                return kind;
            }
        }
        return null;
    }

    /** A query as field conditions ({@code {$op: operand}}); whether every part of it is such a condition. */
    private record ParsedQuery(Map<String, Document> conditions, boolean fullyUnderstood) {

        static ParsedQuery of(Document query) {
            Map<String, Document> conditions = new LinkedHashMap<>();
            boolean understood = true;
            for (Map.Entry<String, Object> part : query.entrySet()) {
                String field = part.getKey();
                Object value = part.getValue();
                if (field.startsWith("$")) {
                    understood = false;
                } else if (value instanceof Document operators) {
                    boolean allOperators = !operators.isEmpty()
                            && operators.keySet().stream().allMatch(key -> key.startsWith("$"));
                    if (allOperators) {
                        conditions.put(field, operators);
                        understood &= operators.keySet().stream().allMatch(IndexPlan::understood);
                    } else {
                        understood = false;
                    }
                } else if (kind(value) != null) {
                    conditions.put(field, new Document("$eq", value));
                } else {
                    understood = false; // null, arrays, regular expressions: left to the document
                }
            }
            return new ParsedQuery(conditions, understood);
        }
    }

    private static boolean understood(String operator) {
        return List.of("$eq", "$ne", "$in", "$nin", "$gt", "$gte", "$lt", "$lte").contains(operator);
    }
}
