package com.requestworkflows.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.requestworkflows.support.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the benchmark's documented command ({@code bench/run.sh}) in its smoke mode against the packaged service:
 * every step of a full run, the import of the million stage included, on a tiny scale. The figures mean nothing;
 * what is checked is that the command works and reports everything it promises, and that it leaves nothing behind.
 */
class BenchmarkSmokeIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("requests.test.repository", ".."));
    private static final Pattern SERVICE_PID = Pattern.compile("Service UP on port \\d+ \\(pid (\\d+)\\)");
    private static final List<String> OPERATIONS =
            List.of("submit", "add-batch", "approve", "reject", "inbox", "search-approved", "search-requester");

    @TempDir
    Path work;

    @Test
    void theEmbeddedDefaultIsMeasuredEndToEnd() throws Exception {
        JsonNode result = runBenchmark();

        assertThat(result.path("eventStore").asText()).isEqualTo("h2");
        assertEveryFigureReported(result);
    }

    /** The benchmark's PostgreSQL is always 127.0.0.1:5432/test (bench/README.md), the tests' default server. */
    @Test
    @ExtendWith(PostgresServer.class)
    void postgresIsMeasuredAndItsSchemaDropped() throws Exception {
        List<String> schemasBefore = benchmarkSchemas();

        JsonNode result = runBenchmark("--postgres");

        assertThat(result.path("eventStore").asText()).isEqualTo("postgres");
        assertEveryFigureReported(result);
        assertThat(benchmarkSchemas()).as("the benchmark's scratch schemas are dropped").isEqualTo(schemasBefore);
    }

    private static void assertEveryFigureReported(JsonNode result) {
        assertThat(result.path("mode").asText()).isEqualTo("smoke");
        assertThat(result.path("errors").asInt(-1)).as("errors of the whole run").isZero();

        JsonNode stages = result.path("stages");
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0).path("storedRequests").asInt()).isEqualTo(200);
        assertThat(stages.get(1).path("storedRequests").asInt()).isEqualTo(1200);
        assertThat(stages.get(0).path("operations").has("seed-submit")).as("the first stage is seeded over HTTP")
                .isTrue();
        JsonNode imported = stages.get(1).path("seedImport");
        // 1,200 less the first stage's 200 and what the second one's measured phases store (40 submits, 40 in
        // batches, 10 view-lag submits).
        assertThat(imported.path("requests").asInt()).as("the second stage is seeded by import").isEqualTo(910);
        assertThat(imported.has("error")).as("every processor caught up with the import").isFalse();
        for (JsonNode stage : stages) {
            for (String operation : OPERATIONS) {
                JsonNode figures = stage.path("operations").path(operation);
                assertThat(figures.path("count").asInt()).as(operation + " count").isPositive();
                assertThat(figures.path("errors").asInt(-1)).as(operation + " errors").isZero();
                assertThat(figures.path("opsPerSecond").asDouble()).as(operation + " ops/s").isPositive();
                assertThat(figures.path("p99Ms").asDouble())
                        .isGreaterThanOrEqualTo(figures.path("p50Ms").asDouble()).isPositive();
            }
            assertThat(stage.path("operations").path("add-batch").path("itemsPerSecond").asDouble()).isPositive();
            assertThat(stage.path("viewLagMs").path("samples").asInt()).isEqualTo(10);
            assertThat(stage.path("viewLagMs").path("errors").asInt(-1)).isZero();
        }

        JsonNode replay = result.path("replay");
        assertThat(replay.path("status").asText()).isEqualTo("COMPLETED");
        // 1,200 submissions and the 80 decisions of the two stages' measured submits.
        assertThat(replay.path("eventsDone").asLong()).isGreaterThanOrEqualTo(1280);
        assertThat(replay.path("eventsPerSecond").asDouble()).isPositive();

        JsonNode eventStore = result.path("ceilings").path("eventStore");
        assertThat(eventStore.path("singleRowPerTxRowsPerSecond").asDouble()).isPositive();
        assertThat(eventStore.path("batch100RowsPerSecond").asDouble()).isPositive();
        assertThat(eventStore.path("singleRowPerTxInFullTable").path("rowsPerSecond").asDouble()).isPositive();
        assertThat(result.path("ceilings").path("viewStore").path("insertMany100DocsPerSecond").asDouble())
                .isPositive();
        assertThat(result.path("ratios").path("submitPerRawSingleRowAppend").asDouble()).isPositive();
        assertThat(result.path("servicePeakRssMb").asDouble()).isPositive();
        assertThat(result.path("targets")).hasSize(8);
    }

    /**
     * Runs {@code bench/run.sh --smoke} with its results and scratch files in this test's directory; answers the
     * JSON of its last line, after checking that the same JSON is in the results file and that the service stopped.
     */
    private JsonNode runBenchmark(String... flags) throws Exception {
        Path results = Files.createDirectories(work.resolve("results"));
        Path stdout = work.resolve("bench.out");
        Path stderr = work.resolve("bench.err");
        List<String> command = new ArrayList<>(List.of("bash", "bench/run.sh", "--smoke"));
        command.addAll(List.of(flags));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("BENCH_RESULTS_DIR", results.toString());
        builder.environment().put("TMPDIR", Files.createDirectories(work.resolve("tmp")).toString());
        builder.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
        Process benchmark = builder.start();
        if (!benchmark.waitFor(5, TimeUnit.MINUTES)) {
            benchmark.descendants().forEach(ProcessHandle::destroyForcibly);
            benchmark.destroyForcibly();
            throw new AssertionError("bench/run.sh --smoke took over 5 minutes:\n" + tail(stderr));
        }
        assertThat(benchmark.exitValue()).as("exit status; its stderr:\n" + tail(stderr)).isZero();

        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        String last = lines.get(lines.size() - 1);
        assertThat(String.join("\n", lines)).contains("stored", "p99 ms", "seed-import", "Targets (issue 6):");
        try (var written = Files.list(results)) {
            List<Path> files = written.toList();
            assertThat(files).hasSize(1);
            assertThat(Files.readString(files.get(0)).trim()).isEqualTo(last);
        }

        Matcher pid = SERVICE_PID.matcher(Files.readString(stderr));
        assertThat(pid.find()).as("the service's pid in the progress output").isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive))
                .as("the service is stopped at the end").isNotEqualTo(Optional.of(true));
        return new ObjectMapper().readTree(last);
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static List<String> benchmarkSchemas() throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Connection connection = PostgresServer.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'bench\\_%' "
                             + "ORDER BY schema_name")) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        }
        return schemas;
    }
}
