package com.requestworkflows.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** The packaged service (the all-in-one jar) run as a separate process, so that it can be killed like in production. */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path jar;
    private final Path dataDirectory;
    private final int port;
    private final List<String> extraArguments;
    private Process process;
    private int starts;

    public ServiceProcess(Path jar, Path dataDirectory, List<String> extraArguments) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No service jar at " + jar + ": run 'mvn verify', which packages it first");
        }
        this.jar = jar;
        this.dataDirectory = dataDirectory;
        this.extraArguments = List.copyOf(extraArguments);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** The jar {@code mvn verify} packaged before the integration tests run. */
    public static Path jarUnderTest() {
        return Path.of(System.getProperty("requests.test.jar", "target/request-workflows.jar"));
    }

    /** Starts the service and waits until its health endpoint answers UP. */
    public ApiClient start() throws IOException {
        starts++;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--requests.data-dir=" + dataDirectory));
        command.addAll(extraArguments);
        Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-run" + starts + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue()
                        + " while starting; see " + log);
            }
            try {
                return "UP".equals(api.get(null, "/actuator/health").field("status"));
            } catch (UncheckedIOException notListeningYet) {
                return false;
            }
        });
        return api;
    }

    /** SIGKILL: no shutdown hook, no flush, exactly like a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the graceful shutdown an operator does. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
