package com.requestworkflows.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.requestworkflows.support.ApiClient;
import com.requestworkflows.support.ApiClient.Response;
import com.requestworkflows.support.Payloads;
import com.requestworkflows.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the packaged service with SIGKILL while clients submit and decide, restarts it on the same data, and
 * checks that nothing acknowledged is lost and that every view converges to the stored events; then that a rebuild
 * of every view, and a graceful restart after it, change none of them.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 6;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 400;
    private static final Duration CONVERGENCE_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> MAKERS = List.of("maker1", "maker2");
    private static final List<String> CHECKERS = List.of("checker1", "checker2");

    @TempDir
    Path workDirectory;

    /** The state each acknowledged request had in its last acknowledged answer. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    @Test
    void aKilledServiceLosesNothingItAcknowledgedAndItsViewsConverge() throws Exception {
        try (ServiceProcess service = new ServiceProcess(ServiceProcess.jarUnderTest(), workDirectory.resolve("data"),
                List.of())) {
            ApiClient api = service.start();
            loadUntilKilled(api, service);
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

            api = service.start();
            assertEveryAcknowledgedChangeSurvived(api);
            Map<String, String> converged = assertViewsConverge(api);

            rebuildAllViews(api);
            assertThat(assertViewsConverge(api)).as("a rebuild of every view changes nothing").isEqualTo(converged);

            service.stop();
            api = service.start();
            assertThat(assertViewsConverge(api)).as("a graceful restart after the rebuild keeps everything")
                    .isEqualTo(converged);
        }
    }

    /** Clients submit and decide in a loop; the service is killed in the middle of it. */
    private void loadUntilKilled(ApiClient api, ServiceProcess service) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger operations = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            String maker = MAKERS.get(client % MAKERS.size());
            String checker = CHECKERS.get(client % CHECKERS.size());
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        int operation = operations.incrementAndGet();
                        Response submitted = api.post(maker, "/api/v1/requests", Payloads.earnBadge());
                        if (submitted.status() != 201) {
                            continue;
                        }
                        String id = submitted.field("requestId");
                        acknowledged.put(id, submitted.field("state"));
                        if (operation % 3 != 0) {
                            String decision = operation % 3 == 1 ? "approve" : "reject";
                            Response decided = api.post(checker, "/api/v1/requests/" + id + "/" + decision,
                                    Map.of("comment", "load " + operation));
                            if (decided.status() == 200) {
                                acknowledged.put(id, decided.field("state"));
                            }
                        }
                    } catch (RuntimeException connectionLost) {
                        // the service is gone: what was not acknowledged does not count
                    }
                }
            });
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
        service.kill();
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    /** Rebuilds every view from the events (fresh collections swapped in for the live ones) and waits for the end. */
    private static void rebuildAllViews(ApiClient api) {
        Response started = api.post("admin", "/api/v1/admin/replays", Map.of("projection", "all"));
        assertThat(started.status()).isEqualTo(202);
        String rebuild = "/api/v1/admin/replays/" + started.field("id");
        await().atMost(CONVERGENCE_TIMEOUT)
                .until(() -> Set.of("COMPLETED", "FAILED").contains(api.get("admin", rebuild).field("status")));
        assertThat(api.get("admin", rebuild).field("status")).isEqualTo("COMPLETED");
    }

    private void assertEveryAcknowledgedChangeSurvived(ApiClient api) {
        await().atMost(CONVERGENCE_TIMEOUT).untilAsserted(() -> {
            Map<String, String> states = allRequests(api);
            acknowledged.forEach((id, state) -> {
                assertThat(states).as("request %s", id).containsKey(id);
                if (!state.equals("AdminTask")) {
                    assertThat(states.get(id)).as("state of %s", id).isEqualTo(state);
                }
            });
        });
    }

    /** Request view, inbox and history agree with each other; returns the state of every request. */
    private Map<String, String> assertViewsConverge(ApiClient api) {
        Map<String, String> states = new HashMap<>();
        await().atMost(CONVERGENCE_TIMEOUT).untilAsserted(() -> {
            states.clear();
            states.putAll(allRequests(api));
            Set<String> pending = new HashSet<>();
            states.forEach((id, state) -> {
                if (state.equals("AdminTask")) {
                    pending.add(id);
                }
            });
            assertThat(inbox(api)).isEqualTo(pending);
            states.forEach((id, state) -> {
                JsonNode history = api.get("auditor1", "/api/v1/requests/" + id + "/history").json();
                assertThat(history.size()).as("history of %s", id).isEqualTo(state.equals("AdminTask") ? 1 : 2);
                assertThat(history.get(history.size() - 1).path("data").path("currentRequestState").asText())
                        .as("last history state of %s", id).isEqualTo(state);
            });
        });
        return states;
    }

    private static Map<String, String> allRequests(ApiClient api) {
        Map<String, String> states = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode result = api.get("auditor1", "/api/v1/requests?size=200&sort=createdAt,asc&page=" + page).json();
            result.path("content").forEach(request ->
                    states.put(request.path("requestId").asText(), request.path("state").asText()));
            if (page + 1 >= result.path("totalPages").asInt()) {
                return states;
            }
        }
    }

    private static Set<String> inbox(ApiClient api) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode result = api.get("admin", "/api/v1/tasks?size=200&page=" + page).json();
            result.path("content").forEach(request -> ids.add(request.path("requestId").asText()));
            if (page + 1 >= result.path("totalPages").asInt()) {
                return ids;
            }
        }
    }
}
