package com.requestworkflows.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a loopback port, playing the loyalty platform or a webhook subscriber: it records every
 * request and answers as the test tells it. It can go down and come back on the same port.
 */
public final class FakeHttpServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as the server received it. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body,
                           Instant at) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    /** How to answer: a status and a body, after an optional delay (longer than the caller's timeout = a timeout). */
    public record Reply(int status, String body, Duration delay) {

        public static Reply of(int status, String body) {
            return new Reply(status, body, Duration.ZERO);
        }
    }

    @FunctionalInterface
    public interface Responder {
        Reply reply(Received request);
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile Responder responder = request -> Reply.of(200, "{}");
    private HttpServer server;

    public FakeHttpServer() {
        server = start(0);
        port = server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public void respondWith(Responder newResponder) {
        responder = newResponder;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Stops answering at all: connections are refused. */
    public synchronized void goDown() {
        server.stop(0);
        server = null;
    }

    /** Answers again, on the same port. */
    public synchronized void comeBack() {
        server = start(port);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private HttpServer start(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            created.setExecutor(Executors.newCachedThreadPool());
            created.createContext("/", this::handle);
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Instant.now());
        received.add(request);
        Reply reply = responder.reply(request);
        try {
            Thread.sleep(reply.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
