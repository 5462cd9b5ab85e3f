package com.requestworkflows.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A collection of the embedded view store that answers filtered, sorted and paged queries and counts from its
 * {@link SortedIndex}es rather than by reading every document: it walks the best index's range in the requested
 * order, decides what it can from the indexed values alone, reads only the documents that may match, and stops
 * once the page is full. Every document it returns is still checked against the whole query by the server's own
 * matcher, so an index only narrows and orders; it never changes an answer.
 */
final class IndexedCollection extends H2Collection {

    private static final String ID = "_id";

    private final MVMap<Object, Document> dataMap;
    /** The key of the last document added; see {@link #addDocumentInternal}. */
    private final AtomicLong lastPosition;
    /** Set once dropped (a rebuild's swap drops the live view): a query that was waiting finds nothing. */
    private volatile boolean dropped;

    IndexedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.dataMap = dataMap;
        // Longs sort before the strings earlier builds keyed documents by: this is the greatest number, if any.
        lastPosition = new AtomicLong(dataMap.floorKey(Long.MAX_VALUE) instanceof Long last ? last : 0);
    }

    /**
     * Keys a new document by a number that grows with every insert, where the server keys it by its {@code _id}: the
     * views' ids are random, so every insert went into some page of the file's tree (read back, if not cached, and
     * rewritten whole at the next commit), while now inserts fill the last page. The indexes map ids and indexed
     * values to these keys. Documents of files written before keep their ids as keys.
     */
    @Override
    protected Object addDocumentInternal(Document document) {
        Long position = lastPosition.incrementAndGet();
        if (dataMap.putIfAbsent(position, document) != null) {
            throw new IllegalStateException("Position " + position + " of " + getFullName() + " is taken");
        }
        return position;
    }

    /**
     * A copy of the stored document. The server changes the documents it reads in place when it updates them, while
     * the store's writer thread may be serializing the very same instance into the file: that broke the store for
     * good (a ConcurrentModificationException closed it) under load. Stored documents are therefore never handed out.
     */
    @Override
    protected Document getDocument(Object position) {
        Document stored = dataMap.get(position);
        return stored == null ? null : stored.cloneDeeply();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return dataMap.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(entry.getValue().cloneDeeply(), entry.getKey()));
    }

    /**
     * No running total of the documents' size (only the {@code collStats} command reports it, which the service never
     * sends): the server kept it by encoding every written document once more, a tenth of the store's write time.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** A new sorted index is filled in one pass over the documents (the server's own way reads them twice). */
    @Override
    public void addIndex(Index<Object> index) {
        boolean known = getIndexes().stream().anyMatch(existing -> existing.getName().equals(index.getName()));
        if (index instanceof SortedIndex sorted && !known) {
            dataMap.forEach((position, stored) -> sorted.add(stored, position, this)); // read only: no copies
        }
        super.addIndex(index);
    }

    /**
     * Dropping clears the indexes and the file's maps, which a query may be reading: done under the collection's
     * lock, which every query and write holds (the server's own drop takes none).
     */
    @Override
    public synchronized void drop() {
        dropped = true;
        super.drop();
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (dropped) {
            return createQueryResult(List.of(), batchSize);
        }
        Iterable<Object> byId = positionsById(query);
        if (byId != null) {
            return matchDocuments(query, byId, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        IndexPlan plan = IndexPlan.best(sortedIndexes(), query, orderBy);
        if (plan == null) {
            // Not the server's own scan, which hands out the stored documents themselves (see getDocument).
            return matchDocumentsFromStream(streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument),
                    query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> candidates = candidates(plan)
                .filter(entry -> plan.decide(entry) != IndexPlan.Verdict.NO)
                .map(entry -> getDocument(entry.position()))
                .filter(Objects::nonNull);
        return matchDocumentsFromStream(candidates, query, plan.sorts() ? null : orderBy, numberToSkip, limit,
                batchSize, fieldSelector);
    }

    @Override
    public synchronized int count(Document query, int skip, int limit) {
        if (dropped) {
            return 0;
        }
        Long matches = query == null || query.isEmpty() || positionsById(query) != null ? null : indexedCount(query);
        if (matches == null) {
            return super.count(query, skip, limit);
        }
        int count = (int) Math.max(0, matches - Math.max(skip, 0));
        return limit > 0 ? Math.min(limit, count) : count;
    }

    /** From the indexes' prefix counts where the query allows, else by walking the best index; null: no index helps. */
    private Long indexedCount(Document query) {
        List<SortedIndex> indexes = sortedIndexes();
        Long exact = IndexPlan.exactCount(indexes, query);
        if (exact != null) {
            return exact;
        }
        IndexPlan plan = IndexPlan.best(indexes, query, null);
        if (plan == null) {
            return null;
        }
        return candidates(plan).filter(entry -> switch (plan.decide(entry)) {
            case MATCH -> true;
            case NO -> false;
            case MAYBE -> documentMatchesQuery(dataMap.get(entry.position()), query); // read only: no copy
        }).count();
    }

    /**
     * The document named by an {@code _id} equality that comes with other conditions (the primary key index only
     * takes {@code _id} alone), such as the views' guarded writes: one lookup instead of a scan.
     */
    private Iterable<Object> positionsById(Document query) {
        if (!query.containsKey(ID) || query.size() == 1) {
            return null;
        }
        Document byId = new Document(ID, query.get(ID));
        for (Index<Object> index : getIndexes()) {
            if (index.isUnique() && index.getKeys().size() == 1 && index.canHandle(byId)) {
                return index.getPositions(byId);
            }
        }
        return null;
    }

    private Stream<SortedIndex.Entry> candidates(IndexPlan plan) {
        return StreamSupport.stream(plan.range().spliterator(), false);
    }

    private List<SortedIndex> sortedIndexes() {
        List<SortedIndex> sortedIndexes = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (index instanceof SortedIndex sorted && !sorted.isMultikey()) {
                sortedIndexes.add(sorted);
            }
        }
        return sortedIndexes;
    }
}
