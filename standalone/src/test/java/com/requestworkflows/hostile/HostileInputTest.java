package com.requestworkflows.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.requestworkflows.support.ApiClient.Response;
import com.requestworkflows.support.Payloads;
import com.requestworkflows.support.RawHttp;
import com.requestworkflows.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.requestworkflows.support.Requests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Input meant to break, widen or poison something: refused precisely, with nothing stored. */
class HostileInputTest extends ServiceTest {

    private static final String REQUESTS = "/api/v1/requests";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> dataDirectory.toString());
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413WhetherDeclaredOrStreamed() {
        // Many short strings: over the size limit without hitting any other limit first.
        byte[] huge = ("{\"requestType\":\"EARN_BADGE\",\"requestAttributes\":{\"body\":{\"list\":["
                + "\"xxxxxxxxxx\",".repeat(30_000) + "\"x\"]}}}").getBytes(StandardCharsets.UTF_8);
        assertNothingStoredBy(() -> {
            assertProblem(api.sendBytes("maker1", REQUESTS, huge, false), 413);
            assertProblem(api.sendBytes("maker1", REQUESTS, huge, true), 413);
        });
    }

    @Test
    void malformedBodiesAreRefusedNamingTheProblem() {
        assertNothingStoredBy(() -> {
            Response duplicateKeys = api.send("maker1", "POST", REQUESTS,
                    "{\"requestType\":\"EARN_BADGE\",\"requestType\":\"POINTS_REDEMPTION\"}", "application/json");
            assertProblem(duplicateKeys, 400);
            assertThat(duplicateKeys.json().path("detail").asText()).contains("Duplicate member").contains("requestType");

            Response deep = api.send("maker1", "POST", REQUESTS, "{\"requestType\":\"EARN_BADGE\",\"requestAttributes\":"
                    + "{\"body\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(42), "application/json");
            assertProblem(deep, 400);
            assertThat(deep.json().path("detail").asText()).contains("nesting");

            Map<String, Object> longReason = Payloads.earnBadge();
            longReason.put("reason", "r".repeat(2001));
            Response tooLongReason = requests.submit("maker1", longReason);
            assertProblem(tooLongReason, 400);
            assertThat(tooLongReason.json().path("field").asText()).isEqualTo("reason");

            Response longString = api.send("maker1", "POST", REQUESTS,
                    "{\"requestType\":\"EARN_BADGE\",\"reason\":\"" + "x".repeat(150_000) + "\"}", "application/json");
            assertProblem(longString, 400);

            byte[] invalidUtf8 = {'{', '"', 'r', 'e', 'a', 's', 'o', 'n', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
            Response notUtf8 = api.sendBytes("maker1", REQUESTS, invalidUtf8, false);
            assertProblem(notUtf8, 400);
            assertThat(notUtf8.json().path("detail").asText()).containsIgnoringCase("UTF-8");

            assertProblem(api.send("maker1", "POST", REQUESTS, "requestType=EARN_BADGE", "text/plain"), 415);
            assertProblem(api.send("maker1", "POST", REQUESTS, "<request/>", "application/xml"), 415);
        });
    }

    @Test
    void garbageWhereNumbersBelongIsRefusedButDigitStringsAreAccepted() {
        Response asDigits = requests.submit("maker1", Payloads.pointsRedemption());
        assertThat(asDigits.status()).isEqualTo(201);
        requests.awaitState(asDigits.field("requestId"), "AdminTask");

        assertNothingStoredBy(() -> {
            for (Object points : List.of("1e3", "0x10", "-100", 0, -5, 1.5, "", true, List.of(1))) {
                Map<String, Object> body = Payloads.pointsRedemption();
                body.put("requestAttributes", Map.of("body", Map.of("root", Map.of("redeem",
                        Map.of("points_redeemed", points, "customer", Map.of("mobile", "1"))))));
                Response refused = requests.submit("maker1", body);
                assertProblem(refused, 400);
                assertThat(refused.json().path("field").asText()).as("points %s", points)
                        .isEqualTo("requestAttributes.body.root.redeem.points_redeemed");
            }
        });
    }

    @Test
    void mongoOperatorsAndDottedKeysInAttributesRoundTripExactlyAsSent() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", 382477526);
        body.put("badgeMetaId", "65be200710126e55359f1969");
        body.put("$where", "sleep(10000) || true");
        body.put("a.b", Map.of("$ne", 1, "$gt", ""));
        body.put("nested", Map.of("$set", Map.of("state", "approved")));
        Map<String, Object> submit = new LinkedHashMap<>(Map.of("requestType", "EARN_BADGE",
                "requestAttributes", Map.of("queryParams", Map.of("$in", "[1]", "x.y", "z"), "body", body)));
        Response created = requests.submit("maker1", submit);
        assertThat(created.status()).isEqualTo(201);
        String id = created.field("requestId");
        JsonNode sent = JSON.valueToTree(submit.get("requestAttributes"));

        requests.awaitState(id, "AdminTask");
        assertThat(api.get("auditor1", REQUESTS + "/" + id).json().path("requestAttributes")).isEqualTo(sent);
        assertThat(requests.awaitHistory(id, 1).get(0).path("data").path("requestAttributes")).isEqualTo(sent);
        assertThat(requests.inbox("checker1", "")).contains(id);
    }

    @Test
    void operatorsInQueryFiltersNeverWidenASearch() {
        String mine = requests.submit("maker1", Payloads.earnBadge()).field("requestId");
        String theirs = requests.submit("maker2", Payloads.earnBadge()).field("requestId");
        requests.awaitState(mine, "AdminTask");
        requests.awaitState(theirs, "AdminTask");

        for (String filter : List.of("requesterId%5B%24ne%5D=1", "requesterId[$ne]=1", "requesterId=%7B%22%24ne%22%3A1%7D",
                "referenceId%5B%24regex%5D=.*", "state%5B%24ne%5D=x")) {
            Response response = api.get("maker1", REQUESTS + "?size=200&requesterId=1001&" + filter);
            if (response.status() == 200) {
                assertThat(response.json().findValuesAsText("requesterId")).as(filter).containsOnly("1001");
            } else {
                assertProblem(response, 400);
            }
        }
        Response injectedReference = api.get("maker1", REQUESTS + "?referenceId=%7B%22%24ne%22%3Anull%7D");
        assertThat(injectedReference.json().path("totalElements").asLong()).isZero();
        assertProblem(api.get("checker1", "/api/v1/tasks?requesterId=%7B%22%24ne%22%3A1%7D"), 400);
    }

    @Test
    void requestsTheContainerRefusesStillAnswerWithAProblemAndNoServerName() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /api/v1/requests?x=<script>\"' HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("\"status\":400").doesNotContainIgnoringCase("tomcat").doesNotContain("<html");
        }
    }

    @Test
    void aSubmitWhoseAnswerCannotBeWrittenIsRefusedBeforeAnythingIsStored() throws Exception {
        byte[] body = JSON.writeValueAsBytes(Payloads.withReferenceId(Payloads.earnBadge(), "accept-latin1"));
        assertNothingStoredBy(() -> {
            for (String accept : List.of("application/json;charset=latin1", "application/xml", "text/csv")) {
                RawHttp.Answer refused = raw("POST", REQUESTS, Map.of("Accept", accept,
                        "Content-Type", "application/json"), body);
                assertThat(refused.status()).as(accept).isEqualTo(406);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
        });
        // The reference id was never claimed: the same submit with an answer the service can give goes through.
        assertThat(api.post("maker1", REQUESTS, Payloads.withReferenceId(Payloads.earnBadge(), "accept-latin1"))
                .status()).isEqualTo(201);
    }

    @Test
    void callsTheFrameworkRefusesAreProblemsNeverServerErrors() throws Exception {
        byte[] body = JSON.writeValueAsBytes(Payloads.earnBadge());
        assertNothingStoredBy(() -> {
            // U+200B sent as its UTF-8 bytes, two of them control characters: the firewall refuses the value.
            assertRefused(raw("POST", REQUESTS, Map.of("X-Forwarded-For", "\u00e2\u0080\u008b1.2.3.4",
                    "Content-Type", "application/json"), body), 400);
            assertRefused(raw("GET", "/actuator/health", Map.of("X-Forwarded-For", "\u0085"), null), 400);
            for (String wildcard : List.of("application/*", "*/*", "multipart/form-data")) {
                assertRefused(raw("POST", REQUESTS, Map.of("Content-Type", wildcard), body), 415);
            }
            assertRefused(raw("POST", REQUESTS, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "a\u0001b=1".getBytes(StandardCharsets.ISO_8859_1)), 400);
        });
    }

    @Test
    void everyListingParsesItsParametersAlikeAndRefusesAReversedRangeByName() throws Exception {
        for (String listing : List.of(REQUESTS, "/api/v1/tasks", "/api/v1/audit", "/api/v1/reports/summary")) {
            RawHttp.Answer reversed = raw("GET", listing + "?from=2024-02-03&to=2024-01-01", Map.of(), null);
            assertRefused(reversed, 400);
            assertThat(JSON.readTree(reversed.body()).path("field").asText()).as(listing).isEqualTo("to");
        }
        for (String odd : List.of("actorId%5B%24ne%5D=1", "sort%5B0%5D=at", "from%5B0%5D=2024-01-01")) {
            assertThat(raw("GET", "/api/v1/audit?" + odd, Map.of(), null).status()).as(odd).isEqualTo(200);
        }
    }

    private static void assertRefused(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    /** A call exactly as given (each header character one byte): a write as maker1, a read as the admin. */
    private RawHttp.Answer raw(String method, String target, Map<String, String> headers, byte[] body) {
        Map<String, String> sent = new LinkedHashMap<>(headers);
        String user = method.equals("POST") ? "maker1:maker1" : "admin:admin";
        sent.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        try {
            return RawHttp.exchange(port, method, target, sent, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the hostile calls and checks that the org's request count did not move. */
    private void assertNothingStoredBy(Runnable hostileCalls) {
        long before = count();
        hostileCalls.run();
        String marker = requests.submit("maker2", Payloads.earnBadge()).field("requestId");
        requests.awaitState(marker, "AdminTask");
        assertThat(count()).isEqualTo(before + 1);
    }

    private long count() {
        return api.get("auditor1", REQUESTS + "?size=1").json().path("totalElements").asLong();
    }
}
