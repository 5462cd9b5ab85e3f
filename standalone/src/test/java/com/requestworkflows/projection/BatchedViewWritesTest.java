package com.requestworkflows.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.requestworkflows.query.projection.IdempotentViewWriter;
import com.requestworkflows.query.projection.SequencedDocument;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor batch's view writes reach the store only when the batch commits, and a batch delivered again (after
 * a crash, before its token moved) changes nothing, while the new documents in it are still written.
 */
class BatchedViewWritesTest {

    record Note(@Id String id, long lastSequence, String text) implements SequencedDocument {
    }

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private IdempotentViewWriter writer;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "test");
        writer = new IdempotentViewWriter(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /** A processor batch as the view processors run it: its writes go out in its prepare-commit phase. */
    private UnitOfWork<?> openBatch() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        Runnable write = writer.bufferBatch(unitOfWork);
        unitOfWork.onPrepareCommit(u -> write.run());
        return unitOfWork;
    }

    private void batch(Runnable events) {
        UnitOfWork<?> unitOfWork = openBatch();
        events.run();
        unitOfWork.commit();
    }

    private void submittedThenEdited(String id) {
        writer.insertOnce(new Note(id, 0, "submitted"), "notes");
        writer.evolve(id, 1, Note.class, "notes", note -> new Note(id, 1, note.text() + ", edited"));
    }

    private Note stored(String id) {
        return mongo.findById(id, Note.class, "notes");
    }

    @Test
    void writesOnlyWhenTheBatchCommits() {
        UnitOfWork<?> unitOfWork = openBatch();
        submittedThenEdited("a");
        assertThat(stored("a")).isNull();
        unitOfWork.commit();
        assertThat(stored("a")).isEqualTo(new Note("a", 1, "submitted, edited"));
    }

    @Test
    void aBatchDeliveredAgainChangesNothingAndLosesNothingNew() {
        batch(() -> submittedThenEdited("a"));
        batch(() -> writer.insertOnce(new Note("b", 0, "submitted"), "notes"));

        // Delivered again with later events: "a" again from the start (its insert now a duplicate), "b" again,
        // and a new "c" in the same bulk write.
        batch(() -> {
            submittedThenEdited("a");
            writer.evolve("a", 2, Note.class, "notes", note -> new Note("a", 2, note.text() + ", done"));
            writer.insertOnce(new Note("b", 0, "submitted again"), "notes");
            writer.insertOnce(new Note("c", 0, "new"), "notes");
        });

        assertThat(stored("a")).isEqualTo(new Note("a", 2, "submitted, edited, done"));
        assertThat(stored("b")).isEqualTo(new Note("b", 0, "submitted"));
        assertThat(stored("c")).isEqualTo(new Note("c", 0, "new"));
    }

    @Test
    void aRolledBackBatchWritesNothing() {
        UnitOfWork<?> unitOfWork = openBatch();
        submittedThenEdited("a");
        unitOfWork.rollback();
        assertThat(stored("a")).isNull();
    }
}
