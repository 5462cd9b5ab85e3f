package com.requestworkflows.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.requestworkflows.RequestWorkflowsApplication;
import com.requestworkflows.support.ApiClient;
import com.requestworkflows.support.Payloads;
import com.requestworkflows.support.RawHttp;
import com.requestworkflows.support.Requests;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mutated calls at every endpoint of a running service, as a hostile or careless client sends them: odd
 * {@code Accept}, {@code Content-Type} and {@code X-Forwarded-*} headers, odd query parameter names and values, broken
 * and mistyped bodies. Whatever arrives, the answer is never a 5xx, every refusal under {@code /api} is a problem
 * body, and only the submits answered 201 become requests (a refused one stores nothing, and its reference id stays
 * free).
 *
 * <p>Deterministic: every choice comes from one seed, printed at the start ({@code -Dfuzz.seed=...} repeats a run,
 * {@code -Dfuzz.calls=...} sets its length).
 */
class EndpointFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_204L);
    private static final int CALLS = Integer.getInteger("fuzz.calls", 2_500);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBMIT = "/api/v1/requests";
    private static final String MEMBER_CARE = "/v1.1/request";

    private static ConfigurableApplicationContext service;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        service = new SpringApplicationBuilder(RequestWorkflowsApplication.class).profiles("test")
                .run("--server.port=0", "--requests.data-dir=" + Files.createTempDirectory("fuzz"));
        port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** One HTTP call, as sent. */
    record Call(String method, String user, String path, List<String[]> query, Map<String, String> headers,
                byte[] body) {

        String url() {
            return path + (query.isEmpty() ? "" : "?" + query.stream().map(pair -> pair[0] + "=" + pair[1])
                    .collect(Collectors.joining("&")));
        }

        boolean isSubmit() {
            return method.equals("POST") && path.equals(SUBMIT);
        }

        boolean isMemberCareAdd() {
            return method.equals("POST") && path.equals(MEMBER_CARE + "/add");
        }

        @Override
        public String toString() {
            return method + " " + url() + " as " + user + " " + headers + " "
                    + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    @Test
    void noCallFailsAndOnlyAcceptedSubmitsAreStored() {
        System.out.printf("EndpointFuzzTest: seed %d, %d calls (repeat with -Dfuzz.seed=%d)%n", SEED, CALLS, SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        ApiClient api = new ApiClient("http://localhost:" + port);
        long before = requestCount(api);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.post("maker1", SUBMIT, Payloads.earnBadge()).field("requestId"));
        }
        Catalogue catalogue = new Catalogue(random, ids);
        int accepted = ids.size();
        List<String> refusedReferenceIds = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            Call call = catalogue.next(i);
            Answer answer = send(call);
            String problem = problemWith(call, answer);
            if (problem != null) {
                failures.add("call " + i + ": " + problem + ": " + call + " -> " + answer);
            }
            if (call.isMemberCareAdd() && answer.status() == 200) {
                accepted += storedItems(answer);
            }
            if (call.isSubmit()) {
                if (answer.status() == 201) {
                    accepted++;
                } else {
                    refusedReferenceIds.add(catalogue.referenceIdOf(i));
                }
            }
        }
        long expected = before + accepted;
        try {
            await().atMost(Requests.VIEW_TIMEOUT).until(() -> requestCount(api) == expected);
        } catch (ConditionTimeoutException notEqual) {
            failures.add(requestCount(api) + " requests stored, but " + expected + " submits were answered 201");
        }
        refusedReferenceIds.stream().limit(20).forEach(referenceId -> {
            int status = api.post("maker1", SUBMIT, Payloads.withReferenceId(Payloads.earnBadge(), referenceId))
                    .status();
            if (status != 201) {
                failures.add("reference id " + referenceId + " of a refused submit is taken: " + status);
            }
        });
        assertThat(failures).as("calls answered wrongly").isEmpty();
    }

    /** What is wrong with the answer, or null. */
    private static String problemWith(Call call, Answer answer) {
        if (answer.status() >= 500) {
            return "a server error";
        }
        if (answer.status() >= 400 && call.path().startsWith(MEMBER_CARE) && answer.status() != 401
                && answer.status() != 403) {
            if (!answer.contentType().contains("json") || !answer.body().contains("\"response\"")
                    || answer.body().contains("Exception")) {
                return "a member-care refusal without its answer";
            }
        }
        if (answer.status() >= 400 && call.path().startsWith("/api/")) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                return "a refusal without a problem body";
            }
            if (answer.body().contains("Exception") || answer.body().contains("com.requestworkflows")) {
                return "a refusal that names the implementation";
            }
        }
        return null;
    }

    private static int storedItems(Answer answer) {
        try {
            int stored = 0;
            for (JsonNode item : JSON.readTree(answer.body()).at("/response/requests/request")) {
                stored += item.at("/item_status/success").asBoolean() ? 1 : 0;
            }
            return stored;
        } catch (IOException unreadable) {
            throw new AssertionError("A member-care answer that is not JSON: " + answer, unreadable);
        }
    }

    private static long requestCount(ApiClient api) {
        return api.get("auditor1", SUBMIT + "?size=1").json().path("totalElements").asLong();
    }

    private static Answer send(Call call) {
        Map<String, String> headers = new LinkedHashMap<>(call.headers());
        if (call.user() != null) {
            headers.put("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((call.user() + ":" + call.user()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            RawHttp.Answer answer = RawHttp.exchange(port, call.method(), call.url(), headers, call.body());
            return new Answer(answer.status(), answer.contentType(), answer.body());
        } catch (IOException e) {
            throw new AssertionError("No answer to " + call, e);
        }
    }

    /** An endpoint: how to call it correctly, before mutation. */
    record Endpoint(String method, String path, String user, Supplier<Object> body, List<String> parameters) {
    }

    /** Every endpoint, and the mutations drawn from the one random source. */
    private static final class Catalogue {

        private static final String ID = "{id}";
        private static final List<String> STATES = List.of("AdminTask", "approved", "rejected", "executing",
                "failed", "cancelled", "PENDING", "nope");
        private static final List<String> TYPES = List.of("POINTS_REDEMPTION", "customer-status-change", "GOODWILL",
                "CHANGE_IDENTIFIER", "EARN_BADGE", "ISSUE_BADGE", "TRANSACTION_UPDATE", "GOODWILL_POINTS", "NOPE");
        private static final List<String> ACCEPTS = List.of("application/json", "application/json;charset=latin1",
                "application/json;charset=utf-16", "application/problem+json", "*/*", "*/*;q=0", "text/csv",
                "application/xml", "text/html", ";;", "application/*", "image/png, */*;q=0.1", "\u00e9/\u00e9",
                "application/json;q=abc", "");
        private static final List<String> CONTENT_TYPES = List.of("application/json", "application/*", "*/*",
                "multipart/form-data", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
                "text/plain", "application/json;charset=latin1", "application/json;charset=utf-16",
                "application/json;charset=nope", ";", "application", "application/json; x=\u00e9",
                "application/problem+json", "text/csv");
        private static final List<String> FORWARDED = List.of("X-Forwarded-For", "X-Forwarded-Host",
                "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix", "Forwarded");
        private static final List<String> ODD_TEXT = List.of("\u00e9", "\u00c3\u00a9", "1.2.3.4, \u00ff", "\u00a0",
                "::1", "[::1]:x", "http", "-1", "99999999999", "a".repeat(300), "for=\"_x\";proto=ftp", "", "\u0080");
        private static final List<String> DATES = List.of("2024-02-03", "2024-01-01", "2024-02-03T10:15:30Z",
                "1706883171069", "2024-13-45", "yesterday", "-1", "99999999999999999999", "2024-02-03T25:00:00Z",
                "0", "2999-01-01", "");

        private final SplittableRandom random;
        private final List<String> ids;
        private final List<Endpoint> endpoints;
        private final Map<Integer, String> referenceIds = new LinkedHashMap<>();

        Catalogue(SplittableRandom random, List<String> ids) {
            this.random = random;
            this.ids = ids;
            List<String> listing = List.of("page", "size", "sort", "from", "to");
            this.endpoints = List.of(
                    new Endpoint("POST", SUBMIT, "maker1", this::submitBody, List.of("client_auto_approve")),
                    new Endpoint("POST", SUBMIT + "/" + ID + "/approve", "checker1", this::decision, List.of()),
                    new Endpoint("POST", SUBMIT + "/" + ID + "/reject", "checker1", this::decision, List.of()),
                    new Endpoint("POST", SUBMIT + "/" + ID + "/cancel", "maker1", this::decision, List.of()),
                    new Endpoint("POST", SUBMIT + "/" + ID + "/retry", "admin", () -> null, List.of()),
                    new Endpoint("GET", SUBMIT + "/" + ID, "auditor1", () -> null, List.of("asOf")),
                    new Endpoint("GET", SUBMIT + "/" + ID + "/history", "auditor1", () -> null, List.of()),
                    new Endpoint("GET", SUBMIT, "auditor1", () -> null, concat(listing, "state", "requestType",
                            "requesterId", "checkerId", "referenceId")),
                    new Endpoint("GET", "/api/v1/tasks", "checker1", () -> null, concat(listing, "requestType",
                            "requesterId")),
                    new Endpoint("GET", "/api/v1/audit", "auditor1", () -> null, concat(listing, "actorId",
                            "requestType", "state", "approvalType", "referenceId")),
                    new Endpoint("GET", "/api/v1/reports/summary", "auditor1", () -> null,
                            List.of("from", "to", "groupBy")),
                    new Endpoint("GET", "/api/v1/reports/durations", "auditor1", () -> null,
                            List.of("from", "to", "requestType")),
                    new Endpoint("GET", "/api/v1/reports/checkers", "checker1", () -> null, List.of("from", "to")),
                    new Endpoint("GET", "/api/v1/reports/backlog", "admin", () -> null, List.of()),
                    new Endpoint("GET", "/api/v1/auto-approval-rules", "admin", () -> null, List.of()),
                    new Endpoint("PUT", "/api/v1/auto-approval-rules/CI_EMAIL_AUTO_APPROVE", "admin",
                            () -> Map.of("enabled", random.nextBoolean()), List.of()),
                    new Endpoint("POST", "/api/v1/webhooks", "admin", () -> Map.of("url", "http://127.0.0.1:9/hook",
                            "states", List.of("approved")), List.of()),
                    new Endpoint("GET", "/api/v1/webhooks", "admin", () -> null, List.of("page", "size")),
                    new Endpoint("GET", "/api/v1/webhooks/" + ID, "admin", () -> null, List.of()),
                    new Endpoint("GET", "/api/v1/webhooks/" + ID + "/deliveries", "admin", () -> null,
                            List.of("status", "page", "size")),
                    new Endpoint("DELETE", "/api/v1/webhooks/" + ID, "admin", () -> null, List.of()),
                    new Endpoint("GET", "/api/v1/webhooks/dead-letters", "admin", () -> null,
                            List.of("subscriptionId", "page", "size")),
                    new Endpoint("POST", "/api/v1/webhooks/dead-letters/" + ID + "/redeliver", "admin", () -> null,
                            List.of()),
                    new Endpoint("GET", "/api/v1/admin/replays", "admin", () -> null, List.of()),
                    new Endpoint("GET", "/api/v1/admin/replays/" + ID, "admin", () -> null, List.of()),
                    new Endpoint("POST", "/api/v1/admin/replays", "admin",
                            () -> Map.of("projection", pick(List.of("request-view", "nope", ""))), List.of()),
                    new Endpoint("POST", MEMBER_CARE + "/add", "maker1", this::memberCareItems,
                            List.of("format", "client_auto_approve", "is_one_step_change")),
                    new Endpoint("POST", MEMBER_CARE + "/approve", "checker1", this::memberCareDecisions, List.of()),
                    new Endpoint("POST", MEMBER_CARE + "/reject", "checker1", this::memberCareDecisions, List.of()),
                    new Endpoint("GET", MEMBER_CARE + "/get", "auditor1", () -> null, List.of("start_date",
                            "end_date", "status", "type", "base_type", "start_id", "end_id", "limit", "mobile")),
                    new Endpoint("GET", MEMBER_CARE + "/logs", "auditor1", () -> null, List.of("start_date",
                            "end_date", "type", "base_type", "limit", "page")),
                    new Endpoint("POST", "/api/v1/decisions", "checker1", () -> Map.of("decisions", List.of(
                            Map.of("requestId", pick(ids), "decision", pick(List.of("approve", "reject", "x")),
                                    "comment", "fuzzed"))), List.of()),
                    new Endpoint("GET", "/actuator/health", null, () -> null, List.of()),
                    new Endpoint("GET", "/actuator/metrics", "admin", () -> null, List.of()));
        }

        String referenceIdOf(int call) {
            return referenceIds.get(call);
        }

        /** The {@code call}-th call: an endpoint called correctly, then changed in a few places (or none). */
        Call next(int call) {
            Endpoint endpoint = pick(endpoints);
            String path = endpoint.path().replace(ID, id());
            List<String[]> query = new ArrayList<>();
            for (String parameter : endpoint.parameters()) {
                if (random.nextInt(3) == 0) {
                    query.add(new String[]{parameter, encode(valueFor(parameter))});
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            Object body = endpoint.body().get();
            if (body instanceof Map<?, ?> map && endpoint.path().equals(SUBMIT)) {
                String referenceId = "fuzz-" + call;
                referenceIds.put(call, referenceId);
                @SuppressWarnings("unchecked") Map<String, Object> submit = (Map<String, Object>) map;
                submit.put("referenceId", referenceId);
            }
            byte[] bytes = body == null ? null : write(body).getBytes(StandardCharsets.UTF_8);
            if (bytes != null) {
                headers.put("Content-Type", "application/json");
            }
            int mutations = random.nextInt(4);
            for (int i = 0; i < mutations; i++) {
                switch (random.nextInt(6)) {
                    case 0 -> headers.put("Accept", pick(ACCEPTS));
                    case 1 -> headers.put("Content-Type", pick(CONTENT_TYPES));
                    case 2 -> headers.put(pick(FORWARDED), pick(ODD_TEXT));
                    case 3 -> query.add(oddParameter(endpoint));
                    case 4 -> bytes = oddBody(body, bytes);
                    default -> query.add(new String[]{pick(concat(endpoint.parameters(), "page", "from")),
                            pick(List.of("%zz", "%00", "%C3%A9", "a%2Fb", "%E2%80%8B", "+", "%", "x%20y"))});
                }
            }
            headers.values().removeIf(String::isEmpty);
            return new Call(endpoint.method(), endpoint.user(), path, query, headers, bytes);
        }

        private String id() {
            return switch (random.nextInt(5)) {
                case 0, 1, 2 -> pick(ids);
                case 3 -> "00000000-0000-0000-0000-000000000000";
                default -> pick(List.of("CI_EMAIL_AUTO_APPROVE", "auto-approval-policy-0", "x", "%C3%A9", "..",
                        "a;b", "1", "%20"));
            };
        }

        private String valueFor(String parameter) {
            return switch (parameter) {
                case "from", "to", "asOf", "start_date", "end_date" -> pick(DATES);
                case "start_id", "end_id" -> pick(List.of("1", "0", "-3", "99999999999999999999", "x", "2"));
                case "limit" -> pick(List.of("1", "10", "50", "51", "0", "-1", "x", "1000"));
                case "base_type" -> pick(List.of("EMAIL", "POINTS", "RETRO", "MERGE", "nope", ""));
                case "format" -> pick(List.of("json", "xml", ""));
                case "is_one_step_change", "mobile" -> pick(List.of("true", "919591399244", "", "\u00e9"));
                case "page", "size" -> pick(List.of("0", "1", "20", "200", "201", "-1", "1e3", "9999999999", "x", ""));
                case "sort" -> pick(List.of("createdAt", "createdAt,desc", "at,asc", "updateTime,DESC", "x", ",",
                        "createdAt,desc,x", "$natural"));
                case "state" -> pick(STATES);
                case "requestType" -> pick(TYPES);
                case "requesterId", "checkerId", "actorId" -> pick(List.of("1001", "system", "-5", "1.5",
                        "99999999999999999999", "{\"$ne\":1}", ""));
                case "groupBy" -> pick(List.of("day", "requestType", "day,requestType", "x", "day,day"));
                case "status" -> pick(List.of("PENDING", "PARKED", "delivered", "x"));
                case "approvalType" -> pick(List.of("CLIENT", "config", "x"));
                case "client_auto_approve" -> pick(List.of("true", "false", "1", "yes", ""));
                default -> pick(ODD_TEXT);
            };
        }

        /** A parameter name a listing does not expect: bracketed, operator-like, unprintable, or far too long. */
        private String[] oddParameter(Endpoint endpoint) {
            String known = endpoint.parameters().isEmpty() ? "page" : pick(endpoint.parameters());
            String name = pick(List.of(known + "[$ne]", known + "[0]", known + ".x", "sort[0]", "$where",
                    "%01a", "a%7Fb", "%C3%A9", "n".repeat(500), known + "%00", "_", "[]"));
            return new String[]{name.startsWith("%") || name.contains("%") ? name : encode(name),
                    encode(valueFor(known))};
        }

        /** The body changed: broken, retyped somewhere, oddly encoded, form-encoded or gone. */
        private byte[] oddBody(Object body, byte[] bytes) {
            String text = body == null ? "{}" : write(body);
            return switch (random.nextInt(7)) {
                case 0 -> text.substring(0, random.nextInt(Math.max(1, text.length()))).getBytes(StandardCharsets.UTF_8);
                case 1 -> write(mutateJson(body)).getBytes(StandardCharsets.UTF_8);
                case 2 -> text.getBytes(StandardCharsets.UTF_16);
                case 3 -> text.replace("\"", "\u00ab").getBytes(StandardCharsets.ISO_8859_1);
                case 4 -> ("a\u0001b=1&comment=" + "x".repeat(random.nextInt(3000))).getBytes(StandardCharsets.UTF_8);
                case 5 -> null;
                default -> pick(List.of("null", "[]", "\"text\"", "{\"a\":\"\\ud800\"}", "{\"requestType\":1e999}",
                        "{\"comment\":\"" + "\u202e\u0000".repeat(50) + "\"}", "\u0000", "{\"enabled\":\"yes\"}"))
                        .getBytes(StandardCharsets.UTF_8);
            };
        }

        /** One value somewhere in the body replaced by one of another type, or an odd or long text. */
        private Object mutateJson(Object body) {
            JsonNode tree = JSON.valueToTree(body == null ? Map.of() : body);
            List<JsonNode> objects = new ArrayList<>();
            collect(tree, objects);
            if (objects.isEmpty()) {
                return tree;
            }
            ObjectNode target = (ObjectNode) pick(objects);
            List<String> fields = new ArrayList<>();
            target.fieldNames().forEachRemaining(fields::add);
            String field = fields.isEmpty() ? "x" : pick(fields);
            Function<String, JsonNode> text = JSON.getNodeFactory()::textNode;
            JsonNode replacement = switch (random.nextInt(8)) {
                case 0 -> JSON.getNodeFactory().numberNode(random.nextLong());
                case 1 -> JSON.getNodeFactory().numberNode(-1.5e300);
                case 2 -> text.apply("\ud83d\ude00\u202e\u0000" + "\u00e9".repeat(random.nextInt(50)));
                case 3 -> text.apply("x".repeat(3000 + random.nextInt(3000)));
                case 4 -> JSON.getNodeFactory().arrayNode().add(1).add("a");
                case 5 -> JSON.getNodeFactory().nullNode();
                case 6 -> JSON.getNodeFactory().booleanNode(true);
                default -> JSON.getNodeFactory().objectNode().put("$ne", 1);
            };
            if (random.nextInt(4) == 0) {
                target.remove(field);
            } else {
                target.set(field, replacement);
            }
            return tree;
        }

        private static void collect(JsonNode node, List<JsonNode> objects) {
            if (node.isObject()) {
                objects.add(node);
            }
            node.elements().forEachRemaining(child -> collect(child, objects));
        }

        private Map<String, Object> submitBody() {
            return switch (random.nextInt(5)) {
                case 0 -> Payloads.pointsRedemption();
                case 1 -> Payloads.customerStatusChange("CUSTOMER_STATUS_CHANGE");
                case 2 -> Payloads.emailChange();
                case 3 -> Payloads.issueBadge();
                default -> Payloads.earnBadge();
            };
        }

        /** A member-care batch: valid items, some changed, sometimes too many. */
        private Map<String, Object> memberCareItems() {
            List<Object> items = new ArrayList<>();
            int count = random.nextInt(12) == 0 ? 11 : 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("reference_id", "mc-" + UUID.randomUUID());
                item.put("type", pick(List.of("CHANGE_IDENTIFIER", "GOODWILL", "TRANSACTION_UPDATE", "NOPE")));
                item.put("base_type", pick(List.of("EMAIL", "POINTS", "COUPONS", "RETRO", "MERGE", "X")));
                item.put(pick(List.of("mobile", "email", "external_id", "id")), "9195" + random.nextInt(100_000));
                item.put("new_value", pick(List.of("a@example.com", "", "\u00e9")));
                item.put("points", pick(List.of(10, "20", -1, "x")));
                item.put("series_id", pick(List.of(7, "abc")));
                item.put("transaction_id", "t-1");
                item.put("new_type", "REGULAR");
                item.put("requested_on", pick(List.of("2024-02-03 10:15:30", "2999-01-01 00:00:00", "x")));
                items.add(random.nextInt(10) == 0 ? pick(List.of("text", 5, List.of())) : item);
            }
            return Map.of("root", Map.of("request", random.nextInt(15) == 0 ? items.get(0) : items));
        }

        private Map<String, Object> memberCareDecisions() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", pick(List.of(1, 2, 3, "x", -1, 99_999_999)));
            item.put("updated_comments", "fuzzed");
            if (random.nextBoolean()) {
                item.put(pick(List.of("points", "series_id", "new_value")), pick(List.of(5, "b@example.com", "x")));
            }
            return Map.of("root", Map.of("request", List.of(item)));
        }

        private Object decision() {
            return random.nextBoolean() ? null : Map.of("comment", "fuzzed decision");
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private static List<String> concat(List<String> first, String... more) {
            List<String> all = new ArrayList<>(first);
            all.addAll(List.of(more));
            return all;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
