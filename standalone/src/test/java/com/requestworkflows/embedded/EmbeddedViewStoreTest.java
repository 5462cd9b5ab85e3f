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
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the view store keeps in its file must be what it answered before it was closed. */
class EmbeddedViewStoreTest {

    private static final int GENERATIONS = 30;
    private static final int GENERATION_SIZE = 20;

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
     * A killed process leaves the file as of some commit, and other views flush (commit) whenever their batches end.
     * Whichever commit the file ends with, the live collection must hold all of its old documents or all of its new
     * ones: every version the file went through while generations of a rebuild were swapped in is opened (as a start
     * after a kill there would) and checked.
     */
    @Test
    void aKillAtAnyCommitDuringSwapsLeavesTheViewOldOrNewButWhole() throws Exception {
        Path file = directory.resolve("views.mv.db");
        IndexedViewBackend backend = new IndexedViewBackend(file.toString());
        MongoServer server = new MongoServer(backend);
        long first;
        long last;
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase database = client.getDatabase("requests");
            database.getCollection("requests").insertMany(generation(0));
            backend.commit();
            first = backend.store().getCurrentVersion();
            AtomicBoolean swapping = new AtomicBoolean(true);
            Thread otherViewsFlushing = new Thread(() -> {
                while (swapping.get()) {
                    backend.commit();
                }
            });
            otherViewsFlushing.start();
            for (int generation = 1; generation <= GENERATIONS; generation++) {
                database.getCollection("requests_rebuild").insertMany(generation(generation));
                swapInRebuild(database);
            }
            swapping.set(false);
            otherViewsFlushing.join();
            backend.store().setAutoCommitDelay(0);
            backend.commit();
            last = backend.store().getCurrentVersion();
            Files.copy(file, directory.resolve("killed.mv.db"));
        } finally {
            server.shutdownNow();
        }

        assertThat(last - first).as("versions the swaps went through").isGreaterThanOrEqualTo(2L * GENERATIONS);
        for (long version = first; version <= last; version++) {
            Path killed = Files.copy(directory.resolve("killed.mv.db"), directory.resolve("at-" + version + ".mv.db"));
            MVStore store = new MVStore.Builder().fileName(killed.toString()).open();
            try {
                store.rollbackTo(version); // fails if the file no longer holds that version
                var requests = new IndexedViewBackend(store).resolveDatabase("requests")
                        .resolveCollection("requests", false);
                assertThat(requests).as("the live collection at version %d", version).isNotNull();
                List<Object> generations = new ArrayList<>();
                requests.handleQuery(new de.bwaldvogel.mongo.bson.Document())
                        .forEach(document -> generations.add(document.get("generation")));
                assertThat(generations).as("the live collection's documents at version %d", version)
                        .hasSize(GENERATION_SIZE).containsOnly(generations.get(0));
            } finally {
                store.close();
            }
        }
    }

    private static List<Document> generation(int generation) {
        return IntStream.range(0, GENERATION_SIZE)
                .mapToObj(i -> new Document("_id", generation + "-" + i).append("generation", generation)).toList();
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
    /**
     * The file's writer serializes changed documents on a thread of its own while the views go on updating them, so
     * an update must never change a document instance the store holds: the server used to update the stored instance
     * in place, and under load the writer met it half-changed (a ConcurrentModificationException, after which the
     * store closed itself for good and every view write failed). Checked on the instances themselves, as a race
     * shows only now and then.
     */
    @Test
    void anUpdateLeavesTheStoredInstanceAsItWasAndStoresANewOne() {
        IndexedViewBackend backend = new IndexedViewBackend(directory.resolve("views.mv.db").toString());
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> views = client.getDatabase("requests").getCollection("requests");
            views.insertOne(new Document("_id", "r1").append("state", "pending")
                    .append("execution", new Document("attempts", 0)));
            MVMap<Object, Object> stored = backend.store().openMap("databases.requests.requests");
            Object position = stored.firstKey();
            Object before = stored.get(position);
            String beforeText = before.toString();

            views.replaceOne(new Document("_id", "r1"), new Document("state", "approved")
                    .append("execution", new Document("attempts", 1)));
            views.updateOne(new Document("_id", "r1"), new Document("$set", new Document("execution.attempts", 2)));
            views.find(new Document("_id", "r1")).first();

            assertThat(before.toString()).isEqualTo(beforeText);
            assertThat(stored.get(position)).isNotSameAs(before).hasToString(
                    "{\"_id\" : \"r1\", \"state\" : \"approved\", \"execution\" : {\"attempts\" : 2}}");
        } finally {
            server.shutdownNow();
        }
    }

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
