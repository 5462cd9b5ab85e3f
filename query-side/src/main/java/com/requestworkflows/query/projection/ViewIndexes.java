package com.requestworkflows.query.projection;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indexes the views' queries need. Every query filters by org first, then by the fields below, and sorts by
 * time. Declared at start-up, and by a rebuild on its fresh collections before it fills them (a rename keeps them).
 */
@Component
public class ViewIndexes {

    private static final Map<String, List<String[]>> INDEXES = new LinkedHashMap<>();

    static {
        String requests = ViewCollections.REQUESTS;
        // The inbox (pending requests, never the checker's own): requester and type in the index answer a page from
        // the index alone; its total is the org's (or type's) pending count less the checker's own.
        declare(requests, "orgId", "state", "createdAt", "requesterId", "requestType");
        declare(requests, "orgId", "state", "requestType", "createdAt", "requesterId");
        declare(requests, "orgId", "state", "requesterId", "createdAt");
        // Searches, newest first by default; the member-care listing by number; the reports by their times.
        declare(requests, "orgId", "createdAt");
        declare(requests, "orgId", "requestType", "createdAt");
        declare(requests, "orgId", "requesterId", "createdAt");
        declare(requests, "orgId", "checkerId", "createdAt");
        declare(requests, "orgId", "referenceId");
        declare(requests, "orgId", "requestNumber");
        declare(requests, "orgId", "decidedAt");
        declare(requests, "orgId", "outcomeAt");
        String auditLog = ViewCollections.AUDIT_LOG;
        declare(auditLog, "orgId", "at");
        for (String filter : new String[]{"actorId", "requestType", "state", "approvalType", "referenceId"}) {
            declare(auditLog, "orgId", filter, "at");
        }
    }

    private final MongoTemplate mongo;

    public ViewIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private static void declare(String collection, String... fields) {
        INDEXES.computeIfAbsent(collection, c -> new ArrayList<>()).add(fields);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensureIndexes() {
        INDEXES.keySet().forEach(collection -> ensureIndexes(collection, collection));
    }

    /** Declares the indexes of the view in {@code collection} on {@code target} (itself, or a fresh copy). */
    public void ensureIndexes(String collection, String target) {
        for (String[] fields : INDEXES.getOrDefault(collection, List.of())) {
            Index index = new Index().named(String.join("_", fields));
            for (String field : fields) {
                index.on(field, Sort.Direction.ASC);
            }
            mongo.indexOps(target).ensureIndex(index);
        }
    }
}
