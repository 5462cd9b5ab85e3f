package com.requestworkflows.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.requestworkflows.query.projection.RequestViews;
import com.requestworkflows.query.projection.ViewCollections;
import com.requestworkflows.query.projection.ViewWrites;
import com.requestworkflows.support.ApiClient.Response;
import com.requestworkflows.support.FakeHttpServer.Reply;
import com.requestworkflows.support.FakeHttpServer;
import com.requestworkflows.support.Payloads;
import com.requestworkflows.support.Requests;
import com.requestworkflows.support.ServiceTest;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static com.requestworkflows.support.Requests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reports over a history with every kind of transition, built once for the class on fresh stores: approvals by
 * checkers (one executed by the platform, one refused by it), rejections, a withdrawal, automatic approvals by the
 * client and by an org rule, and pending requests, one of them by a maker who is also a checker.
 */
class ReportsTest extends ServiceTest {

    private static final FakeHttpServer platform = new FakeHttpServer();
    /** Requests whose execution the platform refuses (400); it carries out every other. */
    private static final Set<String> refusedByPlatform = ConcurrentHashMap.newKeySet();

    private static final String SUMMARY_HEADER =
            "day,requestType,submitted,approved,rejected,failed,cancelled,autoApprovedByClient,autoApprovedByConfig";

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> dataDirectory.toString());
        registry.add("requests.execution.targets.POINTS_REDEMPTION.url", () -> platform.url("/v1.1/points/redeem"));
        registry.add("requests.execution.poll-interval", () -> "50ms");
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    /** The ids and time bounds of the history every test reads. */
    record History(Instant startedAt, Instant finishedAt, String oldestPending, String oldestPendingBadge) {
    }

    private static History history;

    @Autowired
    EventStore eventStore;

    @Autowired
    RequestViews views;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void historyOnce() {
        if (history == null) {
            history = buildHistory();
        }
    }

    private History buildHistory() {
        platform.respondWith(call -> refusedByPlatform.contains(requestIdOf(call.header("Idempotency-Key")))
                ? Reply.of(400, "{\"message\":\"refused\"}") : Reply.of(200, "{}"));
        Instant startedAt = Instant.now().minusSeconds(1);

        decided("maker1", Payloads.earnBadge(), "checker1", "approve", "approved");
        decided("maker1", Payloads.pointsRedemption(), "checker1", "approve", "approved");
        String refused = submitted("maker2", Payloads.pointsRedemption());
        refusedByPlatform.add(refused);
        assertThat(requests.decide("checker2", refused, "approve", "redeem it").status()).isEqualTo(200);
        requests.awaitState(refused, "failed");
        decided("maker1", Payloads.issueBadge(), "checker2", "reject", "rejected");
        decided("maker2", Payloads.earnBadge(), "dual1", "reject", "rejected");
        decided("maker1", Payloads.earnBadge(), "maker1", "cancel", "cancelled");

        Map<String, Object> clientApproved = Payloads.earnBadge();
        clientApproved.put("clientAutoApprove", true);
        assertThat(requests.submit("maker2", clientApproved).json().path("approvalType").asText()).isEqualTo("CLIENT");
        assertThat(api.put("admin", "/api/v1/auto-approval-rules/CI_EMAIL_AUTO_APPROVE", Map.of("enabled", true))
                .status()).isEqualTo(200);
        try {
            assertThat(requests.submit("maker1", Payloads.emailChange()).json().path("approvalType").asText())
                    .isEqualTo("CONFIG");
        } finally {
            api.put("admin", "/api/v1/auto-approval-rules/CI_EMAIL_AUTO_APPROVE", Map.of("enabled", false));
        }

        String oldestPending = submitted("maker1", Payloads.customerStatusChange("CUSTOMER_STATUS_CHANGE"));
        String oldestPendingBadge = submitted("dual1", Payloads.earnBadge());
        submitted("maker2", Payloads.earnBadge());
        submitted("othermaker", Payloads.earnBadge());

        // The facts view catches up on its own processor: wait for the last events of both orgs.
        await().atMost(Requests.VIEW_TIMEOUT).until(() -> totals("auditor1").path("submitted").asInt() == 11
                && totals("auditor1").path("failed").asInt() == 1 && totals("otherchecker").path("submitted").asInt() == 1);
        return new History(startedAt, Instant.now().plusSeconds(1), oldestPending, oldestPendingBadge);
    }

    @Test
    void theSummaryCountsEveryKindOfTransitionPerRequestTypeExactly() {
        JsonNode summary = report("auditor1", "/summary?groupBy=requestType");

        assertThat(summary.path("groupBy").asText()).isEqualTo("requestType");
        assertThat(summary.path("rows")).extracting(JsonNode::toString).containsExactly(
                row(null, "POINTS_REDEMPTION", 2, 1, 0, 1, 0, 0, 0),
                row(null, "CUSTOMER_STATUS_CHANGE", 1, 0, 0, 0, 0, 0, 0),
                row(null, "EARN_BADGE", 6, 2, 1, 0, 1, 1, 0),
                row(null, "ISSUE_BADGE", 1, 0, 1, 0, 0, 0, 0),
                row(null, "CHANGE_IDENTIFIER", 1, 1, 0, 0, 0, 0, 1));
        assertThat(summary.path("totals").toString()).isEqualTo(row(null, null, 11, 4, 2, 1, 1, 1, 1));
    }

    @Test
    void theSummaryGroupsByUtcDayAndSelectsEventsByTime() {
        String range = "&from=" + history.startedAt() + "&to=" + history.finishedAt();
        JsonNode byDay = report("checker1", "/summary?groupBy=day" + range);
        String firstDay = history.startedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        String lastDay = history.finishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        assertThat(byDay.path("rows").findValuesAsText("day")).isNotEmpty()
                .allSatisfy(day -> assertThat(day).isBetween(firstDay, lastDay));
        assertThat(byDay.path("rows").findValues("requestType")).allMatch(JsonNode::isNull);
        assertThat(byDay.path("totals")).isEqualTo(report("checker1", "/summary").path("totals"));
        assertThat(byDay.path("from").asLong()).isEqualTo(history.startedAt().toEpochMilli());

        JsonNode both = report("admin", "/summary?groupBy=requestType,day" + range);
        assertThat(both.path("groupBy").asText()).isEqualTo("day,requestType");
        assertThat(both.path("rows").findValuesAsText("day")).hasSameSizeAs(both.path("rows"));
        assertThat(both.path("totals").path("approved").asInt()).isEqualTo(4);

        JsonNode before = report("auditor1", "/summary?from=2000-01-01&to=2000-01-31");
        assertThat(before.path("rows")).isEmpty();
        assertThat(before.path("totals").toString()).isEqualTo(row(null, null, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void durationsArePercentilesOfTheTimesToDecisionAndToOutcome() {
        long elapsed = history.finishedAt().toEpochMilli() - history.startedAt().toEpochMilli();
        JsonNode durations = report("auditor1", "/durations");

        JsonNode toDecision = measure(durations.path("overall"), "toDecision");
        JsonNode toOutcome = measure(durations.path("overall"), "toOutcome");
        assertThat(toDecision.path("count").asInt()).isEqualTo(8);
        assertThat(toOutcome.path("count").asInt()).isEqualTo(8);
        for (JsonNode measure : List.of(toDecision, toOutcome)) {
            assertThat(measure.path("p50Ms").asLong()).isNotNegative()
                    .isLessThanOrEqualTo(measure.path("p90Ms").asLong());
            assertThat(measure.path("p90Ms").asLong()).isLessThanOrEqualTo(measure.path("p99Ms").asLong());
            assertThat(measure.path("p99Ms").asLong()).isLessThanOrEqualTo(measure.path("maxMs").asLong());
            assertThat(measure.path("maxMs").asLong()).isLessThanOrEqualTo(elapsed);
        }
        // Every request's outcome comes no sooner than its decision, so neither does any percentile.
        for (String percentile : List.of("p50Ms", "p90Ms", "p99Ms", "maxMs")) {
            assertThat(toOutcome.path(percentile).asLong()).isGreaterThanOrEqualTo(toDecision.path(percentile).asLong());
        }
        assertThat(durations.path("rows").findValuesAsText("requestType")).containsOnly(
                "POINTS_REDEMPTION", "EARN_BADGE", "ISSUE_BADGE", "CHANGE_IDENTIFIER");
        assertThat(measure(durations.path("rows"), "toDecision", "EARN_BADGE").path("count").asInt()).isEqualTo(4);

        JsonNode redemptions = report("auditor1", "/durations?requestType=points-redemption");
        assertThat(redemptions.path("requestType").asText()).isEqualTo("POINTS_REDEMPTION");
        assertThat(redemptions.path("rows").findValuesAsText("requestType")).containsOnly("POINTS_REDEMPTION");
        assertThat(measure(redemptions.path("overall"), "toOutcome").path("count").asInt()).isEqualTo(2);

        JsonNode none = measure(report("auditor1", "/durations?to=2000-01-01").path("overall"), "toDecision");
        assertThat(none.path("count").asInt()).isZero();
        assertThat(none.path("p50Ms").isNull()).isTrue();
    }

    @Test
    void checkersHaveTheirDecisionsAndTheOpenWorkloadTheyMayDecide() {
        JsonNode checkers = report("checker2", "/checkers");

        assertThat(checkers.path("pending").asInt()).isEqualTo(3);
        assertThat(checkers.path("rows").toString()).isEqualTo(
                "[{\"checkerId\":2001,\"approved\":2,\"rejected\":0,\"openWorkload\":3},"
                        + "{\"checkerId\":2002,\"approved\":1,\"rejected\":1,\"openWorkload\":3},"
                        + "{\"checkerId\":4001,\"approved\":0,\"rejected\":1,\"openWorkload\":2}]");
        assertThat(report("checker2", "/checkers?from=2000-01-01&to=2000-01-31").path("rows")).isEmpty();
    }

    @Test
    void theBacklogHasThePendingCountAndTheOldestPendingRequestPerType() {
        JsonNode backlog = report("auditor1", "/backlog");

        assertThat(backlog.path("rows").findValuesAsText("requestType"))
                .containsExactly("CUSTOMER_STATUS_CHANGE", "EARN_BADGE");
        JsonNode badges = backlog.path("rows").get(1);
        assertThat(badges.path("pending").asInt()).isEqualTo(2);
        assertOldest(badges, history.oldestPendingBadge(), backlog.path("asOf").asText());
        assertThat(backlog.path("totals").path("pending").asInt()).isEqualTo(3);
        assertOldest(backlog.path("totals"), history.oldestPending(), backlog.path("asOf").asText());
    }

    @Test
    void withAcceptTextCsvTheSameRowsComeAsACsvDownload() throws Exception {
        HttpResponse<String> summary = csv("auditor1", "/summary?groupBy=requestType");
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        assertThat(summary.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("attachment", "report-summary.csv"));
        assertThat(summary.body()).isEqualTo(String.join("\r\n", SUMMARY_HEADER,
                ",POINTS_REDEMPTION,2,1,0,1,0,0,0",
                ",CUSTOMER_STATUS_CHANGE,1,0,0,0,0,0,0",
                ",EARN_BADGE,6,2,1,0,1,1,0",
                ",ISSUE_BADGE,1,0,1,0,0,0,0",
                ",CHANGE_IDENTIFIER,1,1,0,0,0,0,1",
                ",,11,4,2,1,1,1,1", ""));

        assertThat(csv("auditor1", "/checkers").body()).isEqualTo(
                "checkerId,approved,rejected,openWorkload\r\n2001,2,0,3\r\n2002,1,1,3\r\n4001,0,1,2\r\n");
        List<String> durations = csv("auditor1", "/durations").body().lines().toList();
        assertThat(durations).hasSize(1 + 4 * 2 + 2).first()
                .isEqualTo("requestType,measure,count,p50Ms,p90Ms,p99Ms,maxMs");
        assertThat(durations.get(durations.size() - 1)).startsWith(",toOutcome,8,");
        List<String> backlog = csv("auditor1", "/backlog").body().lines().toList();
        assertThat(backlog).hasSize(1 + 2 + 1).first().isEqualTo("requestType,pending,oldestSubmittedAt,oldestAgeMs");
        assertThat(backlog.get(3)).startsWith(",3,");
    }

    @Test
    void anotherOrgSeesOnlyItsOwnRequests() {
        JsonNode summary = report("otherchecker", "/summary?groupBy=requestType");
        assertThat(summary.path("totals").toString()).isEqualTo(row(null, null, 1, 0, 0, 0, 0, 0, 0));
        assertThat(report("otherchecker", "/checkers").path("rows")).isEmpty();
        assertThat(report("otherchecker", "/durations").path("rows")).isEmpty();
        assertThat(report("otherchecker", "/backlog").path("totals").path("pending").asInt()).isEqualTo(1);
    }

    @Test
    void badParametersAreRefusedAndMakersMayNotReadReports() throws Exception {
        for (String query : List.of("/summary?groupBy=week", "/summary?groupBy=day,", "/summary?from=yesterday",
                "/durations?to=31/01/2024", "/checkers?from=2024-02-02&to=2024-02-01",
                "/durations?requestType=NOPE")) {
            assertProblem(api.get("auditor1", "/api/v1/reports" + query), 400);
        }
        assertProblem(api.get("maker1", "/api/v1/reports/summary"), 403);
        HttpResponse<String> refusedCsv = csv("auditor1", "/summary?groupBy=week");
        assertThat(refusedCsv.statusCode()).as(refusedCsv.body()).isEqualTo(400);
    }

    @Test
    void rebuildingTheViewsFromEveryEventGivesTheSameDocumentsAndAppliesEachEventOnce() {
        List<String> fresh = ViewCollections.ALL.stream().map(ViewCollections::fresh).toList();
        fresh.forEach(mongo::dropCollection);
        try {
            // Twice over: an event delivered again changes nothing.
            for (int pass = 0; pass < 2; pass++) {
                ViewWrites writes = ViewWrites.fresh(mongo);
                try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
                    while (events.hasNextAvailable()) {
                        if (events.nextAvailable() instanceof DomainEventMessage<?> event) {
                            views.apply(event, writes);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                writes.flush();
            }
            for (String collection : ViewCollections.ALL) {
                assertThat(documents(ViewCollections.fresh(collection))).isNotEmpty()
                        .isEqualTo(documents(collection));
            }
        } finally {
            fresh.forEach(mongo::dropCollection);
        }
    }

    private List<Document> documents(String collection) {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, collection);
    }

    private void decided(String maker, Map<String, Object> submit, String decider, String decision,
                         String finalState) {
        String id = submitted(maker, submit);
        assertThat(requests.decide(decider, id, decision, "because").status()).isEqualTo(200);
        requests.awaitState(id, finalState);
    }

    private String submitted(String maker, Map<String, Object> submit) {
        Response response = requests.submit(maker, submit);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("requestId");
    }

    private static String requestIdOf(String idempotencyKey) {
        return idempotencyKey == null ? "" : idempotencyKey.substring(0, idempotencyKey.lastIndexOf(':'));
    }

    private JsonNode report(String user, String path) {
        Response response = api.get(user, "/api/v1/reports" + path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode totals(String user) {
        return report(user, "/summary").path("totals");
    }

    private static String row(String day, String requestType, int submitted, int approved, int rejected, int failed,
                              int cancelled, int byClient, int byConfig) {
        return String.format("{\"day\":%s,\"requestType\":%s,\"submitted\":%d,\"approved\":%d,\"rejected\":%d,"
                        + "\"failed\":%d,\"cancelled\":%d,\"autoApprovedByClient\":%d,\"autoApprovedByConfig\":%d}",
                quoted(day), quoted(requestType), submitted, approved, rejected, failed, cancelled, byClient, byConfig);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static JsonNode measure(JsonNode rows, String measure) {
        return measure(rows, measure, null);
    }

    private static JsonNode measure(JsonNode rows, String measure, String requestType) {
        for (JsonNode row : rows) {
            if (row.path("measure").asText().equals(measure)
                    && (requestType == null || row.path("requestType").asText().equals(requestType))) {
                return row;
            }
        }
        throw new AssertionError("No " + measure + " row for " + requestType + " in " + rows);
    }

    /** The oldest pending request is {@code requestId}: its submission time, and its age as of the report. */
    private void assertOldest(JsonNode row, String requestId, String asOf) {
        long createdAt = api.get("auditor1", "/api/v1/requests/" + requestId).json().path("createdAt").asLong();
        assertThat(Instant.parse(row.path("oldestSubmittedAt").asText()).toEpochMilli()).isEqualTo(createdAt);
        assertThat(row.path("oldestAgeMs").asLong()).isEqualTo(Instant.parse(asOf).toEpochMilli() - createdAt);
    }

    private HttpResponse<String> csv(String user, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports" + path))
                .header("Accept", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
