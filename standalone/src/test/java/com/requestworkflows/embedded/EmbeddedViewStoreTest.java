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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the view store keeps in its file must be what it answered before it was closed. */
class EmbeddedViewStoreTest {

    @TempDir
    Path directory;

    /** A rebuild swaps its fresh collection in by a rename over the live one: the swap must survive a restart. */
    @Test
    void aCollectionRenamedOverAnotherKeepsItsDocumentsAfterARestart() throws Exception {
        Path file = directory.resolve("views.mv.db");
        try (EmbeddedViewStore store = new EmbeddedViewStore(file);
             MongoClient client = MongoClients.create(store.connectionString("requests"))) {
            MongoDatabase database = client.getDatabase("requests");
            database.getCollection("requests").insertOne(new Document("_id", "stale"));
            database.getCollection("requests_rebuild").insertMany(IntStream.range(0, 3)
                    .mapToObj(i -> new Document("_id", "fresh-" + i)).toList());

            database.getCollection("requests_rebuild").renameCollection(
                    new MongoNamespace("requests", "requests"), new RenameCollectionOptions().dropTarget(true));

            assertThat(ids(database)).containsExactly("fresh-0", "fresh-1", "fresh-2");
        }
        try (EmbeddedViewStore store = new EmbeddedViewStore(file);
             MongoClient client = MongoClients.create(store.connectionString("requests"))) {
            MongoDatabase database = client.getDatabase("requests");

            assertThat(ids(database)).containsExactly("fresh-0", "fresh-1", "fresh-2");
            assertThat(database.listCollectionNames().into(new ArrayList<>())).containsExactly("requests");
        }
    }

    /**
     * Files written before that fix keep each swapped-in rebuild's documents under the fresh collection's name, where
     * the next rebuild would find them again (and fail on their keys): the store drops such leftovers when it opens.
     */
    @Test
    void documentsLeftUnderANameNoCollectionHasAreGoneWhenTheStoreOpens() throws Exception {
        Path file = directory.resolve("views.mv.db");
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            MongoDatabase database = client.getDatabase("requests");
            database.getCollection("requests_rebuild").insertOne(new Document("_id", "left-over"));
            database.getCollection("requests_rebuild").renameCollection(
                    new MongoNamespace("requests", "requests"), new RenameCollectionOptions().dropTarget(true));
        } finally {
            plain.shutdownNow();
        }
        try (EmbeddedViewStore store = new EmbeddedViewStore(file);
             MongoClient client = MongoClients.create(store.connectionString("requests"))) {
            MongoCollection<Document> fresh = client.getDatabase("requests").getCollection("requests_rebuild");

            fresh.insertOne(new Document("_id", "left-over").append("rebuilt", true));

            assertThat(fresh.find().into(new ArrayList<>()))
                    .containsExactly(new Document("_id", "left-over").append("rebuilt", true));
        }
    }

    /** Earlier builds kept documents Java-serialized (H2's default); this one writes BSON and still reads those. */
    @Test
    void documentsOfTheEarlierFileFormatAreReadAndKeptThroughChanges() throws Exception {
        Path file = directory.resolve("views.mv.db");
        Document earlier = new Document("_id", "earlier").append("state", "pending").append("amount", 12.5)
                .append("at", new Date(1_700_000_000_000L)).append("tags", List.of("a", new Document("b", 2L)));
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            client.getDatabase("requests").getCollection("requests").insertOne(earlier);
        } finally {
            plain.shutdownNow();
        }
        Document later = new Document("_id", "later").append("state", "approved").append("count", 3);
        try (EmbeddedViewStore store = new EmbeddedViewStore(file);
             MongoClient client = MongoClients.create(store.connectionString("requests"))) {
            MongoCollection<Document> requests = client.getDatabase("requests").getCollection("requests");
            assertThat(requests.find().into(new ArrayList<>())).containsExactly(earlier);

            requests.insertOne(later);
            requests.updateOne(new Document("_id", "earlier"), new Document("$set", new Document("state", "approved")));
        }
        try (EmbeddedViewStore store = new EmbeddedViewStore(file);
             MongoClient client = MongoClients.create(store.connectionString("requests"))) {
            MongoCollection<Document> requests = client.getDatabase("requests").getCollection("requests");

            assertThat(requests.find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                    .containsExactly(new Document(earlier).append("state", "approved"), later);
        }
    }

    private static List<Object> ids(MongoDatabase database) {
        return database.getCollection("requests").find().sort(new Document("_id", 1))
                .map(document -> document.get("_id")).into(new ArrayList<>());
    }
}
