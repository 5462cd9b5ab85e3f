package com.requestworkflows.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * mongo-java-server's file-backed (H2 MVStore) backend with what the views need from real MongoDB: non-unique
 * compound indexes ({@link SortedIndex}), used for finds and counts by {@link IndexedCollection}, and unique
 * indexes fast enough to write at ({@link HashUniqueIndex}). Indexes live in memory and are rebuilt from the
 * documents when the store opens; the documents alone are kept in the file, as BSON ({@link BsonDocumentType}).
 */
final class IndexedViewBackend extends H2Backend {

    /**
     * How long a written chunk of the file is kept before its space may be reused (H2's default is 45 s). Under a
     * steady stream of commits H2 rewrites a chunk only once it is that old, by which time it is nearly empty: at the
     * default the file grew without bound, to twelve times its live data. Reading an old version longer than this
     * (a scan of that length while writes go on) would fail, so it stays above any query's time. A process kill loses
     * nothing at any value: each commit reaches the operating system before it returns.
     */
    private static final int RETENTION_MILLIS = 5_000;

    /**
     * Documents per page of the file (H2's default is 48). A change rewrites its whole page at the next commit and
     * documents are keyed by random ids, so with 48 each changed document re-encoded 47 untouched ones.
     */
    private static final int KEYS_PER_PAGE = 12;

    /** Held while the file is written, so that no commit falls among the changes of a rename. */
    private final ReentrantLock commits = new ReentrantLock();
    private final MVStore store;

    IndexedViewBackend(String fileName) {
        this(open(fileName));
    }

    /** Over a store opened elsewhere (the tests open files at earlier versions). */
    IndexedViewBackend(MVStore store) {
        super(store);
        this.store = store;
    }

    private static MVStore open(String fileName) {
        MVStore.Builder builder = new MVStore.Builder().keysPerPage(KEYS_PER_PAGE);
        MVStore store = (fileName == null ? builder : builder.fileName(fileName)).open();
        store.setRetentionTime(RETENTION_MILLIS); // not kept in the file: set on every open
        return store;
    }

    @Override
    public void commit() {
        commits.lock();
        try {
            super.commit();
        } finally {
            commits.unlock();
        }
    }

    /**
     * A rename (a rebuild's swap: the live collection dropped, the fresh one moved to its name, and the metadata of
     * both) is a dozen changes of the file's maps. A commit among them would leave a file in which no collection
     * holds the view, and a process killed then would start with it empty. So while a rename runs nothing commits:
     * flushes wait, the store's background writer pauses, and the rename commits before and after itself. (The store
     * would also commit by itself past about 19 MB of unsaved changes: far more than the views write meanwhile.)
     */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!command.equalsIgnoreCase("renameCollection")) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        commits.lock();
        int autoCommitDelay = store.getAutoCommitDelay();
        try {
            store.setAutoCommitDelay(0);
            store.commit();
            Document answer = super.handleCommand(channel, databaseName, command, query);
            store.commit();
            return answer;
        } finally {
            store.setAutoCommitDelay(autoCommitDelay);
            commits.unlock();
        }
    }

    /** The store underneath, for the tests. */
    MVStore store() {
        return store;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Inner (not static): the store opens collections while constructing, before any field of its own is set. */
    private final class Database extends H2Database {

        // H2Database's names for a collection's maps (it renames and drops them by these).
        private static final String DATA_MAP_PREFIX = "databases.";
        private static final String META_MAP_PREFIX = "meta.";
        private static final List<String> MAP_PREFIXES = List.of(DATA_MAP_PREFIX, META_MAP_PREFIX);

        Database(String databaseName) {
            super(databaseName, getMvStore(), IndexedViewBackend.this.getCursorRegistry());
            dropMapsOfNoCollection();
        }

        /**
         * Drops the maps of names no collection has: left by renames before {@link #moveCollection} was mended, they
         * would reappear in a new collection of that name (a rebuild's fresh one).
         */
        private void dropMapsOfNoCollection() {
            String namespacePrefix = getDatabaseName() + ".";
            for (String mapName : List.copyOf(getMvStore().getMapNames())) {
                for (String prefix : MAP_PREFIXES) {
                    if (mapName.startsWith(prefix + namespacePrefix)) {
                        String collectionName = mapName.substring(prefix.length() + namespacePrefix.length());
                        if (!collectionName.startsWith("system.") && resolveCollection(collectionName, false) == null) {
                            getMvStore().removeMap(mapName);
                        }
                    }
                }
            }
        }

        /** The maps are removed while the collection is locked, after it knows it is dropped (see its drop). */
        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            if (collection == null) {
                super.dropCollection(collectionName, oplog);
                return;
            }
            synchronized (collection) {
                super.dropCollection(collectionName, oplog);
            }
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            return new IndexedCollection(this, collectionName, options,
                    getMvStore().openMap(DATA_MAP_PREFIX + fullName,
                            new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE)),
                    getMvStore().openMap(META_MAP_PREFIX + fullName),
                    cursorRegistry);
        }

        /**
         * H2Database renames a moved collection's maps by the collection's name after the move, which renames nothing:
         * the documents stay in the file under the old name and the store reopens the collection empty (a rebuild's
         * swap would be lost on restart). Here the maps move by the name before; the empty ones opened under the new
         * name are dropped first.
         */
        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String oldFullName = collection.getFullName();
            super.moveCollection(oldDatabase, collection, newCollectionName);
            String newFullName = getFullCollectionNamespace(newCollectionName);
            MVStore store = getMvStore();
            for (String prefix : MAP_PREFIXES) {
                MVMap<?, ?> moved = store.openMap(prefix + oldFullName);
                if (store.hasMap(prefix + newFullName)) {
                    store.removeMap(prefix + newFullName);
                }
                store.renameMap(moved, prefix + newFullName);
            }
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            return new HashUniqueIndex(indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            return new SortedIndex(indexName, keys, sparse, "_id");
        }

        /**
         * The driver counts with an aggregation ({@code $match}, optional {@code $skip}/{@code $limit}, then
         * {@code $group} of {@code n: {$sum: 1}}), which the server would answer by reading the whole collection;
         * this answers that shape through the collection's indexed count.
         */
        @Override
        public Document handleCommand(Channel channel, String command, Document query,
                                      DatabaseResolver databaseResolver, Oplog oplog) {
            if ("aggregate".equalsIgnoreCase(command) && query.get(command) instanceof String collectionName
                    && query.get("pipeline") instanceof List<?> pipeline) {
                Document answer = countDocuments(collectionName, pipeline);
                if (answer != null) {
                    return answer;
                }
            }
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        }

        private Document countDocuments(String collectionName, List<?> pipeline) {
            if (pipeline.size() < 2 || !(pipeline.get(0) instanceof Document first)
                    || !(first.get("$match") instanceof Document match)
                    || !(pipeline.get(pipeline.size() - 1) instanceof Document last)
                    || !(last.get("$group") instanceof Document group) || !isCountGroup(group)) {
                return null;
            }
            int skip = 0;
            int limit = 0;
            for (Object stage : pipeline.subList(1, pipeline.size() - 1)) {
                if (stage instanceof Document d && d.size() == 1 && d.get("$skip") instanceof Number n && limit == 0) {
                    skip = n.intValue();
                } else if (stage instanceof Document d && d.size() == 1 && d.get("$limit") instanceof Number n) {
                    limit = n.intValue();
                } else {
                    return null;
                }
            }
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            int count = collection == null ? 0 : collection.count(match, skip, limit);
            List<Document> batch = count == 0 ? List.of()
                    : List.of(new Document("_id", group.get("_id")).append("n", count));
            Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(collectionName))
                    .append("firstBatch", batch);
            return new Document("cursor", cursor).append("ok", 1.0);
        }

        private static boolean isCountGroup(Document group) {
            return group.size() == 2 && group.get("_id") instanceof Number
                    && group.get("n") instanceof Document sum && sum.size() == 1
                    && sum.get("$sum") instanceof Number one && one.intValue() == 1;
        }
    }
}
