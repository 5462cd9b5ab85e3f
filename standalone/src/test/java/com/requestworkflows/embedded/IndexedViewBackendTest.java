package com.requestworkflows.embedded;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded view store's indexes must never change an answer: every query, sort, page and count against the
 * indexed store equals the same against the plain server, which reads every document.
 */
class IndexedViewBackendTest {

    private static final List<String> STATES = List.of("pending", "approved", "rejected");

    private static MongoServer plainServer;
    private static MongoServer indexedServer;
    private static MongoClient plain;
    private static MongoClient indexed;

    @BeforeContainer
    static void startServers() {
        plainServer = new MongoServer(new H2Backend((String) null));
        indexedServer = new MongoServer(new IndexedViewBackend((String) null));
        plain = MongoClients.create(plainServer.bindAndGetConnectionString());
        indexed = MongoClients.create(indexedServer.bindAndGetConnectionString());
    }

    @AfterContainer
    static void stopServers() {
        plain.close();
        indexed.close();
        plainServer.shutdownNow();
        indexedServer.shutdownNow();
    }

    record Case(List<Document> documents, boolean indexFirst, List<Bson> filters, int skip, int limit,
                boolean descending) {
    }

    @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
    void indexedAnswersEqualFullScans(@ForAll("cases") Case c) {
        MongoCollection<Document> expected = load(plain, c);
        MongoCollection<Document> actual = load(indexed, c);

        for (Bson filter : c.filters()) {
            assertThat(actual.countDocuments(filter)).as("count of %s", filter)
                    .isEqualTo(expected.countDocuments(filter));
            Bson sort = c.descending() ? Sorts.descending("createdAt") : Sorts.ascending("createdAt");
            // Ties in createdAt may come in any order, as in MongoDB: compare the order of the sort key, and the
            // documents themselves where the whole result is read.
            assertThat(createdAts(actual.find(filter).sort(sort)))
                    .isEqualTo(createdAts(expected.find(filter).sort(sort)));
            assertThat(ids(actual.find(filter).sort(sort))).isEqualTo(ids(expected.find(filter).sort(sort)));
            assertThat(createdAts(actual.find(filter).sort(sort).skip(c.skip()).limit(c.limit())))
                    .as("page of %s", filter)
                    .isEqualTo(createdAts(expected.find(filter).sort(sort).skip(c.skip()).limit(c.limit())));
            assertThat(ids(actual.find(filter))).isEqualTo(ids(expected.find(filter)));
        }
    }

    @Property(tries = 20, edgeCases = EdgeCasesMode.NONE)
    void anArrayInAnIndexedFieldStillAnswersLikeMongoDB(@ForAll("cases") Case c) {
        List<Document> documents = new ArrayList<>(c.documents());
        documents.add(new Document("_id", "multi").append("orgId", 1L).append("createdAt", List.of(1L, 40L)));
        Case withArray = new Case(documents, c.indexFirst(), c.filters(), c.skip(), c.limit(), c.descending());
        MongoCollection<Document> expected = load(plain, withArray);
        MongoCollection<Document> actual = load(indexed, withArray);
        Bson between = new Document("orgId", 1L).append("createdAt", new Document("$gt", 20L).append("$lt", 5L));
        for (Bson filter : concat(c.filters(), between)) {
            assertThat(actual.countDocuments(filter)).as("count of %s", filter)
                    .isEqualTo(expected.countDocuments(filter));
            assertThat(ids(actual.find(filter))).isEqualTo(ids(expected.find(filter)));
        }
    }

    /** A write to a collection with unique indexes: an insert, a replacement or a change of one field, by _id. */
    record Write(String kind, int id, Object referenceId) {

        /** The write's outcome: ok, or the server's error code and message. */
        String applyTo(MongoCollection<Document> collection) {
            Document document = new Document("_id", "r" + id).append("orgId", 0L);
            if (referenceId != null) {
                document.append("referenceId", referenceId);
            }
            try {
                switch (kind) {
                    case "insert" -> collection.insertOne(document);
                    case "replace" -> collection.replaceOne(Filters.eq("_id", "r" + id), document);
                    default -> collection.updateOne(Filters.eq("_id", "r" + id),
                            new Document("$set", new Document("referenceId", referenceId)));
                }
                return "ok";
            } catch (MongoWriteException refused) {
                return refused.getError().getCode() + " " + refused.getError().getMessage();
            }
        }
    }

    /**
     * The unique indexes keep their keys in memory, not in the server's store map: every write must succeed or be
     * refused, with the same error, as on the plain server.
     */
    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void uniqueIndexesRefuseExactlyWhatThePlainServerRefuses(@ForAll("writes") List<Write> writes) {
        MongoCollection<Document> expected = uniquelyIndexed(plain);
        MongoCollection<Document> actual = uniquelyIndexed(indexed);
        for (Write write : writes) {
            assertThat(write.applyTo(actual)).as("%s", write).isEqualTo(write.applyTo(expected));
        }
        assertThat(actual.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                .isEqualTo(expected.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
    }

    private static MongoCollection<Document> uniquelyIndexed(MongoClient client) {
        MongoCollection<Document> collection = client.getDatabase("test").getCollection("unique");
        collection.drop();
        collection.createIndex(Indexes.ascending("orgId", "referenceId"), new IndexOptions().unique(true));
        return collection;
    }

    @Provide
    Arbitrary<List<Write>> writes() {
        // Few ids and reference ids, so that writes collide; 1, 1L and 1.0 are one key, as is a missing one and null.
        Arbitrary<Object> referenceIds = Arbitraries.oneOf(Arbitraries.of("A", "B", "C"),
                Arbitraries.of(1, 1L, 1.0, 2.0, -0.0, 0L), Arbitraries.just(null));
        return Combinators.combine(Arbitraries.of("insert", "replace", "set"), Arbitraries.integers().between(0, 5),
                referenceIds).as(Write::new).list().ofMinSize(1).ofMaxSize(25);
    }

    @Example
    void countsStayRightWhenAnIndexPrefixHasTooManyValuesToCount() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            documents.add(new Document("_id", "r" + i).append("orgId", (long) (i % 2)).append("createdAt", (long) i)
                    .append("requesterId", (long) (i % 7)).append("state", STATES.get(i % 3)));
        }
        Case many = new Case(documents, true, List.of(), 0, 20, false);
        MongoCollection<Document> expected = load(plain, many);
        MongoCollection<Document> actual = load(indexed, many);
        for (Bson filter : List.of(eq("orgId", 1L), new Document("orgId", 1L).append("createdAt", 1_001L),
                new Document("orgId", 0L).append("requesterId", new Document("$ne", 3L)),
                new Document("orgId", 0L).append("state", new Document("$nin", List.of("pending", "x"))),
                new Document("orgId", new Document("$in", List.of(0L, 1.0))).append("requesterId", 5L))) {
            assertThat(actual.countDocuments(filter)).as("count of %s", filter)
                    .isEqualTo(expected.countDocuments(filter));
        }
    }

    private static List<Bson> concat(List<Bson> filters, Bson more) {
        List<Bson> all = new ArrayList<>(filters);
        all.add(more);
        return all;
    }

    private static MongoCollection<Document> load(MongoClient client, Case c) {
        MongoCollection<Document> collection = client.getDatabase("test").getCollection("views");
        collection.drop();
        if (c.indexFirst()) {
            createIndexes(collection);
        }
        // Written, then partly changed and removed, so the indexes follow updates and deletes too.
        c.documents().forEach(document -> collection.insertOne(new Document(document)));
        collection.updateMany(Filters.eq("requesterId", 3L),
                new Document("$set", new Document("state", "rejected").append("createdAt", 33L)));
        // Changes of indexed values to equal ones of other types (2 and 2.0, -0.0 and 0), and to missing.
        collection.updateMany(Filters.eq("requesterId", 2L), new Document("$unset", new Document("state", "")));
        collection.updateMany(Filters.eq("requesterId", 5L),
                new Document("$set", new Document("orgId", 2.0).append("createdAt", -0.0)));
        collection.deleteMany(Filters.eq("requesterId", 4L));
        if (!c.indexFirst()) {
            createIndexes(collection);
        }
        return collection;
    }

    private static void createIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending("orgId", "createdAt"));
        collection.createIndex(Indexes.ascending("orgId", "createdAt", "requesterId"));
        collection.createIndex(Indexes.ascending("orgId", "state", "createdAt"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("orgId", "requesterId"),
                Indexes.descending("createdAt")), new IndexOptions().name("org_requester_newest"));
    }

    private static List<Object> createdAts(Iterable<Document> documents) {
        List<Object> values = new ArrayList<>();
        // As MongoDB compares them: -0.0 equals 0.0 (+ 0.0 turns the one into the other).
        documents.forEach(d -> values.add(d.get("createdAt") instanceof Number n ? n.doubleValue() + 0.0
                : d.get("createdAt")));
        return values;
    }

    private static Set<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(d.get("_id")));
        return ids.stream().collect(Collectors.toSet());
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<Document>> documents = document().list().ofMinSize(5).ofMaxSize(60).map(IndexedViewBackendTest::withIds);
        return Combinators.combine(documents, Arbitraries.of(true, false), filter().list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.integers().between(0, 10), Arbitraries.integers().between(1, 10),
                Arbitraries.of(true, false)).as(Case::new);
    }

    private static List<Document> withIds(List<Document> documents) {
        List<Document> result = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Document document = new Document("_id", "r" + i);
            document.putAll(documents.get(i));
            result.add(document);
        }
        return result;
    }

    /** Documents like the views', with numbers of mixed types, missing and null fields, and an odd string time. */
    private Arbitrary<Document> document() {
        Arbitrary<Object> orgId = Arbitraries.of(1L, 2L, 1, 2.0, null, "1");
        Arbitrary<Object> state = Arbitraries.of("pending", "approved", "rejected", null);
        Arbitrary<Object> createdAt = Arbitraries.oneOf(Arbitraries.longs().between(0, 40).map(v -> (Object) v),
                Arbitraries.of((Object) null, 7.5, Double.NaN, "late"));
        Arbitrary<Object> requesterId = Arbitraries.longs().between(1, 5).map(v -> (Object) v);
        Arbitrary<Boolean> missingState = Arbitraries.of(true, false, false, false);
        return Combinators.combine(orgId, state, createdAt, requesterId, missingState).as((o, s, t, r, m) -> {
            Document d = new Document("orgId", o).append("createdAt", t).append("requesterId", r);
            if (!m) {
                d.append("state", s);
            }
            return d;
        });
    }

    /** Flat filters, as the services write them (one condition document per field). */
    private Arbitrary<Bson> filter() {
        Arbitrary<Document> org = Arbitraries.of(eq("orgId", 1L), eq("orgId", 2), eq("orgId", 1.0),
                op("orgId", "$in", List.of(1L, 2L)), op("orgId", "$ne", 2L), op("orgId", "$exists", true));
        Arbitrary<Document> state = Arbitraries.oneOf(Arbitraries.of(STATES).map(s -> eq("state", s)),
                Arbitraries.of(op("state", "$ne", "pending"), op("state", "$in", List.of("approved", "rejected")),
                        op("state", "$nin", List.of("pending")), eq("state", null), op("state", "$exists", false),
                        op("state", "$regex", "^app")));
        Arbitrary<Document> time = Arbitraries.longs().between(0, 45).flatMap(v -> Arbitraries.of(
                op("createdAt", "$gte", v), op("createdAt", "$lt", v),
                new Document("createdAt", new Document("$gte", v).append("$lte", v + 10)),
                // a reversed range (a listing's to before its from) matches nothing
                new Document("createdAt", new Document("$gte", v + 10).append("$lte", v)),
                op("createdAt", "$gt", (double) v), eq("createdAt", v), op("createdAt", "$lte", "m")));
        Arbitrary<Document> requester = Arbitraries.longs().between(1, 5).flatMap(v -> Arbitraries.of(
                eq("requesterId", v), op("requesterId", "$ne", v), op("requesterId", "$nin", List.of(v, 2L))));
        Arbitrary<Document> id = Arbitraries.integers().between(0, 9).map(i -> eq("_id", "r" + i));
        Arbitrary<Document> none = Arbitraries.just(new Document());
        return Combinators.combine(org, Arbitraries.oneOf(state, none), Arbitraries.oneOf(time, none),
                Arbitraries.oneOf(requester, none), Arbitraries.oneOf(id, none, none, none)).as((o, s, t, r, i) -> {
                    Document filter = new Document(i);
                    filter.putAll(o);
                    filter.putAll(s);
                    filter.putAll(t);
                    filter.putAll(r);
                    return filter;
                });
    }

    private static Document eq(String field, Object value) {
        return new Document(field, value);
    }

    private static Document op(String field, String operator, Object operand) {
        return new Document(field, new Document(operator, operand));
    }
}
