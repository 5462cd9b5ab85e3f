import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.requestworkflows.embedded.EmbeddedViewStore;
import org.bson.Document;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Load generator and report of the Request Workflows benchmark (see bench/README.md). Run by bench/run.sh with the
 * JDK source launcher, the store drivers on the class path; the service is already running at --base-url.
 *
 * <p>Order: raw store ceilings first (the service idles meanwhile), then per stage (a stored-request count): seed
 * up to the stage, measured submits, their decisions, view-lag samples and queries; finally a replay of all views.
 */
public class Bench {

    // ---------------------------------------------------------------- configuration

    /** Command-line options (--name value); run.sh sets them from its flags. */
    static final class Config {
        String baseUrl;
        long servicePid;
        String store = "h2";                       // the service's event store: h2 | postgres
        String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test";
        String pgUser = "postgres";
        Path scratchDir;                           // where the raw H2 and mongo-java-server files go
        Path resultsDir = Path.of("bench/results");
        String mode = "quick";
        List<Integer> stages = List.of(10_000);    // stored-request counts at which submits/queries are measured
        int ops = 2_000;                           // measured submits (and decisions) per stage
        int clients = 16;                          // concurrent clients of the measured phases
        int seedClients = 16;                      // concurrency of the seeding submits (more only adds queueing on 2 cores)
        int queries = 2_000;                       // measured queries per query kind and stage
        int lagSamples = 200;
        int rawSeconds = 5;                        // duration of each raw-store measurement
        String serviceLog = "";
        Path dataDir;                              // the service's data directory (its store files are sized at the end)
        int importAbove;                           // stages above this are seeded by importing events (0: never)
        String eventStoreUrl;                      // JDBC URL of the service's event store, open beside the service
        String eventStoreUser = "sa";

        static Config parse(String[] args) {
            Config c = new Config();
            for (int i = 0; i < args.length; i += 2) {
                String v = args[i + 1];
                switch (args[i]) {
                    case "--base-url" -> c.baseUrl = v;
                    case "--service-pid" -> c.servicePid = Long.parseLong(v);
                    case "--store" -> c.store = v;
                    case "--pg-url" -> c.pgUrl = v;
                    case "--scratch-dir" -> c.scratchDir = Path.of(v);
                    case "--results-dir" -> c.resultsDir = Path.of(v);
                    case "--mode" -> c.mode = v;
                    case "--stages" -> c.stages = Arrays.stream(v.split(",")).map(Integer::valueOf).toList();
                    case "--ops" -> c.ops = Integer.parseInt(v);
                    case "--clients" -> c.clients = Integer.parseInt(v);
                    case "--seed-clients" -> c.seedClients = Integer.parseInt(v);
                    case "--queries" -> c.queries = Integer.parseInt(v);
                    case "--lag-samples" -> c.lagSamples = Integer.parseInt(v);
                    case "--raw-seconds" -> c.rawSeconds = Integer.parseInt(v);
                    case "--service-log" -> c.serviceLog = v;
                    case "--data-dir" -> c.dataDir = Path.of(v);
                    case "--import-above" -> c.importAbove = Integer.parseInt(v);
                    case "--event-store-url" -> c.eventStoreUrl = v;
                    case "--event-store-user" -> c.eventStoreUser = v;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return c;
        }
    }

    // ---------------------------------------------------------------- HTTP client side

    record Reply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The service's demo users; every password equals the user name. */
    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    static final class Api {
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final String baseUrl;

        Api(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        Reply get(String path, String user) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), user);
        }

        Reply post(String path, String user, String json) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)), user);
        }

        private Reply send(HttpRequest.Builder request, String user) throws Exception {
            HttpResponse<String> response = http.send(
                    request.header("Authorization", basic(user)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        }
    }

    /** The string value of {@code "name":"..."} in a JSON text, by plain search (enough for the service's answers). */
    static String jsonString(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        return json.substring(start, json.indexOf('"', start));
    }

    static String jsonNumber(String json, String name) {
        String key = "\"" + name + "\":";
        int start = json.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        int end = start;
        while (end < json.length() && "-0123456789.".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        return json.substring(start, end);
    }

    // ---------------------------------------------------------------- measured phases

    /** One operation of a phase: index i; true when it got the answer it should. */
    interface Op {
        boolean run(int i) throws Exception;
    }

    /** Outcome of a phase: wall time, per-operation latencies (ns) and errors. */
    static final class Phase {
        final String name;
        final int clients;
        final long[] latencies;
        final AtomicInteger errors = new AtomicInteger();
        final List<String> errorSamples = new ArrayList<>();
        /** Requests each operation carries (a member-care batch carries several). */
        int itemsPerOp = 1;
        double seconds;

        Phase(String name, int count, int clients) {
            this.name = name;
            this.clients = clients;
            this.latencies = new long[count];
        }

        void error(String what) {
            errors.incrementAndGet();
            note(what);
        }

        /** Keeps the first few error descriptions for the log, without counting. */
        void note(String what) {
            synchronized (errorSamples) {
                if (errorSamples.size() < 5) {
                    errorSamples.add(what);
                }
            }
        }

        double opsPerSecond() {
            return latencies.length / seconds;
        }

        /** Nearest-rank percentile in milliseconds. */
        double percentileMs(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(rank, 1) - 1] / 1e6;
        }
    }

    /** Runs count operations from a fixed pool of clients threads, each taking the next index until none is left. */
    Phase runPhase(String name, int count, int clients, Op op) throws InterruptedException {
        Phase phase = new Phase(name, count, clients);
        current[0] = phase;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try {
                        if (!op.run(i)) {
                            phase.error(name + " #" + i + ": unexpected answer");
                        }
                    } catch (Exception e) {
                        phase.error(name + " #" + i + ": " + e);
                    }
                    phase.latencies[i] = System.nanoTime() - t0;
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        phase.seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "  %-22s %7d ops  %6.1f s  %8.1f ops/s  p99 %7.1f ms  errors %d%n",
                name, count, phase.seconds, phase.opsPerSecond(), phase.percentileMs(99), phase.errors.get());
        phase.errorSamples.forEach(e -> System.err.println("    error: " + e));
        return phase;
    }

    // ---------------------------------------------------------------- the workload

    private final Config config;
    private final Api api;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong submitted = new AtomicLong();   // requests stored so far (every successful submit)
    private final List<Phase> phases = new ArrayList<>();
    private final Map<String, Phase> lastPhaseByOp = new LinkedHashMap<>();
    private final Map<Integer, Phase> lagByStage = new LinkedHashMap<>();
    private final Map<Integer, List<Phase>> phasesByStage = new LinkedHashMap<>();
    private final Map<Integer, Map<String, Object>> importsByStage = new LinkedHashMap<>();

    Bench(Config config) {
        this.config = config;
        this.api = new Api(config.baseUrl);
    }

    /** A points redemption as a maker sends it, with a unique referenceId (so the reference-id claim is exercised). */
    private String submitBody(long n) {
        return """
                {"requestType": "POINTS_REDEMPTION", "referenceId": "BENCH-%s-%d", "reason": "benchmark",
                 "requestAttributes": {"queryParams": {"skip_validation": "true", "format": "json"},
                   "body": {"root": {"redeem": {"points_redeemed": "%d",
                     "customer": {"mobile": "98777%05d"}, "transaction_number": "numbr%012d"}}}}}"""
                .formatted(runId, n, 100 + n % 900, n % 100_000, n);
    }

    /** Submits as maker1 or maker2 (alternating); the requestId, or null (noted; the caller counts the error). */
    private String lastCreatedAt; // createdAt (epoch ms) of the last successful submit of the view-lag loop

    private String submit(Phase phase, long n) throws Exception {
        Reply reply = api.post("/api/v1/requests", n % 2 == 0 ? "maker1" : "maker2", submitBody(n));
        if (reply.status() != 201) {
            phase.note("submit: HTTP " + reply.status() + " " + abbreviate(reply.body()));
            return null;
        }
        submitted.incrementAndGet();
        lastCreatedAt = jsonNumber(reply.body(), "createdAt");
        return jsonString(reply.body(), "requestId");
    }

    static final int MEMBER_CARE_BATCH = 10;

    /** A member-care request/add of {@link #MEMBER_CARE_BATCH} goodwill requests; true when all were stored. */
    private boolean addBatch(Phase phase, long first) throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < MEMBER_CARE_BATCH; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"reference_id": "BATCH-%s-%d", "type": "GOODWILL", "base_type": "POINTS",
                     "external_id": "ext-%d", "points": %d, "reason": "benchmark", "comments": "%s"}"""
                    .formatted(runId, first + i, first + i, 10 + (first + i) % 90, "c".repeat(300)));
        }
        Reply reply = api.post("/v1.1/request/add?format=json", "maker1",
                "{\"root\": {\"request\": [" + items + "]}}");
        if (reply.status() != 200 || !"200".equals(jsonNumber(reply.body(), "code"))) {
            phase.note("request/add: HTTP " + reply.status() + " " + abbreviate(reply.body()));
            return false;
        }
        submitted.addAndGet(MEMBER_CARE_BATCH);
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    void runStage(int stage) throws Exception {
        System.err.println("Stage " + stage + " stored requests:");
        // Seeding: the same submit path with higher concurrency, up to where the measured submits start.
        // Less what the measured phases store: the submits, the batches of request/add and the view-lag submits.
        long seed = stage - submitted.get() - 2L * config.ops - config.lagSamples;
        if (seed > 0 && config.importAbove > 0 && stage > config.importAbove) {
            importsByStage.put(stage, importSubmitted(seed));
        } else if (seed > 0) {
            long offset = submitted.get();
            record(stage, runPhase("seed-submit", (int) seed, config.seedClients,
                    i -> submit(lastPhase(), offset + i) != null), "seed-submit");
        }

        // Measured submits from C clients, then every one of them decided: even approved by checker1, odd rejected
        // by checker2 (a checker never decides its own, and these are makers' requests).
        String[] ids = new String[config.ops];
        long offset = submitted.get();
        record(stage, runPhase("submit", config.ops, config.clients,
                i -> (ids[i] = submit(lastPhase(), offset + i)) != null), "submit");
        // The member-care API's request/add in batches of 10, beside the single submit.
        long batchOffset = submitted.get();
        Phase batches = runPhase("add-batch", Math.max(1, config.ops / MEMBER_CARE_BATCH), config.clients,
                i -> addBatch(lastPhase(), batchOffset + (long) i * MEMBER_CARE_BATCH));
        batches.itemsPerOp = MEMBER_CARE_BATCH;
        record(stage, batches, "add-batch");
        int approvals = (config.ops + 1) / 2;
        record(stage, runPhase("approve", approvals, config.clients, i -> decide(ids[2 * i], true)), "approve");
        record(stage, runPhase("reject", config.ops / 2, config.clients, i -> decide(ids[2 * i + 1], false)), "reject");

        lagByStage.put(stage, measureViewLag(stage));

        // Queries from C clients: the checkers' inbox and two searches (the auditor reads, as any role may).
        record(stage, runPhase("inbox", config.queries, config.clients,
                i -> api.get("/api/v1/tasks?size=20", i % 2 == 0 ? "checker1" : "checker2").ok()), "inbox");
        record(stage, runPhase("search-approved", config.queries, config.clients,
                i -> api.get("/api/v1/requests?state=approved&size=20", "auditor1").ok()), "search-approved");
        record(stage, runPhase("search-requester", config.queries, config.clients,
                i -> api.get("/api/v1/requests?requesterId=1001", "auditor1").ok()), "search-requester");
    }

    /** The phase runPhase is filling right now (phases run one at a time); submit() counts its errors there. */
    private final Phase[] current = new Phase[1];

    private Phase lastPhase() {
        return current[0];
    }

    private Phase record(int stage, Phase phase, String op) {
        phases.add(phase);
        lastPhaseByOp.put(op, phase);
        phasesByStage.computeIfAbsent(stage, k -> new ArrayList<>()).add(phase);
        return phase;
    }

    private boolean decide(String requestId, boolean approve) throws Exception {
        if (requestId == null) {
            return false; // its submit already failed and was counted
        }
        Reply r = approve
                ? api.post("/api/v1/requests/" + requestId + "/approve", "checker1", "{\"comment\": \"looks right\"}")
                : api.post("/api/v1/requests/" + requestId + "/reject", "checker2", "{\"comment\": \"not eligible\"}");
        return r.ok();
    }

    /**
     * View lag: one submit at a time, then the inbox (newest first, from the request's createdAt on, so the poll
     * stays cheap however many tasks are pending) polled every 2 ms until the request is in it.
     * The lag is from the 201 to the answer of the first poll that shows it, so it includes one inbox query: an
     * upper bound.
     */
    private Phase measureViewLag(int stage) throws Exception {
        Phase lag = new Phase("view-lag", config.lagSamples, 1);
        current[0] = lag;
        long start = System.nanoTime();
        long offset = submitted.get() + 3_000_000_000L;
        for (int i = 0; i < config.lagSamples; i++) {
            String id = submit(lag, offset + i);
            long acknowledged = System.nanoTime();
            String createdAt = lastCreatedAt;
            if (id == null) {
                lag.error("view lag: submit failed");
                continue;
            }
            while (true) {
                Reply r = api.get("/api/v1/tasks?size=20&sort=createdAt,desc&from=" + createdAt, "checker1");
                long now = System.nanoTime();
                if (!r.ok()) {
                    lag.error("inbox poll: HTTP " + r.status());
                }
                if (r.body().contains(id)) {
                    lag.latencies[i] = now - acknowledged;
                    break;
                }
                if (now - acknowledged > 10_000_000_000L) {
                    lag.error("view lag: " + id + " not in the inbox after 10 s");
                    lag.latencies[i] = now - acknowledged;
                    break;
                }
                Thread.sleep(2);
            }
        }
        lag.seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "  %-22s %7d samples       p50 %6.1f ms  p99 %7.1f ms  errors %d%n", "view-lag",
                config.lagSamples, lag.percentileMs(50), lag.percentileMs(99), lag.errors.get());
        return lag;
    }

    // ---------------------------------------------------------------- seeding by import (the 1M stage)

    /**
     * Seeds {@code count} pending requests without HTTP (a million submits at this machine's rate would take hours):
     * copies of the last submitted event, each with a new request id, event id, referenceId and request number, and
     * its reference-id claim and number, written straight into the running service's event store in batches. The service's
     * processors then build every view from these events as from any others; the stage starts once every
     * processor's token has passed the last of them. Answers the import's and the catch-up's figures.
     */
    private Map<String, Object> importSubmitted(long count) throws Exception {
        System.err.printf(Locale.ROOT, "  seed-import: %d submitted events into the event store%n", count);
        long start = System.nanoTime();
        long lastIndex;
        try (Connection c = connect(config.eventStoreUrl, config.eventStoreUser)) {
            c.setAutoCommit(false);
            SubmittedEvent template = lastSubmitted(c);
            try (PreparedStatement event = c.prepareStatement("INSERT INTO domain_event_entry (aggregate_identifier, "
                    + "sequence_number, type, event_identifier, meta_data, payload, payload_revision, payload_type, "
                    + "time_stamp) VALUES (?, 0, 'Request', ?, ?, ?, ?, ?, ?)");
                 PreparedStatement claim = c.prepareStatement(
                         "INSERT INTO request_reference_id (org_id, reference_id, request_id) VALUES (?, ?, ?)");
                 PreparedStatement numbered = c.prepareStatement(
                         "INSERT INTO request_number (request_number, org_id, request_id) VALUES (?, ?, ?)")) {
                long firstNumber = nextRequestNumber(c);
                for (long i = 0; i < count; i++) {
                    String requestId = UUID.randomUUID().toString();
                    String newReference = "IMPORT-" + runId + "-" + i;
                    event.setString(1, requestId);
                    event.setString(2, UUID.randomUUID().toString());
                    event.setBytes(3, template.metaData());
                    event.setBytes(4, template.payload().replace(template.requestId(), requestId)
                            .replace("\"" + template.referenceId() + "\"", "\"" + newReference + "\"")
                            .replaceFirst("\"requestNumber\":\\d+", "\"requestNumber\":" + (firstNumber + i))
                            .getBytes(StandardCharsets.UTF_8));
                    event.setString(5, template.payloadRevision());
                    event.setString(6, template.payloadType());
                    event.setString(7, Instant.now().toString());
                    event.addBatch();
                    claim.setLong(1, template.orgId());
                    claim.setString(2, newReference);
                    claim.setString(3, requestId);
                    claim.addBatch();
                    numbered.setLong(1, firstNumber + i);
                    numbered.setLong(2, template.orgId());
                    numbered.setString(3, requestId);
                    numbered.addBatch();
                    if ((i + 1) % 1_000 == 0 || i + 1 == count) {
                        event.executeBatch();
                        claim.executeBatch();
                        numbered.executeBatch();
                        c.commit();
                    }
                    if ((i + 1) % 100_000 == 0) {
                        System.err.printf(Locale.ROOT, "    %d imported%n", i + 1);
                    }
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet max = s.executeQuery("SELECT MAX(global_index) FROM domain_event_entry")) {
                max.next();
                lastIndex = max.getLong(1);
            }
            try (Statement s = c.createStatement()) {
                // Numbers given here by hand: the service's next submission must get the one after them.
                s.execute("ALTER TABLE request_number ALTER COLUMN request_number RESTART WITH "
                        + nextRequestNumber(c));
            }
            c.commit();
            submitted.addAndGet(count);
            double importSeconds = (System.nanoTime() - start) / 1e9;
            System.err.printf(Locale.ROOT, "    imported in %.1f s; waiting for every processor to pass position %d%n",
                    importSeconds, lastIndex);
            long behind = awaitProcessors(c, lastIndex);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("requests", count);
            out.put("importSeconds", round(importSeconds));
            out.put("caughtUpSeconds", round(seconds));
            out.put("processorEventsPerSecond", round(count / seconds));
            if (behind > 0) {
                seedImportErrors++;
                out.put("error", "processors still " + behind + " events behind after 2 hours");
            }
            System.err.printf(Locale.ROOT, "    views caught up %.1f s after the import started: %.0f events/s%n",
                    seconds, count / seconds);
            return out;
        }
    }

    private static long nextRequestNumber(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet max = s.executeQuery("SELECT COALESCE(MAX(request_number), 0) + 1 FROM request_number")) {
            max.next();
            return max.getLong(1);
        }
    }

    /** The stored submission that imported ones copy; the payload is JSON text. */
    record SubmittedEvent(String requestId, String payload, byte[] metaData, String payloadType,
                          String payloadRevision, long orgId) {
        String referenceId() {
            return jsonString(payload, "referenceId");
        }
    }

    private static SubmittedEvent lastSubmitted(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet last = s.executeQuery(
                "SELECT e.aggregate_identifier, e.payload, e.meta_data, e.payload_type, e.payload_revision, "
                        + "r.org_id FROM domain_event_entry e JOIN request_reference_id r "
                        + "ON r.request_id = e.aggregate_identifier WHERE e.sequence_number = 0 "
                        + "ORDER BY e.global_index DESC LIMIT 1")) {
            if (!last.next()) {
                throw new IllegalStateException("no submitted request to copy in the event store");
            }
            return new SubmittedEvent(last.getString(1), new String(last.getBytes(2), StandardCharsets.UTF_8),
                    last.getBytes(3), last.getString(4), last.getString(5), last.getLong(6));
        }
    }

    /**
     * Waits until every processor's token (the service keeps them in the event store) is at {@code position} or
     * beyond, showing progress; answers how far the slowest is still behind (0: caught up).
     */
    private long awaitProcessors(Connection c, long position) throws Exception {
        Pattern index = Pattern.compile("\"index\":(\\d+)");
        long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(2);
        long lastReport = System.nanoTime();
        while (true) {
            long slowest = Long.MAX_VALUE;
            try (Statement s = c.createStatement();
                 ResultSet tokens = s.executeQuery("SELECT token FROM token_entry")) {
                while (tokens.next()) {
                    byte[] token = tokens.getBytes(1);
                    long reached = 0;
                    if (token != null) {
                        Matcher m = index.matcher(new String(token, StandardCharsets.UTF_8));
                        while (m.find()) {
                            reached = Math.max(reached, Long.parseLong(m.group(1)));
                        }
                    }
                    slowest = Math.min(slowest, reached);
                }
            }
            c.commit();
            long behind = Math.max(position - slowest, 0);
            if (behind == 0 || System.nanoTime() > deadline) {
                return behind;
            }
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                System.err.printf(Locale.ROOT, "    slowest processor %d events behind%n", behind);
                lastReport = System.nanoTime();
            }
            Thread.sleep(1_000);
        }
    }

    private int seedImportErrors;

    /** Replay of every view: eventsDone / seconds (client wall clock, start to COMPLETED). */
    private Map<String, Object> measureReplay() throws Exception {
        System.err.println("Replay of all views:");
        Map<String, Object> out = new LinkedHashMap<>();
        long start = System.nanoTime();
        Reply started = api.post("/api/v1/admin/replays", "admin", "{\"projection\": \"all\"}");
        if (started.status() != 202) {
            replayErrors++;
            out.put("error", "HTTP " + started.status() + " " + abbreviate(started.body()));
            return out;
        }
        String id = jsonString(started.body(), "id");
        Reply progress;
        String status;
        do {
            Thread.sleep(200);
            progress = api.get("/api/v1/admin/replays/" + id, "admin");
            status = jsonString(progress.body(), "status");
        } while (progress.ok() && !"COMPLETED".equals(status) && !"FAILED".equals(status)
                && System.nanoTime() - start < TimeUnit.HOURS.toNanos(2));
        double seconds = (System.nanoTime() - start) / 1e9;
        long events = Long.parseLong(jsonNumber(progress.body(), "eventsDone"));
        if (!"COMPLETED".equals(status)) {
            replayErrors++;
        }
        out.put("status", status);
        out.put("eventsDone", events);
        out.put("seconds", round(seconds));
        out.put("eventsPerSecond", round(events / seconds));
        out.put("serverEventsPerSecond", Long.parseLong(jsonNumber(progress.body(), "eventsPerSecond")));
        System.err.printf(Locale.ROOT, "  %s: %d events in %.1f s = %.0f events/s%n", status, events, seconds,
                events / seconds);
        return out;
    }

    private int replayErrors;

    // ---------------------------------------------------------------- raw store ceilings

    /** A payload like a serialized event: about 460 bytes. */
    static final byte[] EVENT_PAYLOAD = ("{\"requestId\":\"" + UUID.randomUUID() + "\",\"orgId\":0,\"requestType\":"
            + "\"POINTS_REDEMPTION\",\"baseType\":null,\"referenceId\":\"ACR-58392150333121\",\"requesterId\":1001,"
            + "\"reason\":\"benchmark\",\"requestAttributes\":\"{\\\"queryParams\\\":{\\\"skip_validation\\\":"
            + "\\\"true\\\",\\\"format\\\":\\\"json\\\"},\\\"body\\\":{\\\"root\\\":{\\\"redeem\\\":{"
            + "\\\"points_redeemed\\\":\\\"100\\\",\\\"customer\\\":{\\\"mobile\\\":\\\"9877792149\\\"},"
            + "\\\"transaction_number\\\":\\\"numbr893421972122280\\\"}}}}\",\"createdAt\":1795378106668,"
            + "\"apiRequestId\":\"" + UUID.randomUUID() + "\",\"pad\":\"" + "x".repeat(40) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    /**
     * Raw appends into a scratch table shaped like Axon's domain_event_entry, from one thread: one row per
     * transaction (autocommit), then batches of 100 rows per transaction. Rows/s of each.
     */
    Map<String, Object> rawEventAppends(String url, String user, String blobType, String identity) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Connection c = connect(url, user)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE raw_event_entry (global_index BIGINT " + identity + " PRIMARY KEY, "
                        + "aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, "
                        + "type VARCHAR(255), event_identifier VARCHAR(255) NOT NULL, meta_data " + blobType + ", "
                        + "payload " + blobType + " NOT NULL, payload_revision VARCHAR(255), "
                        + "payload_type VARCHAR(255) NOT NULL, time_stamp VARCHAR(255) NOT NULL, "
                        + "CONSTRAINT raw_event_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number), "
                        + "CONSTRAINT raw_event_identifier UNIQUE (event_identifier))");
            }
            String insert = "INSERT INTO raw_event_entry (aggregate_identifier, sequence_number, type, "
                    + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                    + "VALUES (?, 0, 'Request', ?, ?, ?, '1', 'com.requestworkflows.RequestSubmittedEvent', ?)";
            byte[] metaData = "{\"traceId\":\"x\",\"correlationId\":\"y\"}".getBytes(StandardCharsets.UTF_8);
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                RawAppender appender = new RawAppender(c, ps, metaData);
                for (int batch : new int[] {1, 100}) {
                    double rate = appender.appendFor(batch);
                    out.put(batch == 1 ? "singleRowPerTxRowsPerSecond" : "batch100RowsPerSecond", round(rate));
                    System.err.printf(Locale.ROOT, "  raw event append, %3d row(s)/tx: %9.0f rows/s%n", batch, rate);
                }
                // The service appends into a table that holds every stored event, and appends slow down as a
                // table and its random-key unique indexes grow: the same single-row appends into a table as full.
                int full = Math.min(config.stages.get(config.stages.size() - 1), RAW_FULL_TABLE_ROWS);
                if (appender.rows < full) {
                    System.err.printf(Locale.ROOT, "  filling the raw table to %d rows...%n", full);
                    appender.fillTo(full);
                }
                long rowsBefore = appender.rows;
                double rate = appender.appendFor(1);
                out.put("singleRowPerTxInFullTable", Map.of("rowsBefore", rowsBefore, "rowsPerSecond", round(rate)));
                System.err.printf(Locale.ROOT, "  raw event append,   1 row/tx, %d rows before: %9.0f rows/s%n",
                        rowsBefore, rate);
            }
        }
        return out;
    }

    /** Rows of the raw table before its last single-row appends, at most (larger stages compare with this many). */
    static final int RAW_FULL_TABLE_ROWS = 100_000;

    /** Appends rows shaped like the service's events into the raw table, counting them. */
    final class RawAppender {
        private final Connection connection;
        private final PreparedStatement insert;
        private final byte[] metaData;
        long rows;

        RawAppender(Connection connection, PreparedStatement insert, byte[] metaData) {
            this.connection = connection;
            this.insert = insert;
            this.metaData = metaData;
        }

        /** Appends {@code batch} rows per transaction for the configured seconds; answers rows/s. */
        double appendFor(int batch) throws SQLException {
            long before = rows;
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(config.rawSeconds);
            while (System.nanoTime() < end) {
                append(batch);
            }
            return (rows - before) / ((System.nanoTime() - start) / 1e9);
        }

        /** Appends in batches, unmeasured, until the table holds {@code total} rows. */
        void fillTo(long total) throws SQLException {
            while (rows < total) {
                append((int) Math.min(1_000, total - rows));
            }
        }

        private void append(int batch) throws SQLException {
            if (connection.getAutoCommit() != (batch == 1)) {
                connection.setAutoCommit(batch == 1);
            }
            for (int i = 0; i < batch; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setBytes(3, metaData);
                insert.setBytes(4, EVENT_PAYLOAD);
                insert.setString(5, Instant.now().toString());
                if (batch == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (batch > 1) {
                insert.executeBatch();
                connection.commit();
            }
            rows += batch;
        }
    }

    /** Raw document inserts into the service's own embedded view store, on a scratch file. */
    Map<String, Object> rawDocumentInserts() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (EmbeddedViewStore store = new EmbeddedViewStore(config.scratchDir.resolve("raw-views.mv.db"));
             MongoClient client = MongoClients.create(store.connectionString("bench"))) {
            MongoCollection<Document> docs = client.getDatabase("bench").getCollection("raw");
            String attributes = "a".repeat(800);
            for (int batch : new int[] {1, 100}) {
                long rows = 0;
                long start = System.nanoTime();
                long end = start + TimeUnit.SECONDS.toNanos(config.rawSeconds);
                while (System.nanoTime() < end) {
                    List<Document> many = new ArrayList<>(batch);
                    for (int i = 0; i < batch; i++) {
                        many.add(new Document("_id", UUID.randomUUID().toString()).append("orgId", 0)
                                .append("state", "AdminTask").append("requestType", "POINTS_REDEMPTION")
                                .append("requesterId", 1001).append("createdAt", System.currentTimeMillis())
                                .append("requestAttributes", attributes));
                    }
                    if (batch == 1) {
                        docs.insertOne(many.get(0));
                    } else {
                        docs.insertMany(many);
                    }
                    rows += batch;
                }
                double rate = rows / ((System.nanoTime() - start) / 1e9);
                out.put(batch == 1 ? "insertOneDocsPerSecond" : "insertMany100DocsPerSecond", round(rate));
                System.err.printf(Locale.ROOT, "  raw document insert, %3d doc(s)/call: %9.0f docs/s%n", batch, rate);
            }
        }
        return out;
    }

    Map<String, Object> measureCeilings() throws Exception {
        System.err.println("Raw store ceilings (" + config.rawSeconds + " s each, one thread):");
        Map<String, Object> out = new LinkedHashMap<>();
        if (config.store.equals("postgres")) {
            String schema = "bench_raw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            try (Connection c = connect(config.pgUrl, config.pgUser);
                 Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            try {
                out.put("eventStore", rawEventAppends(config.pgUrl + "?currentSchema=" + schema, config.pgUser,
                        "BYTEA", "GENERATED BY DEFAULT AS IDENTITY"));
            } finally {
                dropPgSchema(config.pgUrl, config.pgUser, schema);
            }
            out.put("eventStoreKind", "postgresql scratch schema");
        } else {
            String url = "jdbc:h2:file:" + config.scratchDir.resolve("raw-events").toAbsolutePath()
                    + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
            out.put("eventStore", rawEventAppends(url, "sa", "VARBINARY", "GENERATED BY DEFAULT AS IDENTITY"));
            out.put("eventStoreKind", "h2 scratch file database, WRITE_DELAY=0");
        }
        out.put("viewStore", rawDocumentInserts());
        out.put("viewStoreKind", "the service's embedded view store (mongo-java-server 1.47 on an H2 file, indexes in "
                + "memory) on a scratch file, in the benchmark JVM");
        return out;
    }

    // ---------------------------------------------------------------- report

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static Map<String, Object> phaseJson(Phase p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", p.latencies.length);
        m.put("clients", p.clients);
        m.put("seconds", round(p.seconds));
        m.put("opsPerSecond", round(p.opsPerSecond()));
        m.put("p50Ms", round(p.percentileMs(50)));
        m.put("p95Ms", round(p.percentileMs(95)));
        m.put("p99Ms", round(p.percentileMs(99)));
        m.put("maxMs", round(p.percentileMs(100)));
        m.put("errors", p.errors.get());
        if (p.itemsPerOp > 1) {
            m.put("itemsPerOp", p.itemsPerOp);
            m.put("itemsPerSecond", round(p.opsPerSecond() * p.itemsPerOp));
        }
        return m;
    }

    /** VmHWM (peak resident set) of the service's JVM, in MB. */
    private double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + config.servicePid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (Exception e) {
            System.err.println("  cannot read VmHWM of pid " + config.servicePid + ": " + e);
        }
        return -1;
    }

    /** Sizes of the service's store files (the embedded stores' files; empty with a server database), in MB. */
    private Map<String, Object> storeFilesMb() {
        Map<String, Object> sizes = new TreeMap<>();
        if (config.dataDir != null && Files.isDirectory(config.dataDir)) {
            try (Stream<Path> files = Files.list(config.dataDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    sizes.put(file.getFileName().toString(), round(Files.size(file) / 1048576.0));
                }
            } catch (IOException e) {
                System.err.println("  cannot size the files in " + config.dataDir + ": " + e);
            }
        }
        return sizes;
    }

    @SuppressWarnings("unchecked")
    private static double num(Map<String, Object> map, String... path) {
        Object v = map;
        for (String key : path) {
            v = ((Map<String, Object>) v).get(key);
        }
        return ((Number) v).doubleValue();
    }

    void run() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("timestamp", Instant.now().toString());
        result.put("mode", config.mode);
        result.put("eventStore", config.store);
        result.put("viewStore", "embedded mongo-java-server (H2 backend) inside the service");
        result.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version")));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("stages", config.stages);
        parameters.put("measuredOpsPerStage", config.ops);
        parameters.put("clients", config.clients);
        parameters.put("seedClients", config.seedClients);
        parameters.put("queriesPerKind", config.queries);
        parameters.put("lagSamples", config.lagSamples);
        parameters.put("rawSeconds", config.rawSeconds);
        result.put("parameters", parameters);

        Map<String, Object> ceilings = measureCeilings();
        result.put("ceilings", ceilings);

        List<Object> stages = new ArrayList<>();
        for (int stage : config.stages) {
            runStage(stage);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("storedRequests", submitted.get());
            Map<String, Object> ops = new LinkedHashMap<>();
            for (Phase p : phasesByStage.get(stage)) {
                ops.put(p.name, phaseJson(p));
            }
            if (importsByStage.containsKey(stage)) {
                s.put("seedImport", importsByStage.get(stage));
            }
            s.put("operations", ops);
            Phase lag = lagByStage.get(stage);
            s.put("viewLagMs", Map.of("samples", config.lagSamples, "p50", round(lag.percentileMs(50)),
                    "p95", round(lag.percentileMs(95)), "p99", round(lag.percentileMs(99)),
                    "max", round(lag.percentileMs(100)), "errors", lag.errors.get()));
            stages.add(s);
        }
        result.put("stages", stages);
        Map<String, Object> replay = measureReplay();
        result.put("replay", replay);

        int errors = replayErrors + seedImportErrors;
        for (Phase p : phases) {
            errors += p.errors.get();
        }
        for (Phase p : lagByStage.values()) {
            errors += p.errors.get();
        }
        result.put("errors", errors);
        result.put("servicePeakRssMb", peakRssMb());
        result.put("storeFilesMb", storeFilesMb());

        // Ratios of the service's figures to the raw ceilings of the same stores.
        Phase submit = lastPhaseByOp.get("submit");
        Phase approve = lastPhaseByOp.get("approve");
        double rawSingle = num(ceilings, "eventStore", "singleRowPerTxRowsPerSecond");
        double rawBatch = num(ceilings, "eventStore", "batch100RowsPerSecond");
        double rawDocs = num(ceilings, "viewStore", "insertOneDocsPerSecond");
        double rawDocsMany = num(ceilings, "viewStore", "insertMany100DocsPerSecond");
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("submitPerRawSingleRowAppend", round3(submit.opsPerSecond() / rawSingle));
        ratios.put("submitPerRawSingleRowAppendInFullTable", round3(submit.opsPerSecond()
                / num(ceilings, "eventStore", "singleRowPerTxInFullTable", "rowsPerSecond")));
        ratios.put("approvePerRawSingleRowAppend", round3(approve.opsPerSecond() / rawSingle));
        ratios.put("submitPerRawBatch100Append", round3(submit.opsPerSecond() / rawBatch));
        ratios.put("submitPerRawInsertOne", round3(submit.opsPerSecond() / rawDocs));
        boolean replayed = replay.containsKey("eventsPerSecond");
        if (replayed) {
            ratios.put("replayPerRawInsertMany", round3(num(replay, "eventsPerSecond") / rawDocsMany));
        }
        result.put("ratios", ratios);

        // The issue's targets, checked at the last stage measured (queries at 100k only in a full run).
        int lastStage = config.stages.get(config.stages.size() - 1);
        Phase lag = lagByStage.get(lastStage);
        List<Object> targets = new ArrayList<>();
        targets.add(target("submit throughput >= 0.5 x raw single-row append", ">= 0.5",
                submit.opsPerSecond() / rawSingle, submit.opsPerSecond() / rawSingle >= 0.5));
        targets.add(target("submit p99 < 50 ms at " + config.clients + " clients", "< 50 ms",
                submit.percentileMs(99), submit.percentileMs(99) < 50));
        targets.add(target("view lag p99 < 100 ms", "< 100 ms", lag.percentileMs(99), lag.percentileMs(99) < 100));
        for (String q : List.of("inbox", "search-approved", "search-requester")) {
            Phase p = lastPhaseByOp.get(q);
            targets.add(target(q + " p99 < 50 ms at " + lastStage + " stored", "< 50 ms", p.percentileMs(99),
                    p.percentileMs(99) < 50));
        }
        double replayRate = replayed ? num(replay, "eventsPerSecond") : 0;
        targets.add(target("replay >= 20k events/s", ">= 20000", replayRate, replayRate >= 20_000));
        targets.add(target("zero errors", "0", errors, errors == 0));
        result.put("targets", targets);

        printTable(result, ceilings, stages, replay, ratios, targets);

        Files.createDirectories(config.resultsDir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path file = config.resultsDir.resolve(stamp + "-" + config.mode + "-" + config.store + ".json");
        Files.writeString(file, toJson(result) + "\n");
        System.out.println("Results: " + file);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static Map<String, Object> target(String name, String goal, double measured, boolean pass) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", name);
        m.put("goal", goal);
        m.put("measured", measured < 10 ? round3(measured) : round(measured));
        m.put("pass", pass);
        return m;
    }

    @SuppressWarnings("unchecked")
    private void printTable(Map<String, Object> result, Map<String, Object> ceilings, List<Object> stages,
                            Map<String, Object> replay, Map<String, Object> ratios, List<Object> targets) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%nRequest Workflows benchmark: %s run, event store %s, views embedded "
                + "mongo-java-server, %s cores%n", config.mode, config.store, Runtime.getRuntime().availableProcessors()));
        t.append(String.format(Locale.ROOT, "%n%-10s %-17s %7s %4s %9s %8s %8s %8s %8s %6s%n", "stored", "operation",
                "count", "C", "ops/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"));
        for (Object o : stages) {
            Map<String, Object> s = (Map<String, Object>) o;
            if (s.containsKey("seedImport")) {
                t.append(String.format(Locale.ROOT, "%-10s seed-import (no HTTP): %s%n", s.get("storedRequests"),
                        s.get("seedImport")));
            }
            for (Map.Entry<String, Object> e : ((Map<String, Object>) s.get("operations")).entrySet()) {
                Map<String, Object> m = (Map<String, Object>) e.getValue();
                t.append(String.format(Locale.ROOT, "%-10s %-17s %7s %4s %9.1f %8.1f %8.1f %8.1f %8.1f %6s%s%n",
                        s.get("storedRequests"), e.getKey(), m.get("count"), m.get("clients"), m.get("opsPerSecond"),
                        m.get("p50Ms"), m.get("p95Ms"), m.get("p99Ms"), m.get("maxMs"), m.get("errors"),
                        m.containsKey("itemsPerSecond") ? "  (" + m.get("itemsPerSecond") + " requests/s)" : ""));
            }
            Map<String, Object> lag = (Map<String, Object>) s.get("viewLagMs");
            t.append(String.format(Locale.ROOT, "%-10s %-17s %7s %4s %9s %8.1f %8.1f %8.1f %8.1f %6s%n",
                    s.get("storedRequests"), "view-lag", lag.get("samples"), 1, "-", lag.get("p50"), lag.get("p95"),
                    lag.get("p99"), lag.get("max"), lag.get("errors")));
        }
        t.append(String.format(Locale.ROOT, "%nReplay (all views): %s%n", replay));
        t.append(String.format(Locale.ROOT, "Raw ceilings (one thread): %s: %s%n", ceilings.get("eventStoreKind"),
                ceilings.get("eventStore")));
        t.append(String.format(Locale.ROOT, "  %s: %s%n", ceilings.get("viewStoreKind"), ceilings.get("viewStore")));
        t.append(String.format(Locale.ROOT, "Ratios to the ceilings: %s%n", ratios));
        t.append(String.format(Locale.ROOT, "Service peak RSS (VmHWM): %s MB; store files (MB): %s; errors: %s%n%n"
                + "Targets (issue 6):%n", result.get("servicePeakRssMb"), result.get("storeFilesMb"), result.get("errors")));
        for (Object o : targets) {
            Map<String, Object> m = (Map<String, Object>) o;
            t.append(String.format(Locale.ROOT, "  %-4s %-48s measured %10s  (goal %s)%n",
                    (Boolean) m.get("pass") ? "PASS" : "FAIL", m.get("target"), m.get("measured"), m.get("goal")));
        }
        System.out.print(t);
    }

    /** Minimal JSON writer for maps, lists, strings, numbers and booleans; one line. */
    static String toJson(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?> map) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append(toJson(String.valueOf(e.getKey()))).append(':').append(toJson(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (v instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : list) {
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append(toJson(o));
            }
            return b.append(']').toString();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("drop-pg-schema")) {
            dropPgSchema(args[1], "postgres", args[2]);
            return;
        }
        new Bench(Config.parse(args)).run();
    }

    /** PostgreSQL's password, if it asks for one, comes from the usual {@code PGPASSWORD}; H2's is empty. */
    static Connection connect(String url, String user) throws SQLException {
        String password = url.startsWith("jdbc:postgresql:") ? System.getenv().getOrDefault("PGPASSWORD", "") : "";
        return DriverManager.getConnection(url, user, password);
    }

    static void dropPgSchema(String url, String user, String schema) throws SQLException {
        try (Connection c = connect(url, user); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
