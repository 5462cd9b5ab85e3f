package com.requestworkflows.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The fields of an index, and their values in a document read directly where the server's generic way is not
 * needed: that way (streams, splitting each path by a pattern, per index and write) was most of the view store's
 * write time.
 */
final class IndexedFields {

    private final List<String> names;
    /** No field is a path into a subdocument: {@link #scalarValues} may read them directly. */
    private final boolean topLevel;

    IndexedFields(List<String> names) {
        this.names = List.copyOf(names);
        topLevel = this.names.stream().noneMatch(name -> name.contains("."));
    }

    List<String> names() {
        return names;
    }

    /**
     * The values of a document whose indexed fields are all top-level and hold no array or subdocument (the views'
     * documents), normalized as the server's {@code Index.getKeyValues} does: missing as null, every number as a
     * double, -0.0 as 0.0. Null where only the server's way knows the answer.
     */
    Object[] scalarValues(Document document) {
        if (!topLevel) {
            return null;
        }
        Object[] values = new Object[names.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = document.get(names.get(i));
            if (value instanceof Number number) {
                double normalized = number.doubleValue();
                value = normalized == 0.0 ? 0.0 : normalized; // -0.0 == 0.0
            } else if (value instanceof Map || value instanceof Collection) {
                return null;
            }
            values[i] = value;
        }
        return values;
    }

    /**
     * The key values of a document as the server's {@code Index.getKeyValues} answers them, read directly where
     * {@link #scalarValues} can, else by {@code serverReading}. Indexes override the server's method with this; its
     * uniqueness checks call a package-private variant that cannot be overridden, and still take the server's way.
     */
    Set<KeyValue> keyValues(Document document, Function<Document, Set<KeyValue>> serverReading) {
        Object[] scalars = scalarValues(document);
        return scalars == null ? serverReading.apply(document) : Set.of(new KeyValue(scalars));
    }
}
