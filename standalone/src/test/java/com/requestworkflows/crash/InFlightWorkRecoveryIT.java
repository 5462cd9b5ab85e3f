package com.requestworkflows.crash;

import com.requestworkflows.support.ApiClient;
import com.requestworkflows.support.FakeHttpServer.Received;
import com.requestworkflows.support.FakeHttpServer.Reply;
import com.requestworkflows.support.FakeHttpServer;
import com.requestworkflows.support.Payloads;
import com.requestworkflows.support.Requests;
import com.requestworkflows.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service is killed while its calls to the loyalty platform are under way and while workflow events wait to be
 * delivered to a subscriber that is down. After a restart every approved request is executed again with the same
 * idempotency key and ends approved exactly once, and the subscriber, once back, receives every event of every
 * request, in order.
 */
class InFlightWorkRecoveryIT {

    private static final int REQUESTS = 5;

    @TempDir
    Path workDirectory;

    @Test
    void executionsAndDeliveriesInFlightWhenTheServiceDiesAreResumedAfterARestart() throws Exception {
        Set<String> answered = ConcurrentHashMap.newKeySet();
        CountDownLatch serviceKilled = new CountDownLatch(1);
        try (FakeHttpServer platform = new FakeHttpServer(); FakeHttpServer subscriber = new FakeHttpServer()) {
            subscriber.goDown();
            // The first call of each request hangs until the service is dead; later calls succeed.
            platform.respondWith(call -> {
                if (answered.add(call.header("Idempotency-Key"))) {
                    awaitLatch(serviceKilled);
                }
                return Reply.of(200, "{\"status\":{\"success\":true}}");
            });
            List<String> arguments = List.of(
                    "--requests.execution.targets.POINTS_REDEMPTION.url=" + platform.url("/redeem"),
                    "--requests.execution.timeout=5s",
                    "--requests.execution.poll-interval=100ms",
                    "--requests.execution.concurrency=" + (REQUESTS + 3),
                    "--requests.webhooks.poll-interval=100ms",
                    "--requests.webhooks.initial-backoff=100ms",
                    "--requests.webhooks.max-backoff=500ms",
                    "--requests.webhooks.max-attempts=1000",
                    // The subscriber runs on this host, which webhooks may not reach by default.
                    "--requests.webhooks.blocked-networks=169.254.0.0/16");
            try (ServiceProcess service = new ServiceProcess(ServiceProcess.jarUnderTest(), workDirectory.resolve("data"), arguments)) {
                ApiClient api = service.start();
                Requests requests = new Requests(api);
                assertThat(api.post("admin", "/api/v1/webhooks", Map.of("url", subscriber.url("/events"),
                        "secret", "0123456789abcdef0123", "includeExecution", true)).status()).isEqualTo(201);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    String id = requests.submit("maker1", Payloads.pointsRedemption()).field("requestId");
                    assertThat(requests.decide("checker1", id, "approve", "go").field("state")).isEqualTo("executing");
                    ids.add(id);
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> platform.received().size() >= REQUESTS);

                service.kill();
                serviceKilled.countDown();
                api = service.start();
                requests = new Requests(api);
                subscriber.comeBack();

                for (String id : ids) {
                    requests.awaitState(id, "approved");
                    assertThat(requests.awaitDetailedHistory(id, 3)).extracting(Requests::state)
                            .containsExactly("AdminTask", "executing", "approved");
                    List<Received> calls = platform.received().stream()
                            .filter(call -> (id + ":1").equals(call.header("Idempotency-Key"))).toList();
                    assertThat(calls).as("calls for %s", id).hasSize(2);
                }
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> ids.forEach(id ->
                        assertThat(deliveredStates(subscriber, id)).as("delivered to the subscriber for %s", id)
                                .containsExactly("AdminTask", "executing", "approved")));
            }
        }
    }

    /** The states of the request's events as the subscriber received them, each event once, in arrival order. */
    private static List<String> deliveredStates(FakeHttpServer subscriber, String requestId) {
        Set<String> seen = new HashSet<>();
        return subscriber.received("/events").stream()
                .filter(delivery -> seen.add(delivery.header("X-Webhook-Id")))
                .map(FakeHttpServer.Received::json)
                .filter(event -> event.path("data").path("requestId").asText().equals(requestId))
                .map(Requests::state)
                .toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
