package com.requestworkflows.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.requestworkflows.RequestWorkflowsApplication;
import com.requestworkflows.support.ApiClient;
import com.requestworkflows.support.ApiClient.Response;
import com.requestworkflows.support.Payloads;
import com.requestworkflows.support.Requests;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.requestworkflows.support.Requests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Random and mutated payloads at every write endpoint of a running service: whatever arrives, the answer is never
 * a 5xx, a refusal is a problem body, and a refused call writes nothing (its reference id stays free, and only
 * accepted submits become requests).
 */
class WriteEndpointsFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("requestType", "baseType", "referenceId", "reason",
            "requestAttributes", "clientAutoApprove", "client_auto_approve", "queryParams", "body", "comment",
            "enabled", "url", "secret", "requestTypes", "states", "$where", "a.b", "");
    private static final List<String> TYPES = List.of("POINTS_REDEMPTION", "customer-status-change", "GOODWILL",
            "CHANGE_IDENTIFIER", "EARN_BADGE", "ISSUE_BADGE", "TRANSACTION_UPDATE", "GOODWILL_POINTS", "NOPE", "");

    private static ConfigurableApplicationContext service;
    private static ApiClient api;
    private static final AtomicInteger tries = new AtomicInteger();
    private static final AtomicInteger accepted = new AtomicInteger();
    private static final Set<String> refusedReferenceIds = ConcurrentHashMap.newKeySet();
    private static long requestsBefore;

    @BeforeContainer
    static void start() throws IOException {
        Path data = Files.createTempDirectory("fuzz");
        service = new SpringApplicationBuilder(RequestWorkflowsApplication.class).profiles("test")
                .run("--server.port=0", "--requests.data-dir=" + data);
        api = new ApiClient("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
        requestsBefore = requestCount();
    }

    @AfterContainer
    static void noRefusedCallWroteAnything() {
        try {
            await().atMost(Requests.VIEW_TIMEOUT).untilAsserted(() ->
                    assertThat(requestCount()).isEqualTo(requestsBefore + accepted.get()));
            refusedReferenceIds.stream().limit(25).forEach(referenceId -> assertThat(api.post("maker1",
                    "/api/v1/requests", Payloads.withReferenceId(Payloads.earnBadge(), referenceId)).status())
                    .as("reference id %s of a refused submit is still free", referenceId).isEqualTo(201));
        } finally {
            service.close();
        }
    }

    @Property(tries = 300)
    void submitsNeverFailOrWriteHalfway(@ForAll("submitBodies") Map<String, Object> body) {
        String referenceId = "fuzz-" + tries.incrementAndGet();
        body.put("referenceId", referenceId);
        Response response = api.post("maker1", "/api/v1/requests", body);
        if (response.status() == 201) {
            accepted.incrementAndGet();
            assertThat(response.json().path("requestId").asText()).isNotBlank();
        } else {
            assertProblem(response, response.status());
            assertThat(response.status()).as(response.toString()).isBetween(400, 499);
            refusedReferenceIds.add(referenceId);
        }
    }

    @Property(tries = 150)
    void unreadableBodiesAreRefusedNeverFailed(@ForAll("rawBodies") String raw) {
        for (String path : List.of("/api/v1/requests", "/api/v1/webhooks")) {
            Response response = api.send(path.endsWith("webhooks") ? "admin" : "maker1", "POST", path, raw,
                    "application/json");
            assertThat(response.status()).as(raw + " -> " + response).isBetween(400, 499);
        }
    }

    @Property(tries = 200)
    void decisionsAndAdminCallsNeverFail(@ForAll("anyJson") Object body, @ForAll("ids") String id) {
        List<Response> answers = List.of(
                api.post("checker1", "/api/v1/requests/" + id + "/approve", body),
                api.post("checker1", "/api/v1/requests/" + id + "/reject", body),
                api.post("maker1", "/api/v1/requests/" + id + "/cancel", body),
                api.post("admin", "/api/v1/requests/" + id + "/retry", body),
                api.put("admin", "/api/v1/auto-approval-rules/" + id, body),
                api.post("admin", "/api/v1/webhooks", body),
                api.post("admin", "/api/v1/webhooks/dead-letters/" + id + "/redeliver", body));
        answers.forEach(answer -> assertThat(answer.status()).as(answer.toString()).isLessThan(500));
    }

    @Provide
    Arbitrary<Map<String, Object>> submitBodies() {
        return Arbitraries.oneOf(randomObjects(), mutatedValidPayloads());
    }

    @Provide
    Arbitrary<Object> anyJson() {
        return Arbitraries.recursive(this::leaves, this::containers, 0, 3);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.create(() -> UUID.randomUUID().toString()),
                Arbitraries.strings().alpha().numeric().withChars("-_.$").ofMinLength(1).ofMaxLength(40),
                Arbitraries.of("CI_EMAIL_AUTO_APPROVE", "auto-approval-policy-0", "00000000-0000-0000-0000-000000000000"));
    }

    @Provide
    Arbitrary<String> rawBodies() {
        Arbitrary<String> truncated = Combinators.combine(submitBodies(), Arbitraries.integers().between(0, 200))
                .as((body, cut) -> {
                    String text = write(body);
                    return text.substring(0, Math.min(cut, Math.max(0, text.length() - 1)));
                });
        return Arbitraries.oneOf(truncated, Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of("", "null", "[]", "\"text\"", "{}", "{\"requestType\":1e999}", "{\"a\":\"\\ud800\"}"));
    }

    private Arbitrary<Map<String, Object>> randomObjects() {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(8));
        return Arbitraries.maps(keys, anyJson()).ofMaxSize(6).map(HashMap::new);
    }

    private Arbitrary<Map<String, Object>> mutatedValidPayloads() {
        Arbitrary<Map<String, Object>> valid = Arbitraries.of("points", "status", "badge", "email", "issue")
                .map(name -> switch (name) {
                    case "points" -> Payloads.pointsRedemption();
                    case "status" -> Payloads.customerStatusChange("CUSTOMER_STATUS_CHANGE");
                    case "badge" -> Payloads.earnBadge();
                    case "email" -> Payloads.emailChange();
                    default -> Payloads.issueBadge();
                });
        return Combinators.combine(valid, Arbitraries.integers().between(0, 50), anyJson(), Arbitraries.of(TYPES))
                .as(WriteEndpointsFuzzTest::mutate);
    }

    /** Replaces or removes one value somewhere in the payload, or changes its type. */
    private static Map<String, Object> mutate(Map<String, Object> payload, int pick, Object replacement, String type) {
        Map<String, Object> copy = JSON.convertValue(payload, Map.class);
        List<Map<String, Object>> objects = new ArrayList<>();
        collectObjects(copy, objects);
        Map<String, Object> target = objects.get(pick % objects.size());
        List<String> keys = new ArrayList<>(target.keySet());
        if (keys.isEmpty() || pick % 7 == 0) {
            copy.put("requestType", type);
        } else if (pick % 3 == 0) {
            target.remove(keys.get(pick % keys.size()));
        } else {
            target.put(keys.get(pick % keys.size()), replacement);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static void collectObjects(Object node, List<Map<String, Object>> objects) {
        if (node instanceof Map<?, ?> map) {
            objects.add((Map<String, Object>) map);
            map.values().forEach(value -> collectObjects(value, objects));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectObjects(value, objects));
        }
    }

    private Arbitrary<Object> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12).map(Object.class::cast),
                Arbitraries.of("100", "-1", "0", "1e3", "$ne", "a.b", "AdminTask", "EARN_BADGE", "").map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
    }

    private Arbitrary<Object> containers(Arbitrary<Object> element) {
        return Arbitraries.oneOf(
                element.list().ofMaxSize(3).map(Object.class::cast),
                Arbitraries.maps(Arbitraries.of(FIELDS), element).ofMaxSize(3).map(Object.class::cast));
    }

    private static long requestCount() {
        return api.get("auditor1", "/api/v1/requests?size=1").json().path("totalElements").asLong();
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
