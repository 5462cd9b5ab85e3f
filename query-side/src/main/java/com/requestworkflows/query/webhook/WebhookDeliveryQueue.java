package com.requestworkflows.query.webhook;

import com.requestworkflows.api.request.RequestView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The outbox of deliveries, as the outbox processor fills it and the dispatcher works it off. Every statement is
 * plain SQL that H2 and PostgreSQL both run, and safe with several instances sharing the database.
 */
@Component
public class WebhookDeliveryQueue {

    private final JdbcTemplate jdbc;
    private final WebhookSecrets secrets;

    public WebhookDeliveryQueue(JdbcTemplate jdbc, WebhookSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** A subscription with deliveries that are due, and whether it has been deleted since they were queued. */
    public record DueSubscription(String id, String url, String secret, boolean deleted) {

        /** Without the secret, which must never reach a log. */
        @Override
        public String toString() {
            return "DueSubscription[id=" + id + ", url=" + url + ", deleted=" + deleted + "]";
        }
    }

    /** A delivery to attempt: its body is the exact text to sign and send. */
    public record DueDelivery(String id, String eventId, String payload, int attempts) {
    }

    /** What one attempt came to: the subscriber's status code, if it answered, and the error unless it was 2xx. */
    public record AttemptOutcome(Integer statusCode, long latencyMs, String error) {

        public static AttemptOutcome answered(int statusCode, long latencyMs) {
            return new AttemptOutcome(statusCode, latencyMs, statusCode / 100 == 2 ? null : "HTTP " + statusCode);
        }

        public static AttemptOutcome failed(String error, long latencyMs) {
            return new AttemptOutcome(null, latencyMs, error);
        }

        public boolean delivered() {
            return error == null;
        }
    }

    /**
     * Queues the event for the subscriber, unless it is queued already or the subscription was deleted meanwhile.
     * A failed statement would abort a PostgreSQL transaction, so duplicates are skipped rather than caught.
     */
    public void enqueue(WebhookSubscription subscription, DomainEventMessage<?> event, RequestView current,
                        String payload) {
        String id = event.getIdentifier() + ":" + subscription.id();
        long now = System.currentTimeMillis();
        jdbc.update("INSERT INTO webhook_delivery (id, subscription_id, org_id, request_id, event_id, event_sequence, "
                        + "event_state, payload, status, attempts, next_attempt_at, created_at) "
                        + "SELECT ?, s.id, s.org_id, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? FROM webhook_subscription s "
                        + "WHERE s.id = ? AND s.deleted_at IS NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.id = ?)",
                id, event.getAggregateIdentifier(), event.getIdentifier(), event.getSequenceNumber(),
                current.state().wire(), payload, now, now, subscription.id(), id);
    }

    public List<DueSubscription> subscriptionsWithDueDeliveries(long now) {
        return jdbc.query("SELECT s.id, s.url, s.secret, s.sealed_secret, s.deleted_at FROM webhook_subscription s "
                        + "WHERE s.id IN (SELECT d.subscription_id FROM webhook_delivery d "
                        + "WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?)",
                (row, index) -> new DueSubscription(row.getString("id"), row.getString("url"), secrets.of(row),
                        row.getObject("deleted_at") != null),
                now);
    }

    /**
     * Up to {@code limit} due, unclaimed deliveries of the subscription, each the oldest one still pending of its
     * request: a request's events reach a subscriber one after the other, in order.
     */
    public List<DueDelivery> nextInOrder(String subscriptionId, long now, int limit) {
        return jdbc.query("SELECT d.id, d.event_id, d.payload, d.attempts FROM webhook_delivery d "
                        + "WHERE d.subscription_id = ? AND d.status = 'PENDING' AND d.next_attempt_at <= ? "
                        + "AND (d.claimed_until IS NULL OR d.claimed_until < ?) "
                        + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery e "
                        + "WHERE e.subscription_id = d.subscription_id AND e.request_id = d.request_id "
                        + "AND e.status = 'PENDING' AND e.event_sequence < d.event_sequence) "
                        + "ORDER BY d.next_attempt_at, d.created_at, d.event_sequence LIMIT ?",
                (row, index) -> new DueDelivery(row.getString(1), row.getString(2), row.getString(3), row.getInt(4)),
                subscriptionId, now, now, limit);
    }

    /** Takes the delivery for this instance until {@code until}; false when another instance has it. */
    public boolean claim(String deliveryId, long now, long until) {
        return jdbc.update("UPDATE webhook_delivery SET claimed_until = ? WHERE id = ? AND status = 'PENDING' "
                + "AND (claimed_until IS NULL OR claimed_until < ?)", until, deliveryId, now) == 1;
    }

    /**
     * Logs the attempt and moves the delivery on: {@code status} with {@code nextAttemptAt} when it stays pending.
     * A delivery that was discarded meanwhile stays discarded.
     */
    @Transactional
    public void recordAttempt(DueDelivery delivery, long attemptedAt, AttemptOutcome outcome, DeliveryStatus status,
                              long nextAttemptAt) {
        int attempt = delivery.attempts() + 1;
        jdbc.update("INSERT INTO webhook_delivery_attempt (delivery_id, attempt, attempted_at, status_code, "
                        + "latency_ms, error) VALUES (?, ?, ?, ?, ?, ?)",
                delivery.id(), attempt, attemptedAt, outcome.statusCode(), outcome.latencyMs(), outcome.error());
        jdbc.update("UPDATE webhook_delivery SET status = ?, attempts = ?, next_attempt_at = ?, claimed_until = NULL, "
                        + "last_status_code = ?, last_latency_ms = ?, last_error = ?, delivered_at = ? "
                        + "WHERE id = ? AND status = 'PENDING'",
                status.name(), attempt, nextAttemptAt, outcome.statusCode(), outcome.latencyMs(), outcome.error(),
                status == DeliveryStatus.DELIVERED ? attemptedAt + outcome.latencyMs() : null, delivery.id());
    }

    /** Drops whatever of the subscription's deliveries has not been delivered: they will never be sent. */
    public void discardUndelivered(String subscriptionId) {
        jdbc.update("UPDATE webhook_delivery SET status = 'DISCARDED', claimed_until = NULL "
                + "WHERE subscription_id = ? AND status IN ('PENDING', 'PARKED')", subscriptionId);
    }
}
