package com.requestworkflows.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.requestworkflows.support.ApiClient.Response;
import com.requestworkflows.support.FakeHttpServer.Received;
import com.requestworkflows.support.FakeHttpServer.Reply;
import com.requestworkflows.support.FakeHttpServer;
import com.requestworkflows.support.Payloads;
import com.requestworkflows.support.Requests;
import com.requestworkflows.support.ServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.requestworkflows.support.Requests.assertProblem;
import static com.requestworkflows.support.Requests.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Approved requests are carried out against a loyalty platform played by a real HTTP server: points redemptions
 * (POST) are configured with a target, badges are not.
 */
class ExecutionTest extends ServiceTest {

    private static final FakeHttpServer platform = new FakeHttpServer();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> dataDirectory.toString());
        registry.add("requests.execution.targets.POINTS_REDEMPTION.url", () -> platform.url("/v1.1/points/redeem"));
        registry.add("requests.execution.max-attempts", () -> 3);
        // A rebuild writes in batches: tiny ones here, so documents change and go across batches.
        registry.add("requests.replay.events-per-write", () -> 2);
        registry.add("requests.execution.initial-backoff", () -> "100ms");
        registry.add("requests.execution.max-backoff", () -> "200ms");
        registry.add("requests.execution.timeout", () -> "1s");
        registry.add("requests.execution.poll-interval", () -> "50ms");
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @BeforeEach
    void platformSucceedsByDefault() {
        platform.respondWith(request -> Reply.of(200, "{\"status\":{\"success\":true}}"));
    }

    @Test
    void anApprovedRedemptionIsCalledOnceWithItsAttributesAndThenApproved() throws Exception {
        String id = approvedRedemption();

        requests.awaitState(id, "approved");
        List<Received> calls = callsFor(id);
        assertThat(calls).hasSize(1);
        Received call = calls.get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.query()).contains("skip_validation=true").contains("format=json");
        assertThat(JSON.readTree(call.body()))
                .isEqualTo(JSON.valueToTree(Payloads.pointsRedemption().get("requestAttributes")).path("body"));

        // As the reference shows it: pending, then approved from AdminTask once the platform has answered, as the
        // approval's call; the detailed form shows the execution in between and the platform's answer.
        List<JsonNode> history = requests.awaitHistory(id, 2);
        List<JsonNode> detailed = requests.awaitDetailedHistory(id, 3);
        assertThat(history).extracting(Requests::state).containsExactly("AdminTask", "approved");
        assertThat(detailed).extracting(Requests::state).containsExactly("AdminTask", "executing", "approved");
        JsonNode approved = history.get(1);
        assertThat(approved.path("data").path("previousRequestState").asText()).isEqualTo("AdminTask");
        assertThat(approved.path("data").path("checkerId").asLong()).isEqualTo(2001);
        assertThat(approved.path("data").path("comment").asText()).isEqualTo("redeem it");
        assertThat(approved.path("data").has("execution")).isFalse();
        assertThat(approved.path("apiRequestId").asText()).as("the approval's call")
                .isEqualTo(detailed.get(1).path("apiRequestId").asText()).isNotBlank();
        assertThat(approved.path("eventId").asText()).isEqualTo(detailed.get(2).path("eventId").asText());
        assertThat(detailed.get(2).path("data").path("previousRequestState").asText()).isEqualTo("executing");
        assertThat(detailed.get(2).path("data").path("execution").path("lastAttempt").path("httpStatus").asInt())
                .isEqualTo(200);
    }

    @Test
    void aRefusalFailsTheRequestAtOnceKeepingThePlatformsAnswer() {
        platform.respondWith(request -> Reply.of(400, "{\"code\":744,\"message\":\"Reference number already exists\"}"));
        String id = approvedRedemption();

        requests.awaitState(id, "failed");
        assertThat(callsFor(id)).hasSize(1);
        JsonNode failedEvent = requests.awaitHistory(id, 2).get(1);
        assertThat(state(failedEvent)).isEqualTo("failed");
        JsonNode failed = failedEvent.path("data");
        assertThat(failed.path("previousRequestState").asText()).isEqualTo("AdminTask");
        assertThat(failed.path("checkerId").asLong()).isEqualTo(2001);
        assertThat(failed.path("comment").asText()).isEqualTo("redeem it");
        assertThat(requests.awaitDetailedHistory(id, 3).get(2).path("data").path("execution").path("lastAttempt")
                .path("responseBody").asText()).contains("Reference number already exists");
        JsonNode view = api.get("auditor1", "/api/v1/requests/" + id).json();
        assertThat(view.path("execution").path("lastAttempt").path("httpStatus").asInt()).isEqualTo(400);
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedWithTheSameIdempotencyKey() {
        AtomicInteger calls = new AtomicInteger();
        platform.respondWith(request -> switch (calls.incrementAndGet()) {
            case 1 -> Reply.of(503, "{\"message\":\"busy\"}");
            case 2 -> new Reply(200, "{}", Duration.ofMillis(1500));
            default -> Reply.of(200, "{\"status\":{\"success\":true}}");
        });
        String id = approvedRedemption();

        requests.awaitState(id, "approved");
        List<Received> received = callsFor(id);
        assertThat(received).hasSize(3);
        assertThat(received).extracting(call -> call.header("Idempotency-Key")).containsOnly(id + ":1");
        List<JsonNode> history = requests.awaitDetailedHistory(id, 5);
        assertThat(history).extracting(Requests::state)
                .containsExactly("AdminTask", "executing", "executing", "executing", "approved");
        assertThat(requests.awaitHistory(id, 2)).extracting(Requests::state).containsExactly("AdminTask", "approved");
        assertThat(history.get(2).path("data").path("execution").path("lastAttempt").path("httpStatus").asInt())
                .isEqualTo(503);
        assertThat(history.get(3).path("data").path("execution").path("lastAttempt").path("error").asText())
                .contains("No answer");
    }

    @Test
    void whenEveryAttemptFailsTheRequestFailsAndAnAdminCanRetryIt() {
        platform.respondWith(request -> Reply.of(500, "{\"message\":\"down\"}"));
        String id = approvedRedemption();
        requests.awaitState(id, "failed");
        assertThat(callsFor(id)).hasSize(3);

        assertProblem(api.post("checker1", "/api/v1/requests/" + id + "/retry", null), 403);
        platform.respondWith(request -> Reply.of(200, "{}"));
        Response retried = api.post("admin", "/api/v1/requests/" + id + "/retry", null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("state").asText()).isEqualTo("executing");

        requests.awaitState(id, "approved");
        List<Received> received = callsFor(id);
        assertThat(received).hasSize(4);
        assertThat(received.get(3).header("Idempotency-Key")).isEqualTo(id + ":2");
        assertThat(requests.awaitDetailedHistory(id, 7)).extracting(Requests::state).containsExactly("AdminTask",
                "executing", "executing", "executing", "failed", "executing", "approved");
        List<JsonNode> history = requests.awaitHistory(id, 3);
        assertThat(history).extracting(Requests::state).containsExactly("AdminTask", "failed", "approved");
        assertThat(history.get(2).path("data").path("previousRequestState").asText()).isEqualTo("failed");
        assertProblem(api.post("admin", "/api/v1/requests/" + id + "/retry", null), 409);
    }

    @Test
    void aTypeWithoutATargetIsApprovedWithoutACallAndItsViewSaysSo() {
        String id = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        Response approved = requests.decide("checker1", id, "approve", "fine");

        assertThat(approved.json().path("state").asText()).isEqualTo("approved");
        assertThat(approved.json().path("execution").path("status").asText()).isEqualTo("NOT_CONFIGURED");
        requests.awaitState(id, "approved");
        assertThat(requests.awaitHistory(id, 2).get(1).path("data").has("execution")).isFalse();
        assertThat(callsFor(id)).isEmpty();
    }

    @Test
    void aSlowPlatformHoldsUpNoOtherRequest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        platform.respondWith(request -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.of(200, "{}");
        });
        String stuck = approvedRedemption();
        await().atMost(Requests.VIEW_TIMEOUT).until(() -> !callsFor(stuck).isEmpty());

        String other = requests.submit("maker2", Payloads.earnBadge()).field("requestId");
        assertThat(requests.decide("checker2", other, "reject", "not now").json().path("state").asText())
                .isEqualTo("rejected");
        requests.awaitState(stuck, "executing");
        assertThat(api.get("auditor1", "/api/v1/requests?state=executing&size=200").json()
                .findValuesAsText("requestId")).contains(stuck);
        requests.awaitState(other, "rejected");

        release.countDown();
        requests.awaitState(stuck, "approved");
    }

    @Test
    void rebuildingEveryViewAfterExecutionsChangesNothing() {
        AtomicInteger calls = new AtomicInteger();
        platform.respondWith(request -> calls.incrementAndGet() == 1 ? Reply.of(503, "{}") : Reply.of(200, "{}"));
        String retriedThenApproved = approvedRedemption();
        requests.awaitState(retriedThenApproved, "approved");
        platform.respondWith(request -> Reply.of(400, "{\"code\":744}"));
        String failedThenRetried = approvedRedemption();
        requests.awaitState(failedThenRetried, "failed");
        platform.respondWith(request -> Reply.of(200, "{}"));
        api.post("admin", "/api/v1/requests/" + failedThenRetried + "/retry", null);
        requests.awaitState(failedThenRetried, "approved");
        List<String> ids = List.of(retriedThenApproved, failedThenRetried);
        requests.awaitDetailedHistory(retriedThenApproved, 4);
        requests.awaitDetailedHistory(failedThenRetried, 5);
        await().atMost(Requests.VIEW_TIMEOUT).until(() -> auditOf(ids).size() == 9);
        String before = viewsOf(ids);

        Response started = api.post("admin", "/api/v1/admin/replays", Map.of("projection", "all"));
        String progress = started.headers().firstValue("Location").orElseThrow();
        String path = progress.substring(progress.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(api.get("admin", path).field("status")));

        assertThat(viewsOf(ids)).isEqualTo(before);
    }

    /** The request, its history and its audit entries, as clients read them. */
    private String viewsOf(List<String> ids) {
        StringBuilder views = new StringBuilder();
        ids.forEach(id -> views.append(api.get("auditor1", "/api/v1/requests/" + id).text())
                .append(api.get("auditor1", "/api/v1/requests/" + id + "/history").text()));
        return views.append(auditOf(ids)).toString();
    }

    private List<String> auditOf(List<String> ids) {
        return ids.stream().flatMap(id -> api.get("auditor1", "/api/v1/audit?size=200&sort=at,asc&requestType="
                        + "POINTS_REDEMPTION").json().path("content").findParents("requestId").stream()
                        .filter(entry -> entry.path("requestId").asText().equals(id)).map(JsonNode::toString))
                .toList();
    }

    /** Submitted by maker1, approved by checker1: the answer says it is executing. */
    private String approvedRedemption() {
        String id = requests.submit("maker1", Payloads.pointsRedemption()).field("requestId");
        Response approved = requests.decide("checker1", id, "approve", "redeem it");
        assertThat(approved.json().path("state").asText()).isEqualTo("executing");
        assertThat(approved.json().path("execution").path("idempotencyKey").asText()).isEqualTo(id + ":1");
        return id;
    }

    private static List<Received> callsFor(String requestId) {
        return platform.received().stream()
                .filter(call -> String.valueOf(call.header("Idempotency-Key")).startsWith(requestId + ":"))
                .toList();
    }
}
