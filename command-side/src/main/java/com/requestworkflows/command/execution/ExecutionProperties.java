package com.requestworkflows.command.execution;

import com.requestworkflows.api.request.RequestType;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How approved requests are carried out against the loyalty platform ({@code requests.execution.*}).
 *
 * @param targets          per request type, where its action goes; a type without a target is approved without a
 *                         call. The host always comes from here, never from a request.
 * @param maxAttempts      calls per round before a request ends failed (answers 5xx, 408, 429, timeouts, no connection)
 * @param initialBackoff   wait after the first failed attempt; it doubles ({@code backoffMultiplier}) up to
 *                         {@code maxBackoff}
 * @param timeout          connect and answer timeout of one call
 * @param pollInterval     how often due executions are looked for
 * @param concurrency      calls under way at once
 */
@ConfigurationProperties("requests.execution")
public record ExecutionProperties(Map<RequestType, Target> targets,
                                  Integer maxAttempts,
                                  Duration initialBackoff,
                                  Duration maxBackoff,
                                  Double backoffMultiplier,
                                  Duration timeout,
                                  Duration pollInterval,
                                  Integer concurrency) {

    public ExecutionProperties {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(1) : maxBackoff;
        backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
        concurrency = concurrency == null ? 4 : concurrency;
    }

    /** The wait before the attempt after {@code failedAttempt}. */
    public Duration backoffAfter(int failedAttempt) {
        double millis = initialBackoff.toMillis() * Math.pow(backoffMultiplier, failedAttempt - 1.0);
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /** @param method HTTP method of the call, POST when not given */
    public record Target(URI url, String method) {

        public Target {
            method = method == null || method.isBlank() ? "POST" : method.trim().toUpperCase();
        }
    }
}
