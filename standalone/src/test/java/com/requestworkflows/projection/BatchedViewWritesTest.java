package com.requestworkflows.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestEvent;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.query.audit.AuditEntry;
import com.requestworkflows.query.projection.AttributesCodec;
import com.requestworkflows.query.projection.RequestViews;
import com.requestworkflows.query.projection.ViewCollections;
import com.requestworkflows.query.projection.ViewWrites;
import com.requestworkflows.query.request.RequestDocument;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor batch's view writes reach the store only when the batch commits, and a batch delivered again (after
 * a crash, before its token moved) changes nothing, while the new documents in it are still written.
 */
class BatchedViewWritesTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private RequestViews views;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "test");
        views = new RequestViews(new AttributesCodec(new ObjectMapper()));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /** A processor batch as the views' processor runs it: its writes go out in its prepare-commit phase. */
    private UnitOfWork<?> openBatch() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        ViewWrites writes = ViewWrites.openBatch(unitOfWork, mongo);
        unitOfWork.onPrepareCommit(u -> writes.flush());
        return unitOfWork;
    }

    private void batch(DomainEventMessage<?>... events) {
        UnitOfWork<?> unitOfWork = openBatch();
        for (DomainEventMessage<?> event : events) {
            views.apply(event, ViewWrites.ofCurrentBatch());
        }
        unitOfWork.commit();
    }

    private static DomainEventMessage<?> submitted(String id) {
        return event(id, 0, new RequestSubmittedEvent(id, 0, 1001, RequestType.EARN_BADGE, null, null, null,
                new RequestAttributes(null, Map.of("customerId", 5)), 1L, null));
    }

    private static DomainEventMessage<?> approved(String id) {
        return event(id, 1, RequestApprovedEvent.byChecker(id, 0, 2001, "ok", false, null));
    }

    private static DomainEventMessage<?> event(String id, long sequence, RequestEvent payload) {
        return new GenericDomainEventMessage<>("Request", id, sequence, payload, Map.of(), id + "-" + sequence,
                Instant.parse("2024-02-03T10:15:30Z").plusSeconds(sequence));
    }

    private RequestState state(String id) {
        RequestDocument document = mongo.findById(id, RequestDocument.class, ViewCollections.REQUESTS);
        return document == null ? null : document.state();
    }

    private long auditEntries() {
        return mongo.count(new Query(), AuditEntry.class,
                ViewCollections.AUDIT_LOG);
    }

    @Test
    void writesOnlyWhenTheBatchCommits() {
        UnitOfWork<?> unitOfWork = openBatch();
        views.apply(submitted("a"), ViewWrites.ofCurrentBatch());
        views.apply(approved("a"), ViewWrites.ofCurrentBatch());
        assertThat(state("a")).isNull();
        unitOfWork.commit();
        assertThat(state("a")).isEqualTo(RequestState.APPROVED);
        assertThat(auditEntries()).isEqualTo(2);
    }

    @Test
    void aBatchDeliveredAgainChangesNothingAndLosesNothingNew() {
        batch(submitted("a"), approved("a"));
        batch(submitted("b"));

        // Delivered again: "a" again from the start (its submission now behind the stored document), "b" again,
        // and a new "c" in the same bulk writes.
        batch(submitted("a"), approved("a"), submitted("b"), submitted("c"));

        assertThat(state("a")).isEqualTo(RequestState.APPROVED);
        assertThat(state("b")).isEqualTo(RequestState.PENDING);
        assertThat(state("c")).isEqualTo(RequestState.PENDING);
        assertThat(auditEntries()).as("one entry per event, however often delivered").isEqualTo(4);
    }

    @Test
    void aRolledBackBatchWritesNothing() {
        UnitOfWork<?> unitOfWork = openBatch();
        views.apply(submitted("a"), ViewWrites.ofCurrentBatch());
        unitOfWork.rollback();
        assertThat(state("a")).isNull();
        assertThat(auditEntries()).isZero();
    }
}
