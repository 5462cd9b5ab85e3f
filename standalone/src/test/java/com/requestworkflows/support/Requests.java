package com.requestworkflows.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.requestworkflows.support.ApiClient.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests as a client sees them. Commands answer with the new state at once; the views catch up right after, so
 * every view check here polls, within a bound.
 */
public final class Requests {

    public static final Duration VIEW_TIMEOUT = Duration.ofSeconds(15);

    private final ApiClient api;

    public Requests(ApiClient api) {
        this.api = api;
    }

    public Response submit(String user, Map<String, Object> body) {
        return api.post(user, "/api/v1/requests", body);
    }

    public Response decide(String user, String requestId, String decision, String comment) {
        return api.post(user, "/api/v1/requests/" + requestId + "/" + decision,
                comment == null ? null : Map.of("comment", comment));
    }

    public Set<String> inbox(String checker, String query) {
        return new HashSet<>(api.get(checker, "/api/v1/tasks?size=200" + query).json().findValuesAsText("requestId"));
    }

    public void awaitState(String id, String state) {
        await().atMost(VIEW_TIMEOUT).until(() ->
                state.equals(api.get("auditor1", "/api/v1/requests/" + id).field("state")));
    }

    /** Waits until the request's history holds exactly {@code events} workflow events, and returns them. */
    public List<JsonNode> awaitHistory(String id, int events) {
        return awaitHistory(id, "", events);
    }

    /** The same in the detailed form: a step for each stage of the execution too. */
    public List<JsonNode> awaitDetailedHistory(String id, int events) {
        return awaitHistory(id, "?include=execution", events);
    }

    private List<JsonNode> awaitHistory(String id, String query, int events) {
        List<JsonNode> history = new ArrayList<>();
        await().atMost(VIEW_TIMEOUT).until(() -> {
            Response response = api.get("auditor1", "/api/v1/requests/" + id + "/history" + query);
            history.clear();
            response.json().forEach(history::add);
            return response.status() == 200 && history.size() == events;
        });
        return history;
    }

    /** An RFC 9457 problem with this status that gives nothing of the implementation away. */
    public static void assertProblem(Response response, int status) {
        assertThat(response).isNotNull();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("title").asText()).isNotBlank();
        assertThat(response.text()).doesNotContain("Exception", "\tat ", "com.requestworkflows", "SQL");
    }

    public static String state(JsonNode workflowEvent) {
        return workflowEvent.path("data").path("currentRequestState").asText();
    }
}
