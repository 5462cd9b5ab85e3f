package com.requestworkflows.embedded;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.RenameCollectionOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the view store keeps in its file must be what it answered before it was closed. */
class EmbeddedViewStoreTest {

    private static final Document EARLIER = new Document("_id", "earlier").append("state", "pending")
            .append("amount", 12.5).append("at", new Date(1_700_000_000_000L))
            .append("tags", List.of("a", new Document("b", 2L)));

    @TempDir
    Path directory;

    /** A rebuild swaps its fresh collection in by a rename over the live one: the swap must survive a restart. */
    @Test
    void aCollectionRenamedOverAnotherKeepsItsDocumentsAfterARestart() throws IOException {
        inStore(database -> {
            database.getCollection("requests").insertOne(new Document("_id", "stale"));
            database.getCollection("requests_rebuild").insertMany(IntStream.range(0, 3)
                    .mapToObj(i -> new Document("_id", "fresh-" + i)).toList());

            swapInRebuild(database);

            assertThat(ids(database)).containsExactly("fresh-0", "fresh-1", "fresh-2");
        });
        inStore(database -> {
            assertThat(ids(database)).containsExactly("fresh-0", "fresh-1", "fresh-2");
            assertThat(database.listCollectionNames().into(new ArrayList<>())).containsExactly("requests");
        });
    }

    /**
     * Files written before that fix keep each swapped-in rebuild's documents under the fresh collection's name, where
     * the next rebuild would find them again (and fail on their keys): the store drops such leftovers when it opens.
     */
    @Test
    void documentsLeftUnderANameNoCollectionHasAreGoneWhenTheStoreOpens() throws IOException {
        inStoreOfAnEarlierBuild(database -> {
            database.getCollection("requests_rebuild").insertOne(new Document("_id", "left-over"));
            swapInRebuild(database);
        });
        inStore(database -> {
            MongoCollection<Document> fresh = database.getCollection("requests_rebuild");

            fresh.insertOne(new Document("_id", "left-over").append("rebuilt", true));

            assertThat(fresh.find().into(new ArrayList<>()))
                    .containsExactly(new Document("_id", "left-over").append("rebuilt", true));
        });
    }

    /** Earlier builds kept documents Java-serialized (H2's default); this one writes BSON and still reads those. */
    @Test
    void documentsOfTheEarlierFileFormatAreReadAndKeptThroughChanges() throws IOException {
        Document later = new Document("_id", "later").append("state", "approved").append("count", 3);
        inStoreOfAnEarlierBuild(database -> database.getCollection("requests").insertOne(EARLIER));
        inStore(database -> {
            MongoCollection<Document> requests = database.getCollection("requests");
            assertThat(requests.find().into(new ArrayList<>())).containsExactly(EARLIER);

            requests.insertOne(later);
            requests.updateOne(new Document("_id", "earlier"), new Document("$set", new Document("state", "approved")));
        });
        inStore(database -> assertThat(database.getCollection("requests").find().sort(new Document("_id", 1))
                .into(new ArrayList<>())).containsExactly(new Document(EARLIER).append("state", "approved"), later));
    }

    /** Documents are kept in the order they came in, and new ones after a restart take no earlier one's place. */
    @Test
    void documentsKeepTheirOrderOfArrivalAcrossRestarts() throws IOException {
        inStore(database -> {
            MongoCollection<Document> requests = database.getCollection("requests");
            requests.createIndex(new Document("n", 1));
            requests.insertMany(List.of(new Document("_id", "z").append("n", 1),
                    new Document("_id", "a").append("n", 2)));
        });
        inStore(database -> {
            MongoCollection<Document> requests = database.getCollection("requests");
            requests.insertOne(new Document("_id", "m").append("n", 3));
            requests.deleteOne(new Document("_id", "a"));
            requests.insertOne(new Document("_id", "a").append("n", 4));
        });
        inStore(database -> assertThat(database.getCollection("requests").find().map(d -> d.get("n"))
                .into(new ArrayList<>())).containsExactly(1, 3, 4));
    }

    /** Earlier builds keyed documents by their ids: such documents are found, changed and removed as any other. */
    @Test
    void documentsKeyedByTheirIdsByAnEarlierBuildAreFoundChangedAndRemoved() throws IOException {
        inStoreOfAnEarlierBuild(database -> database.getCollection("requests").insertMany(List.of(
                new Document("_id", "old-1").append("orgId", 0L).append("createdAt", 1L),
                new Document("_id", "old-2").append("orgId", 0L).append("createdAt", 2L))));
        Document byOrgNewestFirst = new Document("orgId", -1).append("createdAt", -1);
        inStore(database -> {
            MongoCollection<Document> requests = database.getCollection("requests");
            requests.createIndex(new Document("orgId", 1).append("createdAt", 1));
            requests.insertOne(new Document("_id", "new-3").append("orgId", 0L).append("createdAt", 3L));
            requests.updateOne(new Document("_id", "old-1"), new Document("$set", new Document("createdAt", 4L)));
            requests.deleteOne(new Document("_id", "old-2"));
        });
        inStore(database -> assertThat(database.getCollection("requests").find(new Document("orgId", 0L))
                .sort(byOrgNewestFirst).map(d -> d.get("_id")).into(new ArrayList<>()))
                .containsExactly("old-1", "new-3"));
    }

    /** Opens the store on this test's file, hands its database over, and closes it (a restart between calls). */
    private void inStore(Consumer<MongoDatabase> work) throws IOException {
        try (EmbeddedViewStore store = new EmbeddedViewStore(directory.resolve("views.mv.db"));
             MongoClient client = MongoClients.create(store.connectionString("requests"))) {
            work.accept(client.getDatabase("requests"));
        }
    }

    /** The same with the server's own file backend, as earlier builds wrote the file. */
    private void inStoreOfAnEarlierBuild(Consumer<MongoDatabase> work) {
        MongoServer plain = new MongoServer(new H2Backend(directory.resolve("views.mv.db").toString()));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            work.accept(client.getDatabase("requests"));
        } finally {
            plain.shutdownNow();
        }
    }

    private static void swapInRebuild(MongoDatabase database) {
        database.getCollection("requests_rebuild").renameCollection(new MongoNamespace("requests", "requests"),
                new RenameCollectionOptions().dropTarget(true));
    }

    private static List<Object> ids(MongoDatabase database) {
        return database.getCollection("requests").find().sort(new Document("_id", 1))
                .map(document -> document.get("_id")).into(new ArrayList<>());
    }
}
