package com.requestworkflows.query.projection;

import com.requestworkflows.query.audit.AuditEntry;
import com.requestworkflows.query.request.RequestDocument;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The view writes of one processor batch, or of a rebuild: the request documents it reads and changes, and the
 * audit entries it adds, kept in memory and sent in one bulk write per collection. The documents a batch needs are
 * read at its start in one query ({@link #preload}).
 *
 * <p>Every write is idempotent, as MongoDB here may have no transactions and a batch may be delivered again (after
 * a crash, or a claim that moved between instances): an audit entry is keyed by its event and written once; a
 * request document replaces only an older one (its {@code lastSequence}). Entries go first, so that a batch cut
 * short between the two writes is completed by its redelivery, which still finds its documents behind.
 *
 * <p>A rebuild fills fresh collections that nothing else writes ({@link #fresh}): it knows which documents are
 * there already and writes without guards.
 */
public final class ViewWrites {

    private static final Logger log = LoggerFactory.getLogger(ViewWrites.class);
    private static final String BATCH = ViewWrites.class.getName();
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final String requests;
    private final String auditLog;
    private final boolean fresh;
    /** Documents as they stand: read, or written by this batch (null: known not to exist). */
    private final Map<String, RequestDocument> known = new HashMap<>();
    private final Map<String, RequestDocument> changed = new LinkedHashMap<>();
    private final List<AuditEntry> entries = new ArrayList<>();
    /** Fresh collections only: the documents written to them already. */
    private final Set<String> stored = new HashSet<>();

    private ViewWrites(MongoTemplate mongo, String requests, String auditLog, boolean fresh) {
        this.mongo = mongo;
        this.requests = requests;
        this.auditLog = auditLog;
        this.fresh = fresh;
    }

    /** The writes of a processor batch (its unit of work) to the live views; see {@link #ofCurrentBatch()}. */
    public static ViewWrites openBatch(UnitOfWork<?> batch, MongoTemplate mongo) {
        return batch.root().getOrComputeResource(BATCH,
                key -> new ViewWrites(mongo, ViewCollections.REQUESTS, ViewCollections.AUDIT_LOG, false));
    }

    public static boolean isOpenIn(UnitOfWork<?> batch) {
        return batch.root().resources().containsKey(BATCH);
    }

    /** The writes of the processor batch under way on this thread. */
    public static ViewWrites ofCurrentBatch() {
        ViewWrites writes = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(BATCH) : null;
        if (writes == null) {
            throw new IllegalStateException("View events are applied in a processor batch or a rebuild only");
        }
        return writes;
    }

    /** The writes of a rebuild to fresh, empty copies of the views. */
    public static ViewWrites fresh(MongoTemplate mongo) {
        return new ViewWrites(mongo, ViewCollections.fresh(ViewCollections.REQUESTS),
                ViewCollections.fresh(ViewCollections.AUDIT_LOG), true);
    }

    /** Reads the documents of these requests not known yet, in one query. */
    public void preload(Collection<String> requestIds) {
        List<String> missing = requestIds.stream().distinct()
                .filter(id -> !known.containsKey(id) && (!fresh || stored.contains(id))).toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(id -> known.put(id, null));
        mongo.find(query(where("_id").in(missing)), RequestDocument.class, requests)
                .forEach(document -> known.put(document.requestId(), document));
    }

    /** The request's document as it stands, or null. */
    public RequestDocument request(String requestId) {
        if (known.containsKey(requestId)) {
            return known.get(requestId);
        }
        RequestDocument document = fresh && !stored.contains(requestId) ? null
                : mongo.findById(requestId, RequestDocument.class, requests);
        known.put(requestId, document);
        return document;
    }

    public void write(RequestDocument document) {
        known.put(document.requestId(), document);
        changed.put(document.requestId(), document);
    }

    public void insert(AuditEntry entry) {
        entries.add(entry);
    }

    /** Sends what was written since the last flush: the audit entries, then the documents. */
    public void flush() {
        if (!entries.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, auditLog);
            bulk.insert(entries);
            execute(bulk, auditLog);
            entries.clear();
        }
        if (!changed.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, requests);
            changed.forEach((id, document) -> {
                if (!fresh) {
                    bulk.replaceOne(query(where("_id").is(id).and("lastSequence").lt(document.lastSequence())),
                            document, FindAndReplaceOptions.options().upsert());
                } else if (stored.contains(id)) {
                    bulk.replaceOne(query(where("_id").is(id)), document);
                } else {
                    bulk.insert(document);
                }
            });
            execute(bulk, requests);
            if (fresh) {
                stored.addAll(changed.keySet());
                known.clear(); // a rebuild reads back what it needs: its memory stays bounded
            }
            changed.clear();
        }
    }

    /** Duplicates are writes of a batch delivered before: the rest of the bulk went through. */
    private static void execute(BulkOperations bulk, String collection) {
        try {
            bulk.execute();
        } catch (BulkOperationException written) {
            if (!written.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw written;
            }
            log.debug("Batch written to {} before: events delivered again", collection);
        }
    }
}
