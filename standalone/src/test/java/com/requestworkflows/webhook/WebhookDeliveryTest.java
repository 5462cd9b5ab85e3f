package com.requestworkflows.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.requestworkflows.query.webhook.WebhookDeliveryQueue;
import com.requestworkflows.query.webhook.WebhookSecrets;
import com.requestworkflows.query.webhook.WebhookSubscriptions;
import com.requestworkflows.support.ApiClient.Response;
import com.requestworkflows.support.FakeHttpServer;
import com.requestworkflows.support.FakeHttpServer.Received;
import com.requestworkflows.support.FakeHttpServer.Reply;
import com.requestworkflows.support.Payloads;
import com.requestworkflows.support.Requests;
import com.requestworkflows.support.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static com.requestworkflows.support.Requests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Webhook deliveries through the real stack on the embedded stores: admins subscribe over HTTP, requests change,
 * and real HTTP servers started here play the subscribers. Timings are shrunk so that retries and parking take
 * moments: attempts 100 ms apart, doubling up to 800 ms, parked after the fifth, a 3 s timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "requests.webhooks.poll-interval=50ms",
        "requests.webhooks.timeout=3s",
        "requests.webhooks.initial-backoff=100ms",
        "requests.webhooks.max-backoff=800ms",
        "requests.webhooks.max-attempts=" + WebhookDeliveryTest.MAX_ATTEMPTS,
        "requests.webhooks.max-in-flight-per-subscription=2"})
class WebhookDeliveryTest extends ServiceTest {

    static final int MAX_ATTEMPTS = 5;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOOK_PATH = "/hook";

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> dataDirectory.toString());
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebhookSubscriptions subscriptions;

    @Autowired
    WebhookDeliveryQueue deliveryQueue;

    private final List<Subscriber> subscribers = new ArrayList<>();

    /** A subscription made by {@code admin} and the server that plays its subscriber. */
    private record Subscriber(String admin, String id, String secret, FakeHttpServer server) {

        /** What reached the subscriber about one request, in order of arrival, failed attempts included. */
        List<Received> received(String requestId) {
            return server.received(HOOK_PATH).stream()
                    .filter(request -> requestId.equals(json(request.body()).path("data").path("requestId").asText()))
                    .toList();
        }
    }

    @AfterEach
    void unsubscribe() {
        subscribers.forEach(subscriber -> {
            api.send(subscriber.admin(), "DELETE", "/api/v1/webhooks/" + subscriber.id(), null, null);
            subscriber.server().close();
        });
    }

    @Test
    void everyChangeArrivesInTheReferenceShapeSignedWithTheSecretThatIsShownOnlyOnce() throws IOException {
        Subscriber hook = subscribe("admin", Map.of());
        assertThat(hook.secret()).matches("[0-9a-f]{64}");

        String id = submit("maker1", Payloads.pointsRedemption());
        requests.decide("checker1", id, "approve", "approving the points redemption request");

        List<JsonNode> history = requests.awaitHistory(id, 2);
        List<Received> delivered = awaitReceived(hook, id, 2);
        for (int i = 0; i < 2; i++) {
            Received delivery = delivered.get(i);
            assertThat(json(delivery.body())).isEqualTo(history.get(i));
            assertThat(delivery.method()).isEqualTo("POST");
            assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
            assertThat(delivery.header("X-Webhook-Id")).isEqualTo(history.get(i).path("eventId").asText());
            assertThat(delivery.header("X-Webhook-Subscription")).isEqualTo(hook.id());
            assertThat(delivery.header("X-Webhook-Signature")).isEqualTo("sha256=" + hmacSha256(hook.secret(),
                    delivery.body()));
            String timestamp = delivery.header("X-Webhook-Timestamp");
            assertThat(Long.parseLong(timestamp))
                    .isBetween(Instant.now().minusSeconds(60).getEpochSecond(), Instant.now().getEpochSecond());
            assertThat(delivery.header("X-Webhook-Signature-V2")).isEqualTo("sha256=" + hmacSha256(hook.secret(),
                    timestamp + "." + delivery.body()));
        }
        assertSameMembers(json(delivered.get(0).body()), reference("points-redemption-pending.json"));
        assertSameMembers(json(delivered.get(1).body()), reference("points-redemption-approved.json"));

        JsonNode listed = api.get("admin", "/api/v1/webhooks?size=200").json().path("content");
        assertThat(listed.findValuesAsText("id")).contains(hook.id());
        assertThat(listed.findValues("secret")).isEmpty();
        JsonNode one = api.get("admin", "/api/v1/webhooks/" + hook.id()).json();
        assertThat(one.has("secret")).isFalse();
        assertThat(one.path("secretHint").asText()).isEqualTo(hook.secret().substring(60));
        assertThat(one.path("url").asText()).isEqualTo(hook.server().url(HOOK_PATH));

        JsonNode log = awaitLog(hook, id, entries -> entries.size() == 2
                && entries.stream().allMatch(entry -> entry.path("status").asText().equals("DELIVERED")));
        assertThat(log.findValuesAsText("eventState")).containsExactly("approved", "AdminTask");
        log.forEach(entry -> {
            assertThat(entry.path("attempts").asInt()).isEqualTo(1);
            assertThat(entry.path("lastStatusCode").asInt()).isEqualTo(200);
            assertThat(entry.path("lastLatencyMs").asLong()).isNotNegative();
            assertThat(entry.path("deliveredAt").asLong()).isPositive();
            assertThat(entry.path("attemptLog")).hasSize(1);
        });
    }

    @Test
    void aRequestsChangesArriveInOrderEvenWhenAnEarlierOneHasToBeRetried() {
        Subscriber hook = subscribe("admin", Map.of());
        Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
        hook.server().respondWith(request -> state(request).equals("AdminTask")
                && refusedOnce.add(request.header("X-Webhook-Id")) ? Reply.of(503, "{}") : Reply.of(200, "{}"));

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = submit("maker2", Payloads.issueBadge());
            requests.decide("checker2", id, i % 2 == 0 ? "approve" : "reject", "decided at once");
            ids.add(id);
        }

        for (int i = 0; i < ids.size(); i++) {
            List<String> arrivals = awaitReceived(hook, ids.get(i), 3).stream().map(WebhookDeliveryTest::state)
                    .toList();
            assertThat(arrivals).as("refused, retried, then the decision")
                    .containsExactly("AdminTask", "AdminTask", i % 2 == 0 ? "approved" : "rejected");
        }
        JsonNode log = awaitLog(hook, ids.get(0), entries -> entries.size() == 2
                && entries.stream().allMatch(entry -> entry.path("status").asText().equals("DELIVERED")));
        JsonNode pending = log.get(1);
        assertThat(pending.path("eventState").asText()).isEqualTo("AdminTask");
        assertThat(pending.path("attempts").asInt()).isEqualTo(2);
        assertThat(pending.path("attemptLog").findValuesAsText("statusCode")).containsExactly("503", "200");
        assertThat(pending.path("attemptLog").get(0).path("error").asText()).isEqualTo("HTTP 503");
    }

    @Test
    void aDeliveryIsParkedAfterItsLastAttemptListedAndDeliveredWhenAnAdminSendsItAgain() {
        Subscriber hook = subscribe("admin", Map.of());
        hook.server().respondWith(request -> Reply.of(500, "{\"error\": \"down for maintenance\"}"));
        String id = submit("maker1", Payloads.earnBadge());

        JsonNode parked = awaitParked(hook, id);
        assertThat(parked.path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
        assertThat(parked.path("lastStatusCode").asInt()).isEqualTo(500);
        assertThat(parked.path("lastError").asText()).isEqualTo("HTTP 500");
        assertThat(parked.path("attemptLog").findValuesAsText("statusCode")).hasSize(MAX_ATTEMPTS).containsOnly("500");
        assertThat(hook.received(id)).hasSize(MAX_ATTEMPTS);
        assertThat(api.get("admin", "/api/v1/webhooks/" + hook.id() + "/deliveries?status=parked").json()
                .path("content").findValuesAsText("id")).containsExactly(parked.path("id").asText());

        hook.server().respondWith(request -> Reply.of(204, ""));
        String redeliver = "/api/v1/webhooks/dead-letters/" + parked.path("id").asText() + "/redeliver";
        assertProblem(api.post("otherchecker", redeliver, null), 404);
        Response redelivered = api.post("admin", redeliver, null);
        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(202);
        assertThat(redelivered.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(redelivered.json().path("attempts").asInt()).isZero();

        JsonNode delivered = awaitLog(hook, id, entries -> entries.size() == 1
                && entries.get(0).path("status").asText().equals("DELIVERED")).get(0);
        assertThat(delivered.path("attempts").asInt()).isEqualTo(1);
        assertThat(delivered.path("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(delivered.path("attemptLog").findValuesAsText("statusCode")).hasSize(MAX_ATTEMPTS + 1)
                .endsWith("204");
        assertThat(hook.received(id)).hasSize(MAX_ATTEMPTS + 1);
        assertThat(deadLetters("admin", hook.id()).findValuesAsText("id")).isEmpty();

        Response again = api.post("admin", redeliver, null);
        assertProblem(again, 409);
        assertThat(again.json().path("deliveryStatus").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void aSubscriberThatIsDownForAWhileGetsItsEventsWhenItComesBack() {
        Subscriber hook = subscribe("admin", Map.of());
        hook.server().goDown();
        String id = submit("maker1", Payloads.earnBadge());

        JsonNode failing = awaitLog(hook, id, entries -> entries.size() == 1
                && entries.get(0).path("attempts").asInt() >= 2).get(0);
        assertThat(failing.path("status").asText()).isEqualTo("PENDING");
        assertThat(failing.path("lastStatusCode").isNull()).isTrue();
        assertThat(failing.path("lastError").asText()).isEqualTo("connection refused");
        assertThat(failing.path("nextAttemptAt").asLong()).isPositive();

        hook.server().comeBack();
        assertThat(awaitReceived(hook, id, 1)).hasSize(1);
        awaitLog(hook, id, entries -> entries.get(0).path("status").asText().equals("DELIVERED"));
    }

    @Test
    void subscriptionsReceiveOnlyTheTypesAndStatesTheyAskFor() {
        Subscriber approvedBadges = subscribe("admin", Map.of("requestTypes", List.of("earn-badge"),
                "states", List.of("approved")));
        Subscriber pendingOrRejected = subscribe("admin", Map.of("states", List.of("AdminTask", "REJECTED")));
        Subscriber everything = subscribe("admin", Map.of());
        JsonNode filters = api.get("admin", "/api/v1/webhooks/" + approvedBadges.id()).json();
        assertThat(filters.path("requestTypes").toString()).isEqualTo("[\"EARN_BADGE\"]");
        assertThat(filters.path("states").toString()).isEqualTo("[\"approved\"]");

        String badgeApproved = submit("maker1", Payloads.earnBadge());
        requests.decide("checker1", badgeApproved, "approve", "yes");
        String issueApproved = submit("maker1", Payloads.issueBadge());
        requests.decide("checker1", issueApproved, "approve", "yes");
        String badgeRejected = submit("maker1", Payloads.earnBadge());
        requests.decide("checker1", badgeRejected, "reject", "no");
        List<String> ids = List.of(badgeApproved, issueApproved, badgeRejected);
        // Each event is queued for every subscription in one transaction: once the catch-all has it, all have it.
        ids.forEach(id -> awaitReceived(everything, id, 2));

        assertThat(awaitReceived(approvedBadges, badgeApproved, 1)).extracting(WebhookDeliveryTest::state)
                .containsExactly("approved");
        assertThat(awaitReceived(pendingOrRejected, badgeRejected, 2)).extracting(WebhookDeliveryTest::state)
                .containsExactly("AdminTask", "rejected");
        assertThat(awaitReceived(pendingOrRejected, issueApproved, 1)).extracting(WebhookDeliveryTest::state)
                .containsExactly("AdminTask");
        assertThat(queued(approvedBadges, ids)).containsExactlyInAnyOrder(badgeApproved + " approved");
        assertThat(queued(pendingOrRejected, ids)).containsExactlyInAnyOrder(badgeApproved + " AdminTask",
                issueApproved + " AdminTask", badgeRejected + " AdminTask", badgeRejected + " rejected");
    }

    @Test
    void aSlowSubscriberDelaysNeitherRequestsNorOtherSubscribers() {
        Subscriber slow = subscribe("admin", Map.of());
        slow.server().respondWith(request -> new Reply(200, "{}", Duration.ofSeconds(10)));
        Subscriber fast = subscribe("admin", Map.of());

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long started = System.nanoTime();
            ids.add(submit("maker2", Payloads.earnBadge()));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("submit answered")
                    .isLessThan(Duration.ofSeconds(2));
        }

        // Well within the 3 s that the slow subscriber keeps each of its two deliveries under way.
        await().atMost(Duration.ofMillis(2500)).until(() -> ids.stream().allMatch(id -> fast.received(id).size() == 1));
        assertThat(ids.stream().mapToInt(id -> slow.received(id).size()).sum())
                .as("at most two deliveries under way to one subscriber").isLessThanOrEqualTo(2);
    }

    @Test
    void deletingASubscriptionStopsItsDeliveriesAtOnce() {
        Subscriber hook = subscribe("admin", Map.of());
        hook.server().goDown();
        String id = submit("maker1", Payloads.earnBadge());
        awaitLog(hook, id, entries -> entries.size() == 1 && entries.get(0).path("attempts").asInt() >= 1);

        assertThat(api.send("admin", "DELETE", "/api/v1/webhooks/" + hook.id(), null, null).status()).isEqualTo(204);
        assertProblem(api.send("admin", "DELETE", "/api/v1/webhooks/" + hook.id(), null, null), 404);
        assertProblem(api.get("admin", "/api/v1/webhooks/" + hook.id()), 404);
        assertThat(api.get("admin", "/api/v1/webhooks?size=200").json().findValuesAsText("id"))
                .doesNotContain(hook.id());
        assertThat(jdbc.queryForList("SELECT status FROM webhook_delivery WHERE subscription_id = ?", String.class,
                hook.id())).containsOnly("DISCARDED");

        hook.server().comeBack();
        submit("maker1", Payloads.earnBadge());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> hook.server().received().isEmpty());
    }

    @Test
    void anotherOrgsAdminCanNeitherSeeNorChangeYourWebhooksAndNoEventCrossesOrgs() {
        Subscriber ours = subscribe("admin", Map.of());
        Subscriber theirs = subscribe("otherchecker", Map.of());

        assertThat(api.get("otherchecker", "/api/v1/webhooks?size=200").json().findValuesAsText("id"))
                .contains(theirs.id()).doesNotContain(ours.id());
        assertProblem(api.get("otherchecker", "/api/v1/webhooks/" + ours.id()), 404);
        assertProblem(api.get("otherchecker", "/api/v1/webhooks/" + ours.id() + "/deliveries"), 404);
        assertProblem(api.send("otherchecker", "DELETE", "/api/v1/webhooks/" + ours.id(), null, null), 404);
        assertThat(api.get("admin", "/api/v1/webhooks/" + ours.id()).status()).isEqualTo(200);
        assertProblem(api.get("checker1", "/api/v1/webhooks"), 403);
        assertProblem(api.post("maker1", "/api/v1/webhooks", Map.of("url", ours.server().url(HOOK_PATH))), 403);

        String theirRequest = submit("othermaker", Payloads.earnBadge());
        String ourRequest = submit("maker1", Payloads.earnBadge());
        assertThat(awaitReceived(theirs, theirRequest, 1).get(0).header("X-Webhook-Subscription"))
                .isEqualTo(theirs.id());
        assertThat(awaitReceived(ours, ourRequest, 1)).hasSize(1);
        assertThat(queued(ours, List.of(theirRequest))).isEmpty();
        assertThat(queued(theirs, List.of(ourRequest))).isEmpty();
        assertThat(ours.received(theirRequest)).isEmpty();

        String ourDelivery = api.get("admin", "/api/v1/webhooks/" + ours.id() + "/deliveries").json()
                .path("content").get(0).path("id").asText();
        assertProblem(api.post("otherchecker", "/api/v1/webhooks/dead-letters/" + ourDelivery + "/redeliver", null),
                404);
        assertThat(deadLetters("otherchecker", null).findValuesAsText("subscriptionId")).doesNotContain(ours.id());
    }

    @Test
    void secretsAreStoredSealedAndPlainOnesOfEarlierRowsAreSealedAtStart() throws IOException {
        Subscriber hook = subscribe("admin", Map.of());
        Map<String, Object> stored = jdbc.queryForMap(
                "SELECT secret, sealed_secret FROM webhook_subscription WHERE id = ?", hook.id());
        assertThat(stored.get("secret")).isNull();
        assertThat((String) stored.get("sealed_secret")).isNotBlank().doesNotContain(hook.secret());
        Path keyFile = dataDirectory.resolve("webhook-secrets.key");
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        String earlier = UUID.randomUUID().toString();
        String plainSecret = "stored-in-plain-" + earlier;
        jdbc.update("INSERT INTO webhook_subscription (id, org_id, url, secret, created_by, created_at) "
                        + "VALUES (?, 0, 'https://example.com/hook', ?, 9001, ?)",
                earlier, plainSecret, System.currentTimeMillis());
        subscriptions.sealPlainSecrets();

        stored = jdbc.queryForMap("SELECT secret, sealed_secret FROM webhook_subscription WHERE id = ?", earlier);
        assertThat(stored.get("secret")).isNull();
        assertThat((String) stored.get("sealed_secret")).doesNotContain(plainSecret);
        assertThat(subscriptions.find(0, earlier)).hasValueSatisfying(
                subscription -> assertThat(subscription.secret()).isEqualTo(plainSecret));
        assertThat(api.get("admin", "/api/v1/webhooks/" + earlier).json().path("secretHint").asText())
                .isEqualTo(plainSecret.substring(plainSecret.length() - 4));
        assertThat(api.send("admin", "DELETE", "/api/v1/webhooks/" + earlier, null, null).status()).isEqualTo(204);
    }

    @Test
    void aKeyOtherThanTheOneThatSealedTheSecretsStopsTheStart(@TempDir Path otherDataDirectory) throws IOException {
        subscribe("admin", Map.of());
        WebhookSubscriptions withAnotherKey = new WebhookSubscriptions(jdbc, deliveryQueue,
                new WebhookSecrets("", otherDataDirectory));

        assertThatThrownBy(withAnotherKey::sealPlainSecrets).hasMessageContaining("sealed with another key");
    }

    @Test
    void badInputIsRefusedWithAProblemThatNamesIt() {
        String url = "http://127.0.0.1:9/hook";
        assertRefused(Map.of(), "url");
        assertRefused(Map.of("url", "ftp://example.com/hook"), "url");
        assertRefused(Map.of("url", "not a url"), "url");
        assertRefused(Map.of("url", "/relative/hook"), "url");
        assertRefused(Map.of("url", "https://example.com/" + "a".repeat(2000)), "url");
        assertRefused(Map.of("url", "http://169.254.169.254/latest/meta-data/"), "url");
        assertThat(api.post("admin", "/api/v1/webhooks", Map.of("url", "http://169.254.169.254/")).json()
                .path("detail").asText()).contains("blocked network 169.254.0.0/16");
        assertRefused(Map.of("url", url, "requestTypes", List.of("POINTS_TRANSFER")), "requestTypes[0]");
        assertRefused(Map.of("url", url, "states", List.of("approved", "lost")), "states[1]");
        assertRefused(Map.of("url", url, "secret", "short"), "secret");
        assertProblem(api.post("admin", "/api/v1/webhooks", Map.of("url", url, "states", "approved")), 400);
        assertProblem(api.send("admin", "POST", "/api/v1/webhooks", "{\"url\":", "application/json"), 400);

        String unknown = UUID.randomUUID().toString();
        assertProblem(api.send("admin", "DELETE", "/api/v1/webhooks/" + unknown, null, null), 404);
        assertProblem(api.get("admin", "/api/v1/webhooks/" + unknown + "/deliveries"), 404);
        assertProblem(api.post("admin", "/api/v1/webhooks/dead-letters/" + unknown + "/redeliver", null), 404);
        assertProblem(api.get("admin", "/api/v1/webhooks?size=0"), 400);

        Subscriber spelled = subscribe("admin", Map.of("secret", "a-secret-of-our-own",
                "requestTypes", List.of("POINTS_REDEMPTION", "customer-status-change", "GOODWILL-POINTS"),
                "states", List.of("pending", "Approved")));
        assertThat(spelled.secret()).as("a given secret is not echoed").isNull();
        JsonNode created = api.get("admin", "/api/v1/webhooks/" + spelled.id()).json();
        assertThat(created.path("requestTypes").toString())
                .isEqualTo("[\"POINTS_REDEMPTION\",\"CUSTOMER_STATUS_CHANGE\",\"GOODWILL_POINTS\"]");
        assertThat(created.path("states").toString()).isEqualTo("[\"AdminTask\",\"approved\"]");
        assertThat(created.path("secretHint").asText()).isEqualTo("-own");
        assertProblem(api.get("admin", "/api/v1/webhooks/" + spelled.id() + "/deliveries?status=lost"), 400);
    }

    private Subscriber subscribe(String admin, Map<String, Object> settings) {
        FakeHttpServer server = new FakeHttpServer();
        Map<String, Object> body = new HashMap<>(settings);
        body.put("url", server.url(HOOK_PATH));
        Response created = api.post(admin, "/api/v1/webhooks", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.field("id");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/webhooks/" + id));
        Subscriber subscriber = new Subscriber(admin, id, created.field("secret"), server);
        subscribers.add(subscriber);
        return subscriber;
    }

    private String submit(String maker, Map<String, Object> body) {
        Response submitted = requests.submit(maker, body);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.field("requestId");
    }

    private List<Received> awaitReceived(Subscriber subscriber, String requestId, int count) {
        List<Received> received = new CopyOnWriteArrayList<>();
        await().atMost(DELIVERY_TIMEOUT).until(() -> {
            received.clear();
            received.addAll(subscriber.received(requestId));
            return received.size() >= count;
        });
        assertThat(received).as("no more than expected").hasSize(count);
        return received;
    }

    /** The subscription's log entries of one request, newest first, once they satisfy {@code condition}. */
    private JsonNode awaitLog(Subscriber subscriber, String requestId,
                              Predicate<List<JsonNode>> condition) {
        List<JsonNode> entries = new ArrayList<>();
        await().atMost(DELIVERY_TIMEOUT).until(() -> {
            entries.clear();
            api.get(subscriber.admin(), "/api/v1/webhooks/" + subscriber.id() + "/deliveries?size=200").json()
                    .path("content").forEach(entry -> {
                        if (entry.path("requestId").asText().equals(requestId)) {
                            entries.add(entry);
                        }
                    });
            return !entries.isEmpty() && condition.test(entries);
        });
        return JSON.valueToTree(entries);
    }

    private JsonNode awaitParked(Subscriber subscriber, String requestId) {
        List<JsonNode> parked = new ArrayList<>();
        await().atMost(DELIVERY_TIMEOUT).until(() -> {
            parked.clear();
            deadLetters(subscriber.admin(), subscriber.id()).forEach(entry -> {
                if (entry.path("requestId").asText().equals(requestId)) {
                    parked.add(entry);
                }
            });
            return parked.size() == 1;
        });
        return parked.get(0);
    }

    private JsonNode deadLetters(String admin, String subscriptionId) {
        return api.get(admin, "/api/v1/webhooks/dead-letters?size=200"
                + (subscriptionId == null ? "" : "&subscriptionId=" + subscriptionId)).json().path("content");
    }

    /** "requestId state" of each delivery the subscription has queued for the given requests. */
    private List<String> queued(Subscriber subscriber, List<String> requestIds) {
        List<String> queued = new ArrayList<>();
        api.get(subscriber.admin(), "/api/v1/webhooks/" + subscriber.id() + "/deliveries?size=200").json()
                .path("content").forEach(entry -> {
                    if (requestIds.contains(entry.path("requestId").asText())) {
                        queued.add(entry.path("requestId").asText() + " " + entry.path("eventState").asText());
                    }
                });
        return queued;
    }

    private void assertRefused(Map<String, Object> body, String field) {
        Response refused = api.post("admin", "/api/v1/webhooks", body);
        assertProblem(refused, 400);
        assertThat(refused.json().path("field").asText()).as(refused.toString()).isEqualTo(field);
    }

    private static String state(Received delivery) {
        return Requests.state(json(delivery.body()));
    }

    private static String hmacSha256(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same members as the reference sample, at the top and in {@code data}. */
    private static void assertSameMembers(JsonNode actual, JsonNode reference) {
        assertThat(names(actual)).isEqualTo(names(reference));
        assertThat(names(actual.path("data"))).isEqualTo(names(reference.path("data")));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode reference(String name) throws IOException {
        try (InputStream sample = WebhookDeliveryTest.class.getResourceAsStream("/reference/" + name)) {
            return JSON.readTree(sample);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
