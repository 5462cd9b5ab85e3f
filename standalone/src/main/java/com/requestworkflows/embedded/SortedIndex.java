package com.requestworkflows.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A non-unique (compound) index for the embedded view store, which on its own accepts such indexes and ignores
 * them. Entries are the indexed values of a document followed by its position, kept sorted as MongoDB sorts
 * them, in memory: the index is rebuilt from the stored documents when the store opens, so it never disagrees
 * with them. Only {@link IndexedCollection} reads it; it never answers a query by itself ({@link #canHandle}).
 */
final class SortedIndex extends Index<Object> {

    /** MongoDB's order of values, with the server's comparator taking the pairs of differing or rarer types. */
    static final Comparator<Object> VALUES = SortedIndex::compareValues;
    private static final Comparator<Object> MONGO_ORDER = ValueComparator.ascWithoutListHandling();
    private static final int DISTINCT_PREFIXES_COUNTED = 1_000;

    /**
     * Indexed values (in key order), the document's id, which orders entries of equal values and finds an entry again,
     * and its position (the store's key of the document); bounds use MinKey/MaxKey as values and id.
     */
    record Entry(Object[] values, Object id, Object position) {
    }

    private final String idField;
    /** The indexed fields, once: the server's {@code keys()} builds a new list at every call. */
    private final IndexedFields fields;
    private final boolean[] descending;
    private final NavigableSet<Entry> entries;
    /**
     * Entries per values of their first k keys, for each k below the number of keys (at k - 1); null once a length
     * has too many distinct values to be worth it: its ranges are short, and a walk counts them.
     */
    private final List<Map<List<Object>, Integer>> prefixCounts = new ArrayList<>();
    private boolean multikey;

    SortedIndex(String name, List<IndexKey> keys, boolean sparse, String idField) {
        super(name, keys, sparse);
        this.idField = idField;
        fields = new IndexedFields(keys());
        descending = new boolean[keys.size()];
        for (int i = 0; i < descending.length; i++) {
            descending[i] = !keys.get(i).isAscending();
        }
        entries = new TreeSet<>(this::compare);
        for (int length = 1; length < keys.size(); length++) {
            prefixCounts.add(new HashMap<>());
        }
    }

    private int compare(Entry a, Entry b) {
        for (int i = 0; i < descending.length; i++) {
            int c = VALUES.compare(a.values[i], b.values[i]);
            if (c != 0) {
                return descending[i] ? -c : c;
            }
        }
        return VALUES.compare(a.id, b.id);
    }

    /**
     * The same order as {@link ValueComparator}, which for two values of one type compares these exactly so, only
     * after working out both types' ranks (and, for numbers, re-boxing both): in a live view store that was a third
     * of all its work.
     */
    private static int compareValues(Object a, Object b) {
        if (a != null && b != null && a.getClass() == b.getClass()) {
            if (a instanceof String text) {
                return text.compareTo((String) b);
            }
            if (a instanceof Double number) {
                // Indexed numbers are normalized to doubles. The server ranks them by exact value, so -0.0 equals 0.0.
                double other = (Double) b;
                return number == other ? 0 : Double.compare(number, other);
            }
            if (a instanceof Long number) {
                return Long.compare(number, (Long) b);
            }
            if (a instanceof Integer number) {
                return Integer.compare(number, (Integer) b);
            }
            if (a instanceof Instant instant) {
                return instant.compareTo((Instant) b);
            }
        }
        return MONGO_ORDER.compare(a, b);
    }

    List<String> fields() {
        return fields.names();
    }

    boolean isDescending(int key) {
        return descending[key];
    }

    /**
     * True once a document held an array in an indexed field. Such an index holds one entry per element, and
     * MongoDB's array semantics (any element may satisfy each condition) would make key-only decisions wrong, so
     * {@link IndexedCollection} no longer uses it.
     */
    boolean isMultikey() {
        return multikey;
    }

    /**
     * The entries from {@code low} to {@code high} (inclusive), in index order or reversed. Values missing at the
     * end of a bound sort before (low) or after (high) every value.
     */
    Iterable<Entry> range(List<Object> low, List<Object> high, boolean reversed) {
        Entry from = bound(low, MinKey.getInstance());
        Entry to = bound(high, MaxKey.getInstance());
        if (compare(from, to) > 0) {
            return List.of(); // a condition such as {$gte: 5, $lte: 1}: MongoDB matches nothing
        }
        NavigableSet<Entry> range = entries.subSet(from, true, to, true);
        return reversed ? range.descendingSet() : range;
    }

    /**
     * How many documents have exactly {@code values} (given per field, in any order) in the index's leading keys,
     * at the cost of a lookup however many match; null when those fields are not the index's leading keys or that
     * prefix is not counted.
     */
    Long countWith(Map<String, Object> values) {
        List<String> names = fields.names();
        if (values.size() >= names.size() || !values.keySet().equals(Set.copyOf(names.subList(0, values.size())))) {
            return null;
        }
        if (values.isEmpty()) {
            return (long) entries.size();
        }
        Map<List<Object>, Integer> counts = prefixCounts.get(values.size() - 1);
        if (counts == null) {
            return null;
        }
        Document document = new Document();
        values.forEach(document::put);
        KeyValue normalized = getKeyValues(document).iterator().next();
        List<Object> prefix = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            prefix.add(normalized.get(i));
        }
        return (long) counts.getOrDefault(prefix, 0);
    }

    private static List<Object> prefixOf(Entry entry, int length) {
        return Arrays.asList(Arrays.copyOf(entry.values, length));
    }

    private void added(Entry entry) {
        for (int length = 1; length <= prefixCounts.size(); length++) {
            Map<List<Object>, Integer> counts = prefixCounts.get(length - 1);
            if (counts != null) {
                counts.merge(prefixOf(entry, length), 1, Integer::sum);
                if (counts.size() > Math.max(DISTINCT_PREFIXES_COUNTED, entries.size() / 8)) {
                    prefixCounts.set(length - 1, null);
                }
            }
        }
    }

    private void removed(Entry entry) {
        for (int length = 1; length <= prefixCounts.size(); length++) {
            Map<List<Object>, Integer> counts = prefixCounts.get(length - 1);
            if (counts != null) {
                counts.computeIfPresent(prefixOf(entry, length), (prefix, count) -> count == 1 ? null : count - 1);
            }
        }
    }

    private Entry bound(List<Object> prefix, Object fill) {
        Object[] values = new Object[descending.length];
        for (int i = 0; i < values.length; i++) {
            // MinKey/MaxKey are the smallest/largest of all values; a descending key turns them round.
            Object edge = descending[i] == (fill instanceof MinKey) ? MaxKey.getInstance() : MinKey.getInstance();
            values[i] = i < prefix.size() ? prefix.get(i) : edge;
        }
        return new Entry(values, fill, null);
    }

    /** The server's key values, read directly where the fields allow (see {@link IndexedFields#keyValues}). */
    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        return fields.keyValues(document, super::getKeyValues);
    }

    private List<Entry> entriesOf(Document document, Object position) {
        Object id = document.get(idField);
        Set<KeyValue> keyValues = getKeyValues(document);
        if (keyValues.size() > 1) {
            multikey = true;
        }
        List<Entry> result = new ArrayList<>(keyValues.size());
        for (KeyValue keyValue : keyValues) {
            Object[] values = new Object[keyValue.size()];
            for (int i = 0; i < values.length; i++) {
                Object value = keyValue.get(i);
                multikey |= value instanceof List;
                values[i] = value;
            }
            result.add(new Entry(values, id, position));
        }
        return result;
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (Entry entry : entriesOf(document, position)) {
            if (entries.add(entry)) {
                added(entry);
            }
        }
    }

    @Override
    public Object remove(Document document) {
        return removeEntries(document);
    }

    /** Removes the document's entries, found by its values and id; answers its position (null: none found). */
    private Object removeEntries(Document document) {
        Object position = null;
        for (Entry probe : entriesOf(document, null)) {
            Entry entry = entries.ceiling(probe);
            if (entry != null && compare(entry, probe) == 0) {
                entries.remove(entry);
                removed(entry);
                position = entry.position;
            }
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return Collections.emptyList();
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            removeEntries(oldDocument);
            add(newDocument, position, collection);
        }
    }

    @Override
    public void drop() {
        entries.clear();
        prefixCounts.replaceAll(counts -> new HashMap<>());
    }
}
