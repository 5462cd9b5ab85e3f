package com.requestworkflows.security;

import com.requestworkflows.support.ApiClient.Response;
import com.requestworkflows.support.Payloads;
import com.requestworkflows.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.requestworkflows.support.Requests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access rules, endpoint by endpoint and role by role, and the org boundary: another org's request does not
 * exist for you, whatever you call.
 */
class AccessRulesTest extends ServiceTest {

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> dataDirectory.toString());
    }

    /** {id} is a fresh pending request of maker1. "allowed" means the rule lets the call through (any answer but 401/403). */
    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "maker1,   POST, /api/v1/requests,                  allowed",
            "checker1, POST, /api/v1/requests,                  forbidden",
            "auditor1, POST, /api/v1/requests,                  forbidden",
            "admin,    POST, /api/v1/requests,                  forbidden",
            "maker1,   GET,  /api/v1/requests,                  allowed",
            "checker1, GET,  /api/v1/requests,                  allowed",
            "auditor1, GET,  /api/v1/requests,                  allowed",
            "admin,    GET,  /api/v1/requests,                  allowed",
            "maker2,   GET,  /api/v1/requests/{id},             allowed",
            "auditor1, GET,  /api/v1/requests/{id},             allowed",
            "maker2,   GET,  /api/v1/requests/{id}/history,     allowed",
            "auditor1, GET,  /api/v1/requests/{id}/history,     allowed",
            "checker1, POST, /api/v1/requests/{id}/approve,     allowed",
            "admin,    POST, /api/v1/requests/{id}/approve,     allowed",
            "maker2,   POST, /api/v1/requests/{id}/approve,     forbidden",
            "auditor1, POST, /api/v1/requests/{id}/approve,     forbidden",
            "checker1, POST, /api/v1/requests/{id}/reject,      allowed",
            "maker2,   POST, /api/v1/requests/{id}/reject,      forbidden",
            "auditor1, POST, /api/v1/requests/{id}/reject,      forbidden",
            "maker1,   POST, /api/v1/requests/{id}/cancel,      allowed",
            "checker1, POST, /api/v1/requests/{id}/cancel,      forbidden",
            "auditor1, POST, /api/v1/requests/{id}/cancel,      forbidden",
            "admin,    POST, /api/v1/requests/{id}/retry,       allowed",
            "checker1, POST, /api/v1/requests/{id}/retry,       forbidden",
            "maker1,   POST, /api/v1/requests/{id}/retry,       forbidden",
            "checker1, GET,  /api/v1/tasks,                     allowed",
            "admin,    GET,  /api/v1/tasks,                     allowed",
            "maker1,   GET,  /api/v1/tasks,                     forbidden",
            "auditor1, GET,  /api/v1/tasks,                     forbidden",
            "admin,    GET,  /api/v1/auto-approval-rules,       allowed",
            "checker1, GET,  /api/v1/auto-approval-rules,       forbidden",
            "auditor1, GET,  /api/v1/auto-approval-rules,       forbidden",
            "admin,    PUT,  /api/v1/auto-approval-rules/GOODWILL_AUTO_APPROVE, allowed",
            "maker1,   PUT,  /api/v1/auto-approval-rules/GOODWILL_AUTO_APPROVE, forbidden",
            "admin,    GET,  /api/v1/webhooks,                  allowed",
            "checker1, GET,  /api/v1/webhooks,                  forbidden",
            "auditor1, POST, /api/v1/webhooks,                  forbidden",
            "maker1,   GET,  /api/v1/webhooks/dead-letters,     forbidden",
            "admin,    GET,  /actuator/metrics,                 allowed",
            "checker1, GET,  /actuator/metrics,                 forbidden",
            "auditor1, GET,  /actuator/info,                    forbidden",
            "auditor1, GET,  /api/v1/requests/{id}?asOf=2020-01-01, allowed",
            "auditor1, GET,  /api/v1/audit,                     allowed",
            "admin,    GET,  /api/v1/audit,                     allowed",
            "checker1, GET,  /api/v1/audit,                     forbidden",
            "maker1,   GET,  /api/v1/audit,                     forbidden",
            "auditor1, GET,  /api/v1/reports/summary,           allowed",
            "checker1, GET,  /api/v1/reports/backlog,           allowed",
            "maker1,   GET,  /api/v1/reports/summary,           forbidden",
            "admin,    GET,  /api/v1/admin/replays,             allowed",
            "auditor1, GET,  /api/v1/admin/replays,             forbidden",
            "checker1, POST, /api/v1/admin/replays,             forbidden",
            "checker1, POST, /api/v1/decisions,                 allowed",
            "maker1,   POST, /api/v1/decisions,                 forbidden",
            "auditor1, POST, /api/v1/decisions,                 forbidden",
            "maker1,   POST, /v1.1/request/add,                 allowed",
            "checker1, POST, /v1.1/request/add,                 forbidden",
            "auditor1, POST, /v1.1/request/add,                 forbidden",
            "checker1, POST, /v1.1/request/approve,             allowed",
            "maker1,   POST, /v1.1/request/approve,             forbidden",
            "checker1, POST, /v1.1/request/reject,              allowed",
            "auditor1, POST, /v1.1/request/reject,              forbidden",
            "maker1,   GET,  /v1.1/request/get,                 allowed",
            "auditor1, GET,  /v1.1/request/get,                 allowed",
            "auditor1, GET,  /v1.1/request/logs?start_date=2024-01-01&end_date=2024-01-02, allowed",
            "admin,    GET,  /api/v1/no-such-endpoint,          forbidden",
    })
    void everyEndpointHasItsRule(String user, String method, String path, String expected) {
        String id = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        Object body = path.endsWith("auto-approval-rules/GOODWILL_AUTO_APPROVE") ? Map.of("enabled", false)
                : path.equals("/api/v1/requests") && method.equals("POST") ? Payloads.earnBadge()
                : Map.of("comment", "rule check");
        Response response = call(user, method, path.replace("{id}", id), body);

        if (expected.equals("allowed")) {
            assertThat(response.status()).as(response.toString()).isNotIn(401, 403);
        } else {
            assertProblem(response, 403);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /api/v1/requests", "POST, /api/v1/requests", "GET, /api/v1/tasks",
            "POST, /api/v1/requests/{id}/approve", "GET, /api/v1/requests/{id}/history",
            "GET, /api/v1/auto-approval-rules", "GET, /api/v1/webhooks", "GET, /actuator/metrics",
            "POST, /v1.1/request/add", "GET, /v1.1/request/get", "POST, /api/v1/decisions"})
    void withoutCredentialsNothingButHealthAnswers(String method, String path) {
        assertProblem(call(null, method, path.replace("{id}", "00000000-0000-0000-0000-000000000000"), Map.of()), 401);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void anotherOrgsRequestDoesNotExistForAnyCall() {
        String id = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        requests.awaitState(id, "AdminTask");
        String path = "/api/v1/requests/" + id;

        for (Response answer : List.of(api.get("otherchecker", path), api.get("otherchecker", path + "/history"),
                api.post("otherchecker", path + "/approve", Map.of("comment", "x")),
                api.post("otherchecker", path + "/reject", Map.of("comment", "x")),
                api.post("othermaker", path + "/cancel", null),
                api.post("otherchecker", path + "/retry", null))) {
            assertProblem(answer, 404);
            assertThat(answer.text()).doesNotContain("EARN_BADGE", "1001");
        }
        assertThat(requests.inbox("otherchecker", "")).doesNotContain(id);
        assertThat(api.get("otherchecker", "/api/v1/requests?size=200").json().findValuesAsText("requestId"))
                .doesNotContain(id);
        requests.awaitState(id, "AdminTask");
    }

    @Test
    void aCheckerLimitedToSomeTypesDecidesAndSeesOnlyThose() {
        String badge = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        String redemption = requests.submit("maker1", Payloads.pointsRedemption()).field("requestId");
        requests.awaitState(redemption, "AdminTask");
        requests.awaitState(badge, "AdminTask");

        assertThat(requests.inbox("badgechecker", "")).contains(badge).doesNotContain(redemption);
        assertThat(requests.inbox("badgechecker", "&requestType=POINTS_REDEMPTION")).isEmpty();
        Response outOfScope = requests.decide("badgechecker", redemption, "approve", "not mine");
        assertProblem(outOfScope, 403);
        assertThat(outOfScope.json().path("title").asText()).isEqualTo("Request type outside your checker scope");
        assertThat(requests.decide("badgechecker", badge, "approve", "mine").json().path("state").asText())
                .isEqualTo("approved");
        requests.awaitState(redemption, "AdminTask");
    }

    private Response call(String user, String method, String path, Object body) {
        return switch (method) {
            case "GET" -> api.get(user, path);
            case "PUT" -> api.put(user, path, body);
            default -> api.post(user, path, body);
        };
    }
}
