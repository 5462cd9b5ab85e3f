package com.requestworkflows.query.webhook;

import com.requestworkflows.query.webhook.WebhookDeliveryQueue.AttemptOutcome;
import com.requestworkflows.query.webhook.WebhookDeliveryQueue.DueDelivery;
import com.requestworkflows.query.webhook.WebhookDeliveryQueue.DueSubscription;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one delivery attempt: POSTs the stored body, signed, and tells how it went. The call is asynchronous: a
 * subscriber that is slow to answer holds no thread of the service while it takes its time.
 */
@Component
public class WebhookSender {

    private static final String EVENT_ID_HEADER = "X-Webhook-Id";
    private static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
    private static final String SIGNATURE_HEADER = "X-Webhook-Signature";
    private static final String TIMESTAMPED_SIGNATURE_HEADER = "X-Webhook-Signature-V2";
    private static final String SUBSCRIPTION_HEADER = "X-Webhook-Subscription";
    private static final int MAX_ERROR_LENGTH = 1000;

    private final WebhookProperties properties;
    private final WebhookTargets targets;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "webhook-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;

    public WebhookSender(WebhookProperties properties, WebhookTargets targets) {
        this.properties = properties;
        this.targets = targets;
        this.http = HttpClient.newBuilder().executor(workers).connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Completes (never exceptionally) once the subscriber has answered, or has failed to within the timeout. The
     * host is looked up (and checked against the blocked networks) on a worker, not on the caller's thread: a slow
     * name server holds up no other subscriber.
     */
    public CompletableFuture<AttemptOutcome> send(DueSubscription subscription, DueDelivery delivery) {
        long started = System.nanoTime();
        try {
            URI url = URI.create(subscription.url());
            return CompletableFuture.supplyAsync(() -> targets.refusal(url), workers)
                    .thenCompose(refusal -> refusal.isPresent()
                            ? CompletableFuture.completedFuture(AttemptOutcome.failed("not sent: " + refusal.get(),
                                    millisSince(started)))
                            : post(url, subscription, delivery, started))
                    // The request timeout ends the wait for the answer's head; this one also bounds the look-up
                    // and reading the body.
                    .orTimeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(failure -> failed(failure, started));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(e, started));
        }
    }

    private CompletableFuture<AttemptOutcome> post(URI url, DueSubscription subscription, DueDelivery delivery,
                                                   long started) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header(EVENT_ID_HEADER, delivery.eventId())
                .header(TIMESTAMP_HEADER, Long.toString(now))
                .header(SIGNATURE_HEADER, WebhookSignature.of(subscription.secret(), body))
                .header(TIMESTAMPED_SIGNATURE_HEADER, WebhookSignature.timestamped(subscription.secret(), now, body))
                .header(SUBSCRIPTION_HEADER, subscription.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> AttemptOutcome.answered(response.statusCode(), millisSince(started)));
    }

    /** Lets the attempts under way end (the dispatcher waits for them first), then stops the workers. */
    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    private AttemptOutcome failed(Throwable failure, long started) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return AttemptOutcome.failed(describe(cause), millisSince(started));
    }

    /** Says what went wrong in the admin's terms; never the request, which would show the signature. */
    private String describe(Throwable cause) {
        String error;
        if (cause instanceof HttpConnectTimeoutException) {
            error = "no connection within " + properties.timeout().toMillis() + " ms";
        } else if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            error = "no answer within " + properties.timeout().toMillis() + " ms";
        } else if (cause instanceof ConnectException) {
            error = "connection refused";
        } else {
            error = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
