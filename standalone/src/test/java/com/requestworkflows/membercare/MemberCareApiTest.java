package com.requestworkflows.membercare;

import com.fasterxml.jackson.databind.JsonNode;
import com.requestworkflows.support.ApiClient.Response;
import com.requestworkflows.support.FakeHttpServer.Reply;
import com.requestworkflows.support.FakeHttpServer;
import com.requestworkflows.support.Payloads;
import com.requestworkflows.support.Requests;
import com.requestworkflows.support.ServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static com.requestworkflows.support.Requests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The member-care API (v1.1) as its clients use it, through the real HTTP stack: batches with a status per item,
 * numeric ids, decisions with a changed value carried to the executed call, the listings, and the codes.
 */
class MemberCareApiTest extends ServiceTest {

    private static final FakeHttpServer platform = new FakeHttpServer();
    private static final AtomicInteger references = new AtomicInteger();

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> dataDirectory.toString());
        registry.add("requests.execution.targets.GOODWILL.url", () -> platform.url("/v1.1/customer/goodwill"));
        registry.add("requests.execution.poll-interval", () -> "50ms");
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    private static String referenceId() {
        return "mc-" + references.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> batch(List<Map<String, Object>> items) {
        return Map.of("root", Map.of("request", items));
    }

    private static Map<String, Object> emailChange(String mobile, String newValue) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("reference_id", referenceId());
        item.put("type", "CHANGE_IDENTIFIER");
        item.put("base_type", "EMAIL");
        item.put("mobile", mobile);
        item.put("old_value", "old@example.com");
        item.put("new_value", newValue);
        return item;
    }

    private static Map<String, Object> goodwillPoints(int points) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("reference_id", referenceId());
        item.put("type", "GOODWILL");
        item.put("base_type", "POINTS");
        item.put("customer", Map.of("external_id", "ext-" + references.incrementAndGet()));
        item.put("points", points);
        item.put("reason", "late delivery");
        return item;
    }

    private static Map<String, Object> with(Map<String, Object> item, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(item);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    private Response add(Map<String, Object> body) {
        return api.post("maker1", "/v1.1/request/add?format=json", body);
    }

    private static List<JsonNode> items(Response response) {
        List<JsonNode> items = new ArrayList<>();
        response.json().at("/response/requests/request").forEach(items::add);
        return items;
    }

    private long addOne(Map<String, Object> item) {
        Response added = add(batch(List.of(item)));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        return items(added).get(0).path("id").asLong();
    }

    private Response decide(String user, String decision, Map<String, Object> item) {
        return api.post(user, "/v1.1/request/" + decision, batch(List.of(item)));
    }

    @Test
    void aBatchOfTenIsAnsweredItemByItemInOrderStoringEachValidOne() {
        String mobile = "91" + (900_000_000L + references.incrementAndGet());
        Map<String, Object> first = emailChange(mobile, "first@example.com");
        String takenReference = (String) first.get("reference_id");
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1) + " 10:00:00";
        List<Map<String, Object>> items = List.of(
                first,
                goodwillPoints(100),
                with(goodwillPoints(5), "type", "LOYALTY_BONUS"),
                with(goodwillPoints(5), "base_type", "BADGES"),
                with(emailChange("919000000001", "x@example.com"), "new_value", null),
                with(with(goodwillPoints(5), "base_type", "COUPONS"), "series_id", "abc"),
                with(goodwillPoints(5), "requested_on", tomorrow),
                with(goodwillPoints(5), "requested_on", "03/02/2024"),
                with(emailChange("919000000002", "y@example.com"), "reference_id", takenReference),
                emailChange(mobile, "FIRST@example.com"));

        Response response = add(batch(items));

        assertThat(response.status()).isEqualTo(200);
        JsonNode status = response.json().at("/response/status");
        assertThat(status.path("success").asBoolean()).isTrue();
        assertThat(status.path("code").asInt()).as("some items succeeded").isEqualTo(201);
        List<JsonNode> answered = items(response);
        assertThat(answered).extracting(item -> item.path("reference_id").asText())
                .containsExactlyElementsOf(items.stream().map(item -> (String) item.get("reference_id")).toList());
        assertThat(answered).extracting(item -> item.at("/item_status/code").asInt())
                .containsExactly(200, 200, 9006, 9008, 9014, 9017, 9021, 9016, 9101, 9102);
        long firstId = answered.get(0).path("id").asLong();
        assertThat(firstId).isPositive();
        assertThat(answered.get(1).path("id").asLong()).isPositive().isNotEqualTo(firstId);
        assertThat(answered.get(0).path("status").asText()).isEqualTo("PENDING");
        assertThat(answered.get(0).path("customer").path("mobile").asText()).isEqualTo(mobile);
        assertThat(answered.get(0).path("new_value").asText()).isEqualTo("first@example.com");
        assertThat(answered.get(8).at("/item_status/existing_id").asLong()).isEqualTo(firstId);
        assertThat(answered.get(9).at("/item_status/existing_id").asLong())
                .as("the pending change it duplicates").isEqualTo(firstId);
        assertThat(answered.subList(2, 10)).allSatisfy(item -> {
            assertThat(item.at("/item_status/success").asBoolean()).isFalse();
            assertThat(item.at("/item_status/message").asText()).isNotBlank().doesNotContain("Exception");
            assertThat(item.has("id") && !item.path("id").isNull()).isFalse();
        });

        // Each stored one is a request like any other: in the JSON API, the inbox and its history.
        await().atMost(Requests.VIEW_TIMEOUT).untilAsserted(() -> assertThat(api.get("auditor1",
                "/v1.1/request/get?start_id=" + firstId + "&end_id=" + firstId).json().at("/response/requests/request")
                .findValuesAsText("reference_id")).containsExactly(takenReference));
        String requestId = api.get("auditor1", "/api/v1/requests?referenceId=" + takenReference).json()
                .at("/content/0/requestId").asText();
        assertThat(api.get("auditor1", "/api/v1/requests/" + requestId).json().path("requestNumber").asLong())
                .isEqualTo(firstId);
        assertThat(requests.inbox("checker1", "")).contains(requestId);
    }

    @Test
    void moreThanTenItemsAreRefusedWholeAndNothingIsStored() {
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(goodwillPoints(1));
        }
        Response refused = add(batch(eleven));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/response/status/code").asInt()).isEqualTo(1060);
        assertThat(refused.json().at("/response/status/success").asBoolean()).isFalse();
        String reference = (String) eleven.get(0).get("reference_id");
        assertThat(api.get("auditor1", "/api/v1/requests?referenceId=" + reference).json().path("totalElements")
                .asLong()).isZero();
        assertThat(add(batch(List.of(eleven.get(0)))).status()).as("its reference id is still free").isEqualTo(200);
    }

    @Test
    void aBatchWithNoValidItemAndAnUnreadableOneAreRefused() {
        Response none = add(batch(List.of(with(goodwillPoints(1), "type", "NOPE"))));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().at("/response/status/code").asInt()).isEqualTo(400);
        assertThat(none.json().at("/response/requests/request/0/item_status/code").asInt()).isEqualTo(9006);

        Response unreadable = api.send("maker1", "POST", "/v1.1/request/add", "{\"root\": ", "application/json");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().at("/response/status/code").asInt()).isEqualTo(9014);
        assertThat(unreadable.contentType()).startsWith("application/json");

        Response empty = add(Map.of("root", Map.of()));
        assertThat(empty.json().at("/response/status/code").asInt()).isEqualTo(9014);
        assertThat(api.post("checker1", "/v1.1/request/add", batch(List.of(goodwillPoints(1)))).status())
                .as("only makers add").isEqualTo(403);
    }

    @Test
    void aCheckerApprovesWithFewerPointsAndTheExecutedCallCarriesThem() {
        platform.respondWith(request -> Reply.of(200, "{\"status\":{\"success\":true}}"));
        Map<String, Object> asked = goodwillPoints(100);
        long id = addOne(asked);

        Response approved = decide("checker1", "approve", Map.of("id", id, "type", "GOODWILL", "base_type", "POINTS",
                "updated_comments", "fewer points", "points", 40));

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode item = items(approved).get(0);
        assertThat(item.at("/item_status/code").asInt()).isEqualTo(200);
        assertThat(item.path("id").asLong()).isEqualTo(id);
        assertThat(item.path("status").asText()).isEqualTo("APPROVED");
        assertThat(item.path("approved_value").asInt()).isEqualTo(40);
        assertThat(item.path("points").asInt()).as("what was asked for").isEqualTo(100);
        assertThat(item.path("updated_comments").asText()).isEqualTo("fewer points");
        assertThat(item.path("updated_by").asLong()).isEqualTo(2001);

        String requestId = api.get("auditor1", "/api/v1/requests?referenceId=" + asked.get("reference_id")).json()
                .at("/content/0/requestId").asText();
        requests.awaitState(requestId, "approved");
        List<FakeHttpServer.Received> calls = platform.received().stream()
                .filter(call -> String.valueOf(call.header("Idempotency-Key")).startsWith(requestId)).toList();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).json().path("points").asInt()).isEqualTo(40);
        List<JsonNode> history = requests.awaitHistory(requestId, 2);
        assertThat(history.get(1).at("/data/approvedValue/value").asInt()).isEqualTo(40);
        assertThat(history.get(1).at("/data/approvedValue/field").asText()).isEqualTo("points");
        assertThat(history.get(1).at("/data/previousRequestState").asText()).isEqualTo("AdminTask");
    }

    @Test
    void decisionsAreRefusedWithTheReferenceCodes() {
        long id = addOne(goodwillPoints(10));

        assertThat(items(decide("checker1", "approve", Map.of("id", 999_999_999))).get(0)
                .at("/item_status/code").asInt()).as("not found").isEqualTo(9050);
        assertThat(items(decide("dual1", "approve", Map.of("id", addOneAs("dual1")))).get(0)
                .at("/item_status/code").asInt()).as("own request").isEqualTo(9051);
        assertThat(decide("checker1", "reject", Map.of("id", id, "updated_comments", "no")).status()).isEqualTo(200);
        Response again = decide("checker2", "approve", Map.of("id", id));
        assertThat(again.status()).isEqualTo(400);
        assertThat(items(again).get(0).at("/item_status/code").asInt()).as("decided already").isEqualTo(9052);
        assertThat(items(decide("otherchecker", "approve", Map.of("id", id))).get(0).at("/item_status/code")
                .asInt()).as("another org's").isEqualTo(9050);
        assertThat(items(decide("checker1", "approve", Map.of("id", addOne(goodwillPoints(3)), "series_id", 4)))
                .get(0).at("/item_status/code").asInt()).as("a value the type does not have").isEqualTo(9014);
    }

    private long addOneAs(String user) {
        Response added = api.post(user, "/v1.1/request/add", batch(List.of(goodwillPoints(2))));
        return items(added).get(0).path("id").asLong();
    }

    @Test
    void theSameChangeRacedByManyMakersIsStoredOnce() throws Exception {
        String mobile = "91" + (800_000_000L + references.incrementAndGet());
        ExecutorService makers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(makers.submit(() -> add(batch(List.of(emailChange(mobile, "raced@example.com"))))));
            }
            List<JsonNode> items = new ArrayList<>();
            for (Future<Response> answer : answers) {
                items.add(items(answer.get()).get(0));
            }
            List<JsonNode> stored = items.stream().filter(item -> item.at("/item_status/success").asBoolean())
                    .toList();
            assertThat(stored).hasSize(1);
            long winner = stored.get(0).path("id").asLong();
            assertThat(items).filteredOn(item -> !item.at("/item_status/success").asBoolean()).hasSize(7)
                    .allSatisfy(item -> {
                        assertThat(item.at("/item_status/code").asInt()).isEqualTo(9102);
                        assertThat(item.at("/item_status/existing_id").asLong()).isEqualTo(winner);
                    });
            // Once decided, the same change may be asked for again.
            decide("checker1", "reject", Map.of("id", winner, "updated_comments", "no"));
            assertThat(items(add(batch(List.of(emailChange(mobile, "raced@example.com"))))).get(0)
                    .at("/item_status/code").asInt()).isEqualTo(200);
        } finally {
            makers.shutdownNow();
        }
    }

    @Test
    void theListingFiltersByCustomerStatusAndIdNewestFirst() {
        String mobile = "91" + (700_000_000L + references.incrementAndGet());
        long older = addOne(emailChange(mobile, "a@example.com"));
        long newer = addOne(emailChange(mobile, "b@example.com"));
        decide("checker1", "reject", Map.of("id", older, "updated_comments", "no"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        await().atMost(Requests.VIEW_TIMEOUT).untilAsserted(() -> {
            JsonNode mine = api.get("auditor1", "/v1.1/request/get?mobile=" + mobile + "&start_date=" + today
                    + "&end_date=" + today).json();
            assertThat(mine.at("/response/requests/request").findValuesAsText("id"))
                    .containsExactly(String.valueOf(newer), String.valueOf(older));
            assertThat(mine.at("/response/requests/request").findValuesAsText("status"))
                    .containsExactly("PENDING", "REJECTED");
        });
        assertThat(api.get("auditor1", "/v1.1/request/get?status=REJECTED&mobile=" + mobile).json()
                .at("/response/requests/request").findValuesAsText("id")).containsExactly(String.valueOf(older));
        assertThat(api.get("auditor1", "/v1.1/request/get?limit=1").json().at("/response/requests/request").size())
                .isEqualTo(1);
        assertThat(api.get("auditor1", "/v1.1/request/get?limit=500").json().at("/response/requests/request").size())
                .isLessThanOrEqualTo(50);
        assertThat(api.get("otherchecker", "/v1.1/request/get?mobile=" + mobile).json()
                .at("/response/requests/request").size()).as("another org's").isZero();
        Response badDate = api.get("auditor1", "/v1.1/request/get?start_date=03/02/2024");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().at("/response/status/code").asInt()).isEqualTo(9016);
    }

    @Test
    void theLogsListEveryStateChangeWithWhoAndHow() {
        long id = addOne(goodwillPoints(7));
        long auto = items(api.post("maker1", "/v1.1/request/add?client_auto_approve=true",
                batch(List.of(goodwillPoints(8))))).get(0).path("id").asLong();
        decide("checker1", "approve", Map.of("id", id, "updated_comments", "fine"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        await().atMost(Requests.VIEW_TIMEOUT).untilAsserted(() -> {
            JsonNode rows = api.get("auditor1", "/v1.1/request/logs?type=GOODWILL&start_date=" + today
                    + "&end_date=" + today + "&limit=1000").json().at("/response/requests/request");
            List<JsonNode> ofRequest = new ArrayList<>();
            rows.forEach(row -> {
                if (row.path("id").asLong() == id) {
                    ofRequest.add(row);
                }
            });
            // Goodwill is carried out against the platform here: approved, then executed.
            assertThat(ofRequest).extracting(row -> row.path("transition").asText()).containsExactly("SUBMITTED",
                    "APPROVED", "EXECUTED");
            assertThat(ofRequest).extracting(row -> row.path("status").asText()).containsExactly("PENDING",
                    "APPROVED", "APPROVED");
            JsonNode approval = ofRequest.get(1);
            assertThat(approval.path("added_by").asLong()).isEqualTo(1001);
            assertThat(approval.path("updated_by").asLong()).isEqualTo(2001);
            assertThat(approval.path("approval_type").asText()).isEqualTo("CONFIG_DISABLED");
            assertThat(approval.path("previous_status").asText()).isEqualTo("PENDING");
            Map<String, String> autoTypes = new HashMap<>();
            rows.forEach(row -> {
                if (row.path("id").asLong() == auto) {
                    autoTypes.put(row.path("status").asText(), row.path("approval_type").asText());
                }
            });
            assertThat(autoTypes).containsEntry("APPROVED", "CLIENT");
        });
        Response withoutDates = api.get("auditor1", "/v1.1/request/logs?type=GOODWILL");
        assertThat(withoutDates.status()).isEqualTo(400);
        assertThat(withoutDates.json().at("/response/status/code").asInt()).isEqualTo(9016);
    }

    @Test
    void theJsonApiDecidesManyAtOnceEachOnItsOwn() {
        String first = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        String decidedElsewhere = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        String own = requests.submit("dual1", Payloads.earnBadge()).field("requestId");
        requests.decide("checker2", decidedElsewhere, "reject", "no");

        Response answer = api.post("dual1", "/api/v1/decisions", Map.of("decisions", List.of(
                Map.of("requestId", first, "decision", "approve", "comment", "fine"),
                Map.of("requestId", decidedElsewhere, "decision", "approve"),
                Map.of("requestId", own, "decision", "reject", "comment", "mine"),
                Map.of("requestId", UUID.randomUUID().toString(), "decision", "approve"),
                Map.of("requestId", first, "decision", "maybe"))));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("succeeded").asInt()).isEqualTo(1);
        assertThat(answer.json().path("failed").asInt()).isEqualTo(4);
        List<Integer> statuses = new ArrayList<>();
        answer.json().path("results").forEach(result -> statuses.add(result.path("status").asInt()));
        assertThat(statuses).containsExactly(200, 409, 403, 404, 400);
        assertThat(answer.json().at("/results/0/request/state").asText()).isEqualTo("approved");
        assertThat(answer.json().at("/results/1/problem/code").asInt()).isEqualTo(9052);
        assertThat(answer.json().at("/results/2/problem/code").asInt()).isEqualTo(9051);
        assertProblem(api.post("checker1", "/api/v1/decisions", Map.of("decisions", List.of())), 400);
    }

    @Test
    void theJsonApiApprovesWithAnAdjustmentToo() {
        Map<String, Object> submit = new LinkedHashMap<>();
        submit.put("requestType", "GOODWILL");
        submit.put("baseType", "COUPONS");
        submit.put("requestAttributes", Map.of("body", Map.of("customer", Map.of("mobile", "919591399244"),
                "series_id", 100)));
        String id = requests.submit("maker1", submit).field("requestId");

        assertProblem(api.post("checker1", "/api/v1/requests/" + id + "/approve",
                Map.of("adjustment", Map.of("points", 5))), 400);
        Response approved = api.post("checker1", "/api/v1/requests/" + id + "/approve",
                Map.of("comment", "another series", "adjustment", Map.of("series_id", "200")));

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().at("/approvedValue/field").asText()).isEqualTo("series_id");
        assertThat(approved.json().at("/approvedValue/value").asLong()).isEqualTo(200);
    }

    @Test
    void aRebuildKeepsEveryNumber() {
        long id = addOne(goodwillPoints(9));
        await().atMost(Requests.VIEW_TIMEOUT).until(() -> api.get("auditor1", "/v1.1/request/get?start_id=" + id
                + "&end_id=" + id).json().at("/response/requests/request").size() == 1);
        String before = api.get("auditor1", "/v1.1/request/get?limit=50").text();

        Response started = api.post("admin", "/api/v1/admin/replays", Map.of("projection", "all"));
        String location = started.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(api.get("admin", path).field("status")));

        assertThat(api.get("auditor1", "/v1.1/request/get?limit=50").text()).isEqualTo(before);
    }
}
