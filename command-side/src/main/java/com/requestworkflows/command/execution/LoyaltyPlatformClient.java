package com.requestworkflows.command.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.requestworkflows.api.request.ExecutionAttempt;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.command.request.AdjustmentRules;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes the call an approved request stands for: the configured target, the request's query parameters and body
 * (with the value a checker changed at approval in its place),
 * and an idempotency key that stays the same for every attempt of a round, so that a retried call cannot redeem
 * points twice on a platform that honours it.
 */
@Component
public class LoyaltyPlatformClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEPT_BODY = 4000;
    private static final Set<String> METHODS_WITHOUT_BODY = Set.of("GET", "DELETE", "HEAD");

    private final HttpClient http;
    private final ExecutionProperties properties;
    private final ObjectMapper objectMapper;

    public LoyaltyPlatformClient(ExecutionProperties properties, ObjectMapper objectMapper) {
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public ExecutionAttempt execute(ExecutionProperties.Target target, RequestView request, int attempt) {
        RequestAttributes attributes = AdjustmentRules.applied(request);
        try {
            HttpRequest call = HttpRequest.newBuilder(withQuery(target.url(), attributes))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header(IDEMPOTENCY_KEY, request.execution().idempotencyKey())
                    .method(target.method(), body(target, attributes))
                    .build();
            HttpResponse<String> response = http.send(call, HttpResponse.BodyHandlers.ofString());
            return new ExecutionAttempt(attempt, response.statusCode(), kept(response.body()), null);
        } catch (HttpTimeoutException timeout) {
            return new ExecutionAttempt(attempt, null, null, "No answer within " + properties.timeout());
        } catch (IOException noConnection) {
            return new ExecutionAttempt(attempt, null, null, "Call failed: " + noConnection.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new ExecutionAttempt(attempt, null, null, "Call interrupted");
        }
    }

    private HttpRequest.BodyPublisher body(ExecutionProperties.Target target, RequestAttributes attributes)
            throws JsonProcessingException {
        if (METHODS_WITHOUT_BODY.contains(target.method())) {
            return HttpRequest.BodyPublishers.noBody();
        }
        Map<String, Object> body = attributes == null ? null : attributes.body();
        return HttpRequest.BodyPublishers.ofString(objectMapper.writeValueAsString(body == null ? Map.of() : body));
    }

    private static URI withQuery(URI url, RequestAttributes attributes) {
        Map<String, Object> query = attributes == null ? null : attributes.queryParams();
        if (query == null || query.isEmpty()) {
            return url;
        }
        String encoded = query.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(String.valueOf(parameter.getValue())))
                .collect(Collectors.joining("&"));
        String text = url.toString();
        return URI.create(text + (text.contains("?") ? "&" : "?") + encoded);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String kept(String body) {
        return body == null || body.length() <= MAX_KEPT_BODY ? body : body.substring(0, MAX_KEPT_BODY);
    }
}
