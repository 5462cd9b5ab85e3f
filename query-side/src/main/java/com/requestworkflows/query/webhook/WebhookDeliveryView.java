package com.requestworkflows.query.webhook;

import java.util.List;

/**
 * One delivery of one workflow event to one subscription, as the delivery log and the dead letters show it. Times
 * are epoch milliseconds; the {@code last*} members describe the latest attempt.
 */
public record WebhookDeliveryView(String id,
                                  String subscriptionId,
                                  String eventId,
                                  String requestId,
                                  String eventState,
                                  DeliveryStatus status,
                                  int attempts,
                                  Long nextAttemptAt,
                                  Integer lastStatusCode,
                                  Long lastLatencyMs,
                                  String lastError,
                                  long createdAt,
                                  Long deliveredAt,
                                  List<Attempt> attemptLog) {

    /** One attempt: the subscriber's status code, or the error when it did not answer. */
    public record Attempt(int attempt, long attemptedAt, Integer statusCode, long latencyMs, String error) {
    }

    WebhookDeliveryView withAttemptLog(List<Attempt> log) {
        return new WebhookDeliveryView(id, subscriptionId, eventId, requestId, eventState, status, attempts,
                nextAttemptAt, lastStatusCode, lastLatencyMs, lastError, createdAt, deliveredAt, List.copyOf(log));
    }
}
