package com.requestworkflows.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.requestworkflows.support.ApiClient;
import com.requestworkflows.support.ApiClient.Response;
import com.requestworkflows.support.FakeHttpServer;
import com.requestworkflows.support.FakeHttpServer.Reply;
import com.requestworkflows.support.Payloads;
import com.requestworkflows.support.Requests;
import com.requestworkflows.support.ServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static com.requestworkflows.support.Requests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit search over a history with every kind of transition (a checker's approval, a rejection, a withdrawal,
 * automatic approvals by the client and by an org rule, and an execution that is retried, fails, is retried by an
 * admin and succeeds), and reading a request as it stood at a past moment.
 */
class AuditAndPointInTimeTest extends ServiceTest {

    private static final FakeHttpServer platform = new FakeHttpServer();
    private static final int ORG_ZERO_ENTRIES = 16;
    private static final String AWKWARD_COMMENT = "=SUM(1), \"really\" no";

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> dataDirectory.toString());
        registry.add("requests.execution.targets.POINTS_REDEMPTION.url", () -> platform.url("/v1.1/points/redeem"));
        registry.add("requests.execution.max-attempts", () -> 3);
        registry.add("requests.execution.initial-backoff", () -> "100ms");
        registry.add("requests.execution.max-backoff", () -> "200ms");
        registry.add("requests.execution.poll-interval", () -> "50ms");
    }

    /** The history every test reads, recorded once for the class (null until then). */
    static long startedAt;
    static String approved;
    static String executed;
    static String otherOrgs;

    @BeforeEach
    void recordTheHistoryOnce() {
        if (approved == null) {
            recordAHistoryWithEveryKindOfTransition();
        }
    }

    private void recordAHistoryWithEveryKindOfTransition() {
        startedAt = System.currentTimeMillis();

        approved = submit("maker1", Payloads.earnBadge(), "AUD-approve");
        pause();
        requests.decide("checker1", approved, "approve", "fine");
        requests.decide("checker2", submit("maker2", Payloads.issueBadge(), "AUD-reject"), "reject", AWKWARD_COMMENT);
        requests.decide("maker1", submit("maker1", Payloads.earnBadge(), "AUD-cancel"), "cancel", null);

        Map<String, Object> byClient = Payloads.earnBadge();
        byClient.put("clientAutoApprove", true);
        submit("maker2", byClient, "AUD-client");
        api.put("admin", "/api/v1/auto-approval-rules/CI_EMAIL_AUTO_APPROVE", Map.of("enabled", true));
        try {
            submit("maker1", Payloads.emailChange(), "AUD-config");
        } finally {
            api.put("admin", "/api/v1/auto-approval-rules/CI_EMAIL_AUTO_APPROVE", Map.of("enabled", false));
        }

        // Busy once (retried), then refused (failed); after the admin's retry the platform accepts.
        AtomicInteger calls = new AtomicInteger();
        platform.respondWith(request -> switch (calls.incrementAndGet()) {
            case 1 -> Reply.of(503, "{\"message\":\"busy\"}");
            case 2 -> Reply.of(400, "{\"message\":\"refused\"}");
            default -> Reply.of(200, "{\"status\":{\"success\":true}}");
        });
        executed = submit("maker1", Payloads.pointsRedemption(), "AUD-exec");
        requests.decide("checker1", executed, "approve", "redeem it");
        requests.awaitState(executed, "failed");
        assertThat(api.post("admin", "/api/v1/requests/" + executed + "/retry", null).status()).isEqualTo(200);
        requests.awaitState(executed, "approved");

        otherOrgs = submit("othermaker", Payloads.earnBadge(), "AUD-other");
        requests.decide("otherchecker", otherOrgs, "approve", null);

        await().atMost(Requests.VIEW_TIMEOUT).until(() ->
                audit("auditor1", "size=1").path("totalElements").asInt() == ORG_ZERO_ENTRIES
                        && audit("otherchecker", "size=1").path("totalElements").asInt() == 2);
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void everyEventOfARequestIsAnEntryWithItsActorStatesAndALinkToTheRequest() {
        List<JsonNode> entries = content(audit("auditor1", "referenceId=AUD-exec&sort=at,asc"));

        assertThat(entries).extracting(entry -> entry.path("transition").asText()).containsExactly("SUBMITTED",
                "APPROVED", "EXECUTION_ATTEMPT_FAILED", "EXECUTION_FAILED", "EXECUTION_RETRIED", "EXECUTED");
        assertThat(entries).extracting(entry -> entry.path("actorId").isNull() ? null : entry.path("actorId").asLong())
                .containsExactly(1001L, 2001L, null, null, 9001L, null);
        assertThat(entries).extracting(entry -> entry.path("previousState").asText(null))
                .containsExactly(null, "AdminTask", "executing", "executing", "failed", "executing");
        assertThat(entries).extracting(entry -> entry.path("state").asText())
                .containsExactly("AdminTask", "executing", "executing", "failed", "executing", "approved");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.path("requestId").asText()).isEqualTo(executed);
            assertThat(entry.path("requestType").asText()).isEqualTo("POINTS_REDEMPTION");
            assertThat(entry.path("requesterId").asLong()).isEqualTo(1001);
            assertThat(entry.path("request").asText()).isEqualTo("/api/v1/requests/" + executed);
        });
        assertThat(entries.get(1).path("comment").asText()).isEqualTo("redeem it");
        assertThat(api.get("auditor1", entries.get(0).path("request").asText()).field("requestId"))
                .isEqualTo(executed);
    }

    @Test
    void automaticApprovalsHaveNoActorAndSayWhy() {
        JsonNode byClient = single(audit("auditor1", "approvalType=CLIENT"));
        assertThat(byClient.path("referenceId").asText()).isEqualTo("AUD-client");
        assertThat(byClient.path("actorId").isNull()).isTrue();
        assertThat(byClient.path("state").asText()).isEqualTo("approved");

        JsonNode byRule = single(audit("auditor1", "approvalType=config"));
        assertThat(byRule.path("referenceId").asText()).isEqualTo("AUD-config");
        assertThat(byRule.path("approvalRule").asText()).isEqualTo("CI_EMAIL_AUTO_APPROVE");
    }

    @Test
    void eachFilterNarrowsTheSearch() {
        assertThat(referenceIds(audit("auditor1", "actorId=2001"))).containsExactlyInAnyOrder("AUD-approve", "AUD-exec");
        assertThat(referenceIds(audit("auditor1", "actorId=1001")))
                .containsExactlyInAnyOrder("AUD-approve", "AUD-cancel", "AUD-cancel", "AUD-config", "AUD-exec");
        assertThat(referenceIds(audit("auditor1", "actorId=system"))).containsExactlyInAnyOrder(
                "AUD-client", "AUD-config", "AUD-exec", "AUD-exec", "AUD-exec");
        assertThat(referenceIds(audit("auditor1", "requestType=issue-badge")))
                .containsExactlyInAnyOrder("AUD-reject", "AUD-reject");
        JsonNode cancelled = single(audit("auditor1", "state=cancelled"));
        assertThat(cancelled.path("transition").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("previousState").asText()).isEqualTo("AdminTask");
        assertThat(referenceIds(audit("auditor1", "state=rejected&actorId=2002"))).containsExactly("AUD-reject");
        assertThat(referenceIds(audit("auditor1", "referenceId=AUD-approve")))
                .containsExactlyInAnyOrder("AUD-approve", "AUD-approve");

        long now = System.currentTimeMillis();
        assertThat(total(audit("auditor1", "from=" + startedAt + "&to=" + now))).isEqualTo(ORG_ZERO_ENTRIES);
        assertThat(total(audit("auditor1", "from=" + (now + 1)))).isZero();
        assertThat(total(audit("auditor1", "to=" + Instant.ofEpochMilli(startedAt - 1)))).isZero();
        assertThat(total(audit("auditor1", "from=" + LocalDate.now(ZoneOffset.UTC)))).isEqualTo(ORG_ZERO_ENTRIES);
    }

    @Test
    void pagesAreSortedByTimeNewestFirstAndCoverEveryEntryOnce() {
        Set<String> seen = new HashSet<>();
        List<Long> times = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            JsonNode answer = audit("auditor1", "size=5&page=" + page);
            assertThat(answer.path("totalElements").asInt()).isEqualTo(ORG_ZERO_ENTRIES);
            assertThat(answer.path("totalPages").asInt()).isEqualTo(4);
            assertThat(answer.path("size").asInt()).isEqualTo(5);
            content(answer).forEach(entry -> {
                seen.add(entry.path("eventId").asText());
                times.add(entry.path("at").asLong());
            });
        }
        assertThat(seen).hasSize(ORG_ZERO_ENTRIES);
        assertThat(times).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        List<Long> oldestFirst = content(audit("auditor1", "size=200&sort=at,asc")).stream()
                .map(entry -> entry.path("at").asLong()).toList();
        assertThat(oldestFirst).isSorted().hasSize(ORG_ZERO_ENTRIES);
    }

    @Test
    void theSearchExportsAsCsvWithAHeaderAndEscapedCells() throws Exception {
        HttpResponse<String> csv = getCsv("auditor1", "/api/v1/audit?referenceId=AUD-reject&sort=at,asc");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("audit.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("eventId,at,requestId,transition,actorId,previousState,state,approvalType,"
                + "approvalRule,comment,requestType,baseType,referenceId,requesterId,request");
        assertThat(lines[1]).contains(",SUBMITTED,1002,,AdminTask,").endsWith(",ISSUE_BADGE,,AUD-reject,1002,"
                + "/api/v1/requests/" + content(audit("auditor1", "referenceId=AUD-reject")).get(0)
                .path("requestId").asText());
        assertThat(lines[2]).contains(",REJECTED,2002,AdminTask,rejected,,,\"'=SUM(1), \"\"really\"\" no\",");
    }

    @Test
    void anOrgSeesOnlyItsOwnTransitions() {
        List<JsonNode> entries = content(audit("otherchecker", "size=200"));
        assertThat(entries).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.path("orgId").asLong()).isEqualTo(7);
            assertThat(entry.path("requestId").asText()).isEqualTo(otherOrgs);
        });
        assertThat(total(audit("otherchecker", "referenceId=AUD-approve"))).isZero();
        assertThat(referenceIds(audit("auditor1", "size=200"))).doesNotContain("AUD-other");
    }

    @Test
    void onlyAuditorsAndAdminsSearchAndBadParametersAreRefused() {
        assertThat(api.get("admin", "/api/v1/audit").status()).isEqualTo(200);
        assertProblem(api.get("maker1", "/api/v1/audit"), 403);
        assertProblem(api.get("checker1", "/api/v1/audit"), 403);
        for (String bad : List.of("actorId=someone", "actorId=-1", "requestType=NOPE", "state=done",
                "approvalType=MANUAL", "from=yesterday", "to=2024-13-45", "page=-1", "size=0", "size=201",
                "sort=createdAt", "sort=at,sideways")) {
            Response refused = api.get("auditor1", "/api/v1/audit?" + bad);
            assertProblem(refused, 400);
            assertThat(refused.json().path("field").asText()).as(bad).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void aRequestIsReadAsItStoodAtAPastMoment() {
        JsonNode now = api.get("auditor1", "/api/v1/requests/" + approved).json();
        long submittedAt = now.path("createdAt").asLong();
        long decidedAt = now.path("updateTime").asLong();
        assertThat(decidedAt).isGreaterThan(submittedAt);

        assertProblem(asOf("auditor1", approved, String.valueOf(submittedAt - 1)), 404);
        assertThat(asOf("auditor1", approved, String.valueOf(submittedAt)).field("state")).isEqualTo("AdminTask");
        JsonNode pending = asOf("maker2", approved, Instant.ofEpochMilli(decidedAt - 1).toString()).json();
        assertThat(pending.path("state").asText()).isEqualTo("AdminTask");
        assertThat(pending.path("checkerId").isNull()).isTrue();
        assertThat(pending.path("referenceId").asText()).isEqualTo("AUD-approve");
        JsonNode decided = asOf("checker2", approved, String.valueOf(decidedAt)).json();
        assertThat(decided.path("state").asText()).isEqualTo("approved");
        assertThat(decided.path("checkerId").asLong()).isEqualTo(2001);
        assertThat(asOf("auditor1", approved, LocalDate.now(ZoneOffset.UTC).toString()).field("state"))
                .as("a date means its end").isEqualTo("approved");
    }

    @Test
    void aPastMomentOfAnUnknownOrForeignRequestIsNotFoundAndABadMomentIsRefused() {
        String later = String.valueOf(System.currentTimeMillis());
        assertProblem(asOf("otherchecker", approved, later), 404);
        assertProblem(asOf("auditor1", otherOrgs, later), 404);
        assertProblem(asOf("auditor1", "00000000-0000-0000-0000-000000000000", later), 404);
        assertProblem(asOf("auditor1", "auto-approval-policy-0", later), 404);
        for (String bad : List.of("yesterday", "", "2024-02-30", "12345678901234567890")) {
            Response refused = asOf("auditor1", approved, bad);
            assertProblem(refused, 400);
            assertThat(refused.json().path("field").asText()).isEqualTo("asOf");
        }
    }

    private String submit(String maker, Map<String, Object> body, String referenceId) {
        Response submitted = requests.submit(maker, Payloads.withReferenceId(body, referenceId));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.field("requestId");
    }

    private Response asOf(String user, String requestId, String moment) {
        return api.get(user, "/api/v1/requests/" + requestId + "?asOf=" + moment);
    }

    private JsonNode audit(String user, String query) {
        Response response = api.get(user, "/api/v1/audit?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> content(JsonNode page) {
        List<JsonNode> entries = new ArrayList<>();
        page.path("content").forEach(entries::add);
        return entries;
    }

    private static JsonNode single(JsonNode page) {
        assertThat(page.path("totalElements").asInt()).as(page.toString()).isEqualTo(1);
        return page.path("content").get(0);
    }

    private static List<String> referenceIds(JsonNode page) {
        return content(page).stream().map(entry -> entry.path("referenceId").asText()).toList();
    }

    private static int total(JsonNode page) {
        return page.path("totalElements").asInt();
    }

    /** {@link ApiClient} sends no Accept header of its own choosing; the export needs one. */
    private HttpResponse<String> getCsv(String user, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** So the submission and the decision of a request fall on different milliseconds. */
    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
