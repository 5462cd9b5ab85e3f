package com.requestworkflows.query.projection;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes the views' queries need on a real MongoDB (the embedded server accepts and ignores non-unique ones).
 * Every query filters by org first, then by the fields below, and sorts by time. Declared at start-up and again
 * after a rebuild has swapped in fresh collections.
 */
@Component
public class ViewIndexes {

    private final MongoTemplate mongo;

    public ViewIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensureIndexes() {
        index("requests", "orgId", "createdAt");
        index("requests", "orgId", "state", "createdAt");
        index("requests", "orgId", "requestType", "createdAt");
        index("requests", "orgId", "requesterId", "createdAt");
        index("requests", "orgId", "checkerId", "createdAt");
        index("requests", "orgId", "referenceId");
        // The inbox leaves out the checker's own requests: requester (and type) in the index answer it, and count
        // it, from the index alone.
        index("pending_tasks", "orgId", "createdAt", "requesterId", "requestType");
        index("pending_tasks", "orgId", "requestType", "createdAt", "requesterId");
        index("audit_log", "orgId", "at");
        for (String filter : new String[]{"actorId", "requestType", "state", "approvalType", "referenceId"}) {
            index("audit_log", "orgId", filter, "at");
        }
        for (String time : new String[]{"submittedAt", "decidedAt", "outcomeAt", "state"}) {
            index("request_facts", "orgId", time);
        }
    }

    private void index(String collection, String... fields) {
        Index index = new Index().named(String.join("_", fields));
        for (String field : fields) {
            index.on(field, Sort.Direction.ASC);
        }
        mongo.indexOps(collection).ensureIndex(index);
    }
}
