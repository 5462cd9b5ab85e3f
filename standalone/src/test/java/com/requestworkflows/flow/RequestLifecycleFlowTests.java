package com.requestworkflows.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.requestworkflows.query.projection.ProjectionConfiguration;
import com.requestworkflows.support.ApiClient.Response;
import com.requestworkflows.support.Payloads;
import com.requestworkflows.support.Requests;
import com.requestworkflows.support.ServiceTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static com.requestworkflows.support.Requests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The request lifecycle through the real HTTP stack, against real stores. Subclasses choose the stores. Commands
 * answer with the new state at once; the views catch up right after, so view checks poll (bounded).
 */
abstract class RequestLifecycleFlowTests extends ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void makerSubmitsCheckerSeesItInTheInboxApprovesItAndTheHistoryShowsBothChanges() throws IOException {
        Response submitted = requests.submit("maker1", Payloads.pointsRedemption());
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.field("requestId");
        assertThat(submitted.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/requests/" + id));
        assertThat(submitted.json().path("state").asText()).isEqualTo("AdminTask");
        assertThat(submitted.json().path("requesterId").asLong()).isEqualTo(1001);
        assertThat(submitted.json().path("refId").asText()).isEqualTo("0_" + id);

        awaitInbox("checker1", ids -> ids.contains(id));

        Response approved = api.post("checker1", "/api/v1/requests/" + id + "/approve",
                Map.of("comment", "approving the points redemption request"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("state").asText()).isEqualTo("approved");
        assertThat(approved.json().path("checkerId").asLong()).isEqualTo(2001);
        assertThat(approved.json().path("comment").asText()).isEqualTo("approving the points redemption request");

        awaitInbox("checker1", ids -> !ids.contains(id));
        requests.awaitState(id, "approved");
        List<JsonNode> history = requests.awaitHistory(id, 2);
        assertSameShape(history.get(0), reference("points-redemption-pending.json"));
        assertSameShape(history.get(1), reference("points-redemption-approved.json"));
        assertThat(history.get(1).path("data").path("previousRequestState").asText()).isEqualTo("AdminTask");
        assertThat(history.get(1).path("data").path("checkerId").asLong()).isEqualTo(2001);
        assertThat(history.get(0).path("data").path("requestAttributes"))
                .isEqualTo(JSON.valueToTree(Payloads.pointsRedemption().get("requestAttributes")));
        assertThat(history.get(0).path("eventId").asText()).isNotEqualTo(history.get(1).path("eventId").asText());
        assertThat(history.get(1).path("apiRequestId").asText()).matches("[0-9a-f]{32}");
    }

    @Test
    void rejectionNeedsACommentAndIsKeptInTheHistory() {
        String id = requests.submit("maker1", Payloads.earnBadge()).field("requestId");

        Response withoutComment = api.post("checker2", "/api/v1/requests/" + id + "/reject", Map.of());
        assertProblem(withoutComment, 400);
        assertThat(withoutComment.json().path("field").asText()).isEqualTo("comment");

        Response rejected = api.post("checker2", "/api/v1/requests/" + id + "/reject",
                Map.of("comment", "rejecting the earn badge request"));
        assertThat(rejected.json().path("state").asText()).isEqualTo("rejected");
        List<JsonNode> history = requests.awaitHistory(id, 2);
        assertThat(history.get(1).path("data").path("comment").asText()).isEqualTo("rejecting the earn badge request");
        assertThat(history.get(1).path("data").path("currentRequestState").asText()).isEqualTo("rejected");
    }

    @Test
    void decidedRequestsNeverChangeAgain() {
        String id = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        api.post("checker1", "/api/v1/requests/" + id + "/approve", Map.of("comment", "fine"));

        Response secondDecision = api.post("checker2", "/api/v1/requests/" + id + "/reject", Map.of("comment", "no"));
        assertProblem(secondDecision, 409);
        assertThat(secondDecision.json().path("code").asInt()).isEqualTo(9052);
        assertProblem(api.post("maker1", "/api/v1/requests/" + id + "/cancel", null), 409);
        requests.awaitState(id, "approved");
    }

    @Test
    void whoeverMadeARequestCanNeitherApproveNorRejectItNorSeeItInTheirInbox() {
        String id = requests.submit("dual1", Payloads.earnBadge()).field("requestId");

        Response selfApproval = api.post("dual1", "/api/v1/requests/" + id + "/approve", Map.of("comment", "mine"));
        assertProblem(selfApproval, 403);
        assertThat(selfApproval.json().path("code").asInt()).isEqualTo(9051);
        assertThat(selfApproval.json().path("title").asText()).isEqualTo("Same user cannot request and approve");
        assertProblem(api.post("dual1", "/api/v1/requests/" + id + "/reject", Map.of("comment", "mine")), 403);

        awaitInbox("checker1", ids -> ids.contains(id));
        assertThat(requests.inbox("dual1", "")).doesNotContain(id);
        assertThat(api.get("dual1", "/api/v1/tasks?requesterId=4001").json().path("totalElements").asLong()).isZero();
        requests.awaitState(id, "AdminTask");
    }

    @Test
    void onlyTheMakerCanWithdrawAPendingRequest() {
        String id = requests.submit("maker1", Payloads.earnBadge()).field("requestId");

        assertProblem(api.post("maker2", "/api/v1/requests/" + id + "/cancel", null), 403);
        Response cancelled = api.post("maker1", "/api/v1/requests/" + id + "/cancel", Map.of("comment", "typo"));
        assertThat(cancelled.json().path("state").asText()).isEqualTo("cancelled");
        assertProblem(api.post("checker1", "/api/v1/requests/" + id + "/approve", null), 409);
        awaitInbox("checker1", ids -> !ids.contains(id));
        assertThat(requests.awaitHistory(id, 2).get(1).path("data").path("currentRequestState").asText()).isEqualTo("cancelled");
    }

    @Test
    void rolesDecideWhoMayCallWhat() {
        assertProblem(api.get(null, "/api/v1/requests"), 401);
        assertProblem(api.get(null, "/api/v1/tasks"), 401);
        assertProblem(api.get("nosuchuser", "/api/v1/requests"), 401);
        assertProblem(api.get("maker1", "/api/v1/tasks"), 403);
        assertProblem(api.post("checker1", "/api/v1/requests", Payloads.earnBadge()), 403);
        assertProblem(api.post("auditor1", "/api/v1/requests", Payloads.earnBadge()), 403);
        String id = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        assertProblem(api.post("maker2", "/api/v1/requests/" + id + "/approve", null), 403);
        assertProblem(api.put("checker1", "/api/v1/auto-approval-rules/CI_EMAIL_AUTO_APPROVE", Map.of("enabled", true)), 403);
        requests.awaitState(id, "AdminTask");
        assertThat(api.get(null, "/actuator/health").json().path("status").asText()).isEqualTo("UP");
        assertProblem(api.get("checker1", "/actuator/metrics"), 403);
    }

    @Test
    void aReferenceIdIsUsedOncePerOrgEvenWhenSubmitsRace() throws Exception {
        String referenceId = "ref-" + UUID.randomUUID();
        List<Callable<Response>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(() -> requests.submit("maker2", Payloads.withReferenceId(Payloads.earnBadge(), referenceId)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Response> responses = new ArrayList<>();
        try {
            for (Future<Response> response : pool.invokeAll(racers)) {
                responses.add(response.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<Response> created = responses.stream().filter(response -> response.status() == 201).toList();
        assertThat(created).hasSize(1);
        String winner = created.get(0).field("requestId");
        assertThat(responses).filteredOn(response -> response.status() != 201).hasSize(7).allSatisfy(refused -> {
            assertProblem(refused, 409);
            assertThat(refused.json().path("existingRequestId").asText()).isEqualTo(winner);
        });
        Response otherOrg = requests.submit("othermaker", Payloads.withReferenceId(Payloads.earnBadge(), referenceId));
        assertThat(otherOrg.status()).isEqualTo(201);
    }

    @Test
    void concurrentDecisionsOnOneRequestLetExactlyOneWin() throws Exception {
        String id = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Response> approve = pool.submit(() ->
                    api.post("checker1", "/api/v1/requests/" + id + "/approve", Map.of("comment", "yes")));
            Future<Response> reject = pool.submit(() ->
                    api.post("checker2", "/api/v1/requests/" + id + "/reject", Map.of("comment", "no")));
            List<Integer> statuses = List.of(approve.get().status(), reject.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(requests.awaitHistory(id, 2)).hasSize(2);
    }

    @Test
    void orgRulesAndTheClientApproveAutomaticallyAndSayWhy() {
        Response enabled = api.put("admin", "/api/v1/auto-approval-rules/CI_EMAIL_AUTO_APPROVE", Map.of("enabled", true));
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
        assertThat(enabled.json().path("changedBy").asLong()).isEqualTo(9001);
        try {
            Response byRule = requests.submit("maker1", Payloads.emailChange());
            assertThat(byRule.json().path("state").asText()).isEqualTo("approved");
            assertThat(byRule.json().path("approvalType").asText()).isEqualTo("CONFIG");
            assertThat(byRule.json().path("approvalRule").asText()).isEqualTo("CI_EMAIL_AUTO_APPROVE");
            List<JsonNode> history = requests.awaitHistory(byRule.field("requestId"), 2);
            assertThat(history.get(0).path("data").path("currentRequestState").asText()).isEqualTo("AdminTask");
            assertThat(history.get(1).path("data").path("approvalType").asText()).isEqualTo("CONFIG");
            assertThat(history.get(1).path("data").path("approvalRule").asText()).isEqualTo("CI_EMAIL_AUTO_APPROVE");

            assertThat(requests.submit("maker1", Payloads.earnBadge()).json().path("state").asText()).isEqualTo("AdminTask");
            assertThat(requests.submit("othermaker", Payloads.emailChange()).json().path("state").asText())
                    .as("another org's rules do not apply").isEqualTo("AdminTask");
        } finally {
            api.put("admin", "/api/v1/auto-approval-rules/CI_EMAIL_AUTO_APPROVE", Map.of("enabled", false));
        }
        assertThat(requests.submit("maker1", Payloads.emailChange()).json().path("state").asText()).isEqualTo("AdminTask");

        Map<String, Object> clientApproved = Payloads.earnBadge();
        clientApproved.put("client_auto_approve", true);
        Response byClient = requests.submit("maker1", clientApproved);
        assertThat(byClient.json().path("state").asText()).isEqualTo("approved");
        assertThat(byClient.json().path("approvalType").asText()).isEqualTo("CLIENT");
        assertThat(requests.awaitHistory(byClient.field("requestId"), 2).get(1).path("data").path("approvalType").asText())
                .isEqualTo("CLIENT");

        JsonNode rules = api.get("admin", "/api/v1/auto-approval-rules").json();
        assertThat(rules.findValuesAsText("rule")).contains("CI_EMAIL_AUTO_APPROVE", "CI_MOBILEREALLOC_AUTO_APPROVE",
                "GOODWILL_POINTS_AUTO_APPROVE");
    }

    @Test
    void everySpellingOfATypeIsAcceptedAndTheUnderscoreFormAnswered() {
        for (String spelling : List.of("CUSTOMER_STATUS_CHANGE", "CUSTOMER-STATUS-CHANGE", "customer-status-change")) {
            Response submitted = requests.submit("maker1", Payloads.customerStatusChange(spelling));
            assertThat(submitted.status()).as(spelling).isEqualTo(201);
            assertThat(submitted.json().path("requestType").asText()).isEqualTo("CUSTOMER_STATUS_CHANGE");
            assertThat(submitted.json().path("reason").asText()).isEqualTo("testing");
            assertThat(requests.awaitHistory(submitted.field("requestId"), 1).get(0).path("data").path("reason").asText())
                    .isEqualTo("testing");
        }
    }

    @Test
    void badInputIsRefusedWithAProblemThatNamesIt() {
        Response malformed = api.send("maker1", "POST", "/api/v1/requests", "{\"requestType\":", "application/json");
        assertProblem(malformed, 400);
        assertThat(malformed.json().path("detail").asText()).contains("Malformed JSON");

        Response unknownType = requests.submit("maker1", Map.of("requestType", "POINTS_TRANSFER"));
        assertProblem(unknownType, 400);
        assertThat(unknownType.json().path("field").asText()).isEqualTo("requestType");

        Response wrongFieldType = api.post("maker1", "/api/v1/requests",
                Map.of("requestType", "EARN_BADGE", "requestAttributes", "not an object"));
        assertProblem(wrongFieldType, 400);
        assertThat(wrongFieldType.json().path("detail").asText()).contains("requestAttributes");

        Map<String, Object> missingPoints = Payloads.pointsRedemption();
        missingPoints.put("requestAttributes", Map.of("body", Map.of("root", Map.of("redeem",
                Map.of("customer", Map.of("mobile", "1"), "points_redeemed", "many")))));
        Response garbagePoints = requests.submit("maker1", missingPoints);
        assertProblem(garbagePoints, 400);
        assertThat(garbagePoints.json().path("field").asText())
                .isEqualTo("requestAttributes.body.root.redeem.points_redeemed");

        Map<String, Object> noBaseType = Payloads.emailChange();
        noBaseType.remove("baseType");
        assertThat(requests.submit("maker1", noBaseType).json().path("field").asText()).isEqualTo("baseType");

        assertProblem(api.get("checker1", "/api/v1/requests/" + UUID.randomUUID()), 404);
        assertProblem(api.get("checker1", "/api/v1/requests/" + UUID.randomUUID() + "/history"), 404);
        assertProblem(api.post("checker1", "/api/v1/requests/" + UUID.randomUUID() + "/approve", null), 404);
        api.put("admin", "/api/v1/auto-approval-rules/GOODWILL_AUTO_APPROVE", Map.of("enabled", false));
        assertProblem(api.post("checker1", "/api/v1/requests/auto-approval-policy-0/approve", null), 404);
        assertProblem(api.post("maker1", "/api/v1/requests/auto-approval-policy-0/cancel", null), 404);
        assertProblem(api.get("checker1", "/api/v1/requests?size=0"), 400);
        assertProblem(api.get("checker1", "/api/v1/requests?state=lost"), 400);
        assertProblem(api.get("checker1", "/api/v1/tasks?from=yesterday"), 400);
        assertProblem(api.get("checker1", "/api/v1/tasks?sort=requesterId"), 400);
    }

    @Test
    void anotherOrgsRequestsDoNotExistForYou() {
        String id = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        requests.awaitState(id, "AdminTask");

        assertProblem(api.get("otherchecker", "/api/v1/requests/" + id), 404);
        assertProblem(api.get("otherchecker", "/api/v1/requests/" + id + "/history"), 404);
        assertProblem(api.post("otherchecker", "/api/v1/requests/" + id + "/approve", Map.of("comment", "x")), 404);
        assertThat(requests.inbox("otherchecker", "")).doesNotContain(id);
        assertThat(api.get("otherchecker", "/api/v1/requests?size=200").json().findValuesAsText("requestId"))
                .doesNotContain(id);
        requests.awaitState(id, "AdminTask");
    }

    @Test
    void searchAndInboxFilterAndPage() {
        String referenceId = "search-" + UUID.randomUUID();
        String target = requests.submit("maker2", Payloads.withReferenceId(Payloads.issueBadge(), referenceId)).field("requestId");
        for (int i = 0; i < 3; i++) {
            requests.submit("maker2", Payloads.issueBadge());
        }
        requests.awaitState(target, "AdminTask");

        Response byReference = api.get("auditor1", "/api/v1/requests?referenceId=" + referenceId);
        assertThat(byReference.json().findValuesAsText("requestId")).containsExactly(target);

        await().atMost(Requests.VIEW_TIMEOUT).untilAsserted(() -> {
            Response page = api.get("checker1", "/api/v1/tasks?requestType=ISSUE_BADGE&requesterId=1002&size=2&sort=createdAt,desc");
            assertThat(page.json().path("totalElements").asLong()).isGreaterThanOrEqualTo(4);
            assertThat(page.json().path("content").size()).isEqualTo(2);
            assertThat(page.json().path("size").asInt()).isEqualTo(2);
            assertThat(page.json().findValuesAsText("requestType")).containsOnly("ISSUE_BADGE");
        });

        api.post("checker1", "/api/v1/requests/" + target + "/approve", Map.of("comment", "ok"));
        await().atMost(Requests.VIEW_TIMEOUT).untilAsserted(() -> {
            JsonNode approvedByChecker = api.get("maker2", "/api/v1/requests?state=approved&checkerId=2001&requestType=issue-badge&size=200").json();
            assertThat(approvedByChecker.findValuesAsText("requestId")).contains(target);
            assertThat(approvedByChecker.findValuesAsText("state")).containsOnly("approved");
        });
        JsonNode mine = api.get("maker2", "/api/v1/requests?requesterId=1002&from=2000-01-01&size=200").json();
        assertThat(mine.findValuesAsText("requesterId")).containsOnly("1002");
        assertThat(api.get("maker2", "/api/v1/requests?to=2000-01-01").json().path("totalElements").asLong()).isZero();
    }

    @Test
    void redeliveringEveryEventLeavesEveryViewAsItWas() {
        List<String> ids = requestsInEveryState();
        Map<String, String> before = views(ids);

        StreamingEventProcessor processor = processing.eventProcessor(ProjectionConfiguration.VIEWS,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Requests.VIEW_TIMEOUT).until(() -> !processor.isReplaying());

        assertThat(views(ids)).isEqualTo(before);
    }

    @Test
    void anAdminRebuildsEveryViewFromTheEventsWithoutChangingAnything() {
        List<String> ids = requestsInEveryState();
        Map<String, String> before = views(ids);
        long total = api.get("auditor1", "/api/v1/requests?size=1").json().path("totalElements").asLong();

        Response started = api.post("admin", "/api/v1/admin/replays", Map.of("projection", "all"));
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().path("eventsTotal").asLong()).as("every stored event, known from the start")
                .isGreaterThanOrEqualTo(ids.size() * 2L - 1);
        String location = started.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.get("admin", path).field("status").equals("REBUILDING")
                && !api.get("admin", path).field("status").equals("SWAPPING"));
        JsonNode progress = api.get("admin", path).json();
        assertThat(progress.path("status").asText()).as(progress.toString()).isEqualTo("COMPLETED");
        assertThat(progress.path("eventsDone").asLong()).isGreaterThanOrEqualTo(ids.size() * 2L - 1)
                .isEqualTo(progress.path("eventsTotal").asLong());
        assertThat(progress.path("views").toString()).contains("requests", "audit_log");
        assertThat(progress.path("eventsPerSecond").asLong()).isPositive();

        assertThat(views(ids)).isEqualTo(before);
        assertThat(api.get("auditor1", "/api/v1/requests?size=1").json().path("totalElements").asLong()).isEqualTo(total);
        String afterwards = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        awaitInbox("checker1", inbox -> inbox.contains(afterwards));
        assertThat(requests.awaitHistory(afterwards, 1)).hasSize(1);
    }

    @Test
    void aRebuildNamesAViewOrAll() {
        assertProblem(api.post("admin", "/api/v1/admin/replays", Map.of("projection", "nothing")), 400);
        assertProblem(api.post("admin", "/api/v1/admin/replays", Map.of()), 400);
        assertProblem(api.get("admin", "/api/v1/admin/replays/" + UUID.randomUUID()), 404);
        assertProblem(api.post("checker1", "/api/v1/admin/replays", Map.of("projection", "all")), 403);
    }

    /** Requests approved, rejected, cancelled, approved by the service and still pending; views caught up. */
    private List<String> requestsInEveryState() {
        String approved = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        requests.decide("checker1", approved, "approve", "yes");
        String rejected = requests.submit("maker2", Payloads.issueBadge()).field("requestId");
        requests.decide("checker2", rejected, "reject", "no");
        String cancelled = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        api.post("maker1", "/api/v1/requests/" + cancelled + "/cancel", null);
        Map<String, Object> clientApproved = Payloads.earnBadge();
        clientApproved.put("clientAutoApprove", true);
        String autoApproved = requests.submit("maker2", clientApproved).field("requestId");
        String pending = requests.submit("maker2", Payloads.pointsRedemption()).field("requestId");
        List<String> ids = List.of(approved, rejected, cancelled, autoApproved, pending);
        ids.forEach(id -> requests.awaitHistory(id, id.equals(pending) ? 1 : 2));
        awaitInbox("checker1", inbox -> inbox.contains(pending));
        return ids;
    }

    /** What each view says about each request, as a client reads it. */
    private Map<String, String> views(List<String> ids) {
        Set<String> inbox = requests.inbox("checker1", "");
        Map<String, String> views = new TreeMap<>();
        ids.forEach(id -> views.put(id, api.get("auditor1", "/api/v1/requests/" + id).text()
                + api.get("auditor1", "/api/v1/requests/" + id + "/history").text()
                + inbox.contains(id)));
        return views;
    }

    private void awaitInbox(String checker, Predicate<Set<String>> condition) {
        await().atMost(Requests.VIEW_TIMEOUT).until(() -> condition.test(requests.inbox(checker, "")));
    }

    private static JsonNode reference(String name) throws IOException {
        try (InputStream sample = RequestLifecycleFlowTests.class.getResourceAsStream("/reference/" + name)) {
            return JSON.readTree(sample);
        }
    }

    /** Same members, recursively, as the reference sample, with the same JSON types (request attributes aside). */
    private static void assertSameShape(JsonNode actual, JsonNode expected) {
        assertThat(fieldNames(actual)).as("members of %s", actual).isEqualTo(fieldNames(expected));
        expected.fields().forEachRemaining(field -> {
            JsonNode actualValue = actual.get(field.getKey());
            assertThat(actualValue.getNodeType()).as(field.getKey()).isEqualTo(field.getValue().getNodeType());
            if (field.getValue().isObject() && !field.getKey().equals("requestAttributes")) {
                assertSameShape(actualValue, field.getValue());
            }
        });
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
