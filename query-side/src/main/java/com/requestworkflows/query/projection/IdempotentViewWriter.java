package com.requestworkflows.query.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Writes view documents so that an event delivered again (after a crash, a retry or a replay from an older token)
 * changes nothing. MongoDB here may have no transactions, so every change is a single-document write keyed by
 * the aggregate id and guarded by the aggregate's event sequence number. A view processor's batch sends its
 * changes together at its end ({@link #bufferBatch}); outside a batch they are written at once.
 *
 * <p>A rebuild fills fresh collections that nothing else writes; for those, {@link #buffer} keeps the writes in
 * memory and sends them in bulk, one round trip per batch instead of one or two per event and view.
 */
@Component
public class IdempotentViewWriter {

    private static final Logger log = LoggerFactory.getLogger(IdempotentViewWriter.class);

    private final MongoTemplate mongo;
    private final Map<String, Buffer> buffers = new ConcurrentHashMap<>();
    private static final String BATCH = IdempotentViewWriter.class.getName() + ".batch";
    private static final int DUPLICATE_KEY = 11000;

    public IdempotentViewWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the document unless it exists already. */
    public void insertOnce(Object document, String collection) {
        Buffer buffer = bufferOf(collection);
        if (buffer != null) {
            buffer.insertOnce(document);
            return;
        }
        try {
            mongo.insert(document, collection);
        } catch (DuplicateKeyException redelivered) {
            log.debug("Document already in {}: event delivered again", collection);
        }
    }

    /** Applies {@code change} unless the document has already seen the event with this sequence number. */
    public <D extends SequencedDocument> void evolve(String id, long sequence, Class<D> type, String collection,
                                                     UnaryOperator<D> change) {
        Buffer buffer = bufferOf(collection);
        D current = buffer != null ? buffer.find(id, type) : mongo.findById(id, type, collection);
        if (current == null) {
            log.warn("No document {} in {} to apply event {} to", id, collection, sequence);
            return;
        }
        if (current.lastSequence() >= sequence) {
            return;
        }
        if (buffer != null) {
            buffer.put(id, change.apply(current));
            return;
        }
        mongo.replace(query(where("_id").is(id).and("lastSequence").is(current.lastSequence())),
                change.apply(current), collection);
    }

    public void delete(String id, String collection) {
        Buffer buffer = bufferOf(collection);
        if (buffer != null) {
            buffer.put(id, null);
            return;
        }
        mongo.remove(query(where("_id").is(id)), collection);
    }

    /** A rebuild's buffer of the collection, else the current processor batch's, else none (write directly). */
    private Buffer bufferOf(String collection) {
        Buffer rebuilding = buffers.get(collection);
        if (rebuilding != null || !CurrentUnitOfWork.isStarted()) {
            return rebuilding;
        }
        Map<String, Buffer> batch = CurrentUnitOfWork.get().root().getResource(BATCH);
        return batch == null ? null : batch.computeIfAbsent(collection, name -> new Buffer(name, false));
    }

    /**
     * Keeps the view writes of the current processor batch (its unit of work) in memory and returns what writes
     * them, one bulk write per collection, to be called before the batch's token commits. Live collections are
     * read through for documents the batch has not touched, and written with guarded upserts, so a redelivered
     * batch changes nothing.
     */
    public Runnable bufferBatch(UnitOfWork<?> batch) {
        Map<String, Buffer> written = batch.root().getOrComputeResource(BATCH, key -> new LinkedHashMap<>());
        return () -> written.values().forEach(Buffer::flush);
    }

    /**
     * Keeps writes to {@code collections} in memory until {@link BufferedWrites#flush()}. Only for collections
     * that start empty and are written by the caller alone (a rebuild's fresh collections): the buffer then knows
     * every document there without asking.
     */
    public BufferedWrites buffer(Collection<String> collections) {
        List<Buffer> opened = new ArrayList<>();
        for (String collection : collections) {
            Buffer buffer = new Buffer(collection, true);
            if (buffers.putIfAbsent(collection, buffer) != null) {
                throw new IllegalStateException(collection + " is buffered already");
            }
            opened.add(buffer);
        }
        return new BufferedWrites(opened);
    }

    /** Buffered writes of some collections; closing flushes them and writes directly again. */
    public final class BufferedWrites implements AutoCloseable {

        private final List<Buffer> opened;

        private BufferedWrites(List<Buffer> opened) {
            this.opened = opened;
        }

        /** Writes every buffered collection, each in its own bulk write, side by side. */
        public void flush() {
            opened.parallelStream().forEach(Buffer::flush);
        }

        @Override
        public void close() {
            try {
                flush();
            } finally {
                opened.forEach(buffer -> buffers.remove(buffer.collection));
            }
        }
    }

    /**
     * One collection's unwritten documents (null: deleted). A fresh collection's buffer also knows the ids it holds
     * already (nothing else writes there); a live one reads through and writes idempotently.
     */
    private final class Buffer {

        private final String collection;
        private final boolean fresh;
        private final Map<Object, Object> pending = new LinkedHashMap<>();
        private final Set<Object> stored = new HashSet<>();

        Buffer(String collection, boolean fresh) {
            this.collection = collection;
            this.fresh = fresh;
        }

        void insertOnce(Object document) {
            Object id = idOf(document);
            boolean exists = pending.containsKey(id) ? pending.get(id) != null : stored.contains(id);
            if (!exists) {
                pending.put(id, document);
            }
        }

        <D> D find(Object id, Class<D> type) {
            if (pending.containsKey(id)) {
                return type.cast(pending.get(id));
            }
            return !fresh || stored.contains(id) ? mongo.findById(id, type, collection) : null;
        }

        void put(Object id, Object document) {
            pending.put(id, document);
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            if (!fresh) {
                flushLive();
                return;
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            List<Object> inserts = new ArrayList<>();
            int writes = 0;
            for (Map.Entry<Object, Object> change : pending.entrySet()) {
                Object id = change.getKey();
                Object document = change.getValue();
                if (!stored.contains(id)) {
                    if (document != null) {
                        inserts.add(document);
                    }
                } else if (document == null) {
                    bulk.remove(query(where("_id").is(id)));
                    writes++;
                } else {
                    bulk.replaceOne(query(where("_id").is(id)), document);
                    writes++;
                }
            }
            if (!inserts.isEmpty()) {
                bulk.insert(inserts);
            }
            if (writes > 0 || !inserts.isEmpty()) {
                bulk.execute(); // nothing to send when every new document was deleted again within the batch
            }
            pending.forEach((id, document) -> {
                if (document == null) {
                    stored.remove(id);
                } else {
                    stored.add(id);
                }
            });
            pending.clear();
        }

        /**
         * Every write is idempotent: a removal; an upsert that replaces only an older document (the sequence guard)
         * and otherwise fails as a duplicate; an insert of a document without a sequence, a duplicate if present.
         * The bulk write is unordered, so a duplicate (the batch was delivered before) holds up no other change.
         */
        private void flushLive() {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            pending.forEach((id, document) -> {
                if (document == null) {
                    bulk.remove(query(where("_id").is(id)));
                } else if (document instanceof SequencedDocument sequenced) {
                    bulk.replaceOne(query(where("_id").is(id).and("lastSequence").lt(sequenced.lastSequence())),
                            document, FindAndReplaceOptions.options().upsert());
                } else {
                    bulk.insert(document);
                }
            });
            pending.clear();
            try {
                bulk.execute();
            } catch (BulkOperationException written) {
                if (!written.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                    throw written;
                }
                log.debug("Batch written to {} before: event delivered again", collection);
            }
        }

        private Object idOf(Object document) {
            return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document.getClass())
                    .getIdentifierAccessor(document).getRequiredIdentifier();
        }
    }
}
