package com.requestworkflows.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Talks to a running service over real HTTP, as a client would. Every test user's password equals its name, as
 * with the demo users the service ships.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    public ApiClient(String baseUrl) {
        this(baseUrl, null);
    }

    /** A client that sends this {@code Authorization} header (a bearer token, say) instead of per-user Basic. */
    public ApiClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** GET, PUT or POST with this client's fixed authorization. */
    public Response send(String method, String path, Object body) {
        return exchange(null, method, path, body == null || method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8), "application/json");
    }

    public Response get(String user, String path) {
        return send(user, "GET", path, null, null);
    }

    public Response post(String user, String path, Object body) {
        return send(user, "POST", path, body == null ? null : write(body), "application/json");
    }

    public Response put(String user, String path, Object body) {
        return send(user, "PUT", path, write(body), "application/json");
    }

    /** Sends {@code rawBody} exactly as given, for malformed input. */
    public Response send(String user, String method, String path, String rawBody, String contentType) {
        return exchange(user, method, path, rawBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8), contentType);
    }

    /** Sends these bytes as the body; {@code chunked} leaves the length undeclared, as a streaming client does. */
    public Response sendBytes(String user, String path, byte[] body, boolean chunked) {
        return exchange(user, "POST", path, chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body), "application/json");
    }

    private Response exchange(String user, String method, String path, HttpRequest.BodyPublisher body,
                          String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        } else if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public record Response(int status, String text, HttpHeaders headers) {

        public JsonNode json() {
            try {
                return text == null || text.isEmpty() ? MissingNode.getInstance() : JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + text, e);
            }
        }

        public String field(String name) {
            return json().path(name).asText(null);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
