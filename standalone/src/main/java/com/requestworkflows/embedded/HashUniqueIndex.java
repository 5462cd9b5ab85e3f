package com.requestworkflows.embedded;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unique index (the primary key among them) held in memory and rebuilt from the documents when the store opens.
 * The H2 backend's own keeps its keys in a store map that compares them by Java-serializing both sides at every
 * step of every lookup, which capped the whole view store at a few thousand writes a second.
 */
final class HashUniqueIndex extends AbstractUniqueIndex<Object> {

    private final Map<KeyValue, Object> positions = new HashMap<>();
    private final IndexedFields fields;

    HashUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        fields = new IndexedFields(keys());
    }

    /** The server's key values, read directly where the fields allow (see {@link IndexedFields#keyValues}). */
    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        return fields.keyValues(document, super::getKeyValues);
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return positions.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return positions.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return positions.get(keyValue);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
