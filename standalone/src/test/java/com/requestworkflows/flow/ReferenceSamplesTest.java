package com.requestworkflows.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.requestworkflows.support.FakeHttpServer.Reply;
import com.requestworkflows.support.FakeHttpServer;
import com.requestworkflows.support.ServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample of the reference's {@code requestWorkflowEvent}s, replayed: a request of the sample's type with its
 * attributes is submitted and driven to the sample's state (approved, rejected, or failed by the platform's refusal
 * of the approved action), and the workflow event the history and webhooks show for that state has the sample's
 * fields, with values of the same JSON types, and the same states, comment, reason and attributes. A subscriber
 * written against the samples reads it as it reads them.
 */
class ReferenceSamplesTest extends ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeHttpServer platform = new FakeHttpServer();
    /**
     * The reference's status-change samples show a decision without its checker; this service names the checker in
     * every checker's decision, so a status change's decided event has this one field more than its sample.
     */
    private static final Set<String> KEPT_THOUGH_THE_SAMPLE_LACKS_IT = Set.of("checkerId");

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> dataDirectory.toString());
        for (String type : List.of("POINTS_REDEMPTION", "CUSTOMER_STATUS_CHANGE", "EARN_BADGE")) {
            registry.add("requests.execution.targets." + type + ".url", () -> platform.url("/" + type));
        }
        registry.add("requests.execution.poll-interval", () -> "50ms");
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void everySampleStateReadsAsTheSampleDoes() throws IOException {
        JsonNode samples;
        try (InputStream in = getClass().getResourceAsStream("/reference/workflow-event-samples.json")) {
            samples = JSON.readTree(in);
        }
        assertThat(samples).hasSize(13);
        for (JsonNode sample : samples) {
            JsonNode ours = replay(sample);
            String what = sample.at("/data/requestType").asText() + " " + sample.at("/data/currentRequestState");
            assertSameShape(what, sample, ours, Set.of());
            assertSameShape(what, sample.get("data"), ours.get("data"), KEPT_THOUGH_THE_SAMPLE_LACKS_IT);
            for (String field : List.of("currentRequestState", "previousRequestState", "comment", "reason",
                    "requestType")) {
                assertThat(ours.at("/data/" + field)).as("%s: %s", what, field).isEqualTo(sample.at("/data/" + field));
            }
            assertThat(ours.at("/data/requestAttributes")).as(what).isEqualTo(sample.at("/data/requestAttributes"));
            assertThat(ours.get("loyaltyEventId").isNull()).isTrue();
            assertThat(ours.get("refId").asText()).isEqualTo("0_" + ours.at("/data/requestId").asText());
            assertThat(ours.get("apiRequestId").asText()).as(what + ": the call that caused it").hasSize(32);
        }
    }

    /** Submits a request like the sample's and drives it to the sample's state; answers that state's event. */
    private JsonNode replay(JsonNode sample) {
        JsonNode data = sample.get("data");
        Map<String, Object> submit = new LinkedHashMap<>();
        submit.put("requestType", data.get("requestType").asText());
        submit.put("requestAttributes", JSON.convertValue(data.get("requestAttributes"), Map.class));
        if (data.has("reason")) {
            submit.put("reason", data.get("reason").asText());
        }
        String id = requests.submit("maker1", submit).field("requestId");
        String state = data.get("currentRequestState").asText();
        switch (state) {
            case "AdminTask" -> {
                return requests.awaitHistory(id, 1).get(0);
            }
            case "rejected" -> requests.decide("checker1", id, "reject", data.get("comment").asText());
            default -> {
                platform.respondWith(request -> state.equals("failed")
                        ? Reply.of(400, "{\"code\":744,\"message\":\"Reference number already exists\"}")
                        : Reply.of(200, "{\"status\":{\"success\":true}}"));
                requests.decide("checker1", id, "approve", data.get("comment").asText());
            }
        }
        requests.awaitState(id, state);
        return requests.awaitHistory(id, 2).get(1);
    }

    /** The same members as the sample (ours may keep {@code extra} besides), each of the same JSON type. */
    private static void assertSameShape(String what, JsonNode sample, JsonNode ours, Set<String> extra) {
        Map<String, String> sampleTypes = types(sample);
        Map<String, String> ourTypes = types(ours);
        Set<String> more = new HashSet<>(ourTypes.keySet());
        more.removeAll(sampleTypes.keySet());
        assertThat(more).as("%s: members the sample does not have", what).isSubsetOf(extra);
        sampleTypes.forEach((field, type) -> assertThat(ourTypes.get(field)).as("%s: the type of %s", what, field)
                .isEqualTo(type));
    }

    private static Map<String, String> types(JsonNode node) {
        Map<String, String> types = new HashMap<>();
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            types.put(field, node.get(field).getNodeType().name());
        }
        return types;
    }
}
