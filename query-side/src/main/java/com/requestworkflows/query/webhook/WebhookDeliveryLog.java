package com.requestworkflows.query.webhook;

import com.requestworkflows.query.listing.ListingParameters;
import com.requestworkflows.query.listing.PageResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the admins see of the deliveries: the log per subscription, the parked ones, and sending one again. */
@Component
public class WebhookDeliveryLog {

    private static final String COLUMNS = "id, subscription_id, event_id, request_id, event_state, status, attempts, "
            + "next_attempt_at, last_status_code, last_latency_ms, last_error, created_at, delivered_at "
            + "FROM webhook_delivery";
    private static final RowMapper<WebhookDeliveryView> ROW = (row, index) -> {
        DeliveryStatus status = DeliveryStatus.valueOf(row.getString("status"));
        return new WebhookDeliveryView(row.getString("id"), row.getString("subscription_id"),
                row.getString("event_id"), row.getString("request_id"), row.getString("event_state"), status,
                row.getInt("attempts"), status == DeliveryStatus.PENDING ? row.getLong("next_attempt_at") : null,
                row.getObject("last_status_code", Integer.class), row.getObject("last_latency_ms", Long.class),
                row.getString("last_error"), row.getLong("created_at"), row.getObject("delivered_at", Long.class),
                List.of());
    };

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate namedJdbc;

    public WebhookDeliveryLog(JdbcTemplate jdbc, NamedParameterJdbcTemplate namedJdbc) {
        this.jdbc = jdbc;
        this.namedJdbc = namedJdbc;
    }

    /** The subscription's deliveries, newest first, optionally only those of one status. */
    public PageResponse<WebhookDeliveryView> ofSubscription(String subscriptionId, DeliveryStatus status,
                                                            ListingParameters.Paging paging) {
        return status == null
                ? page("subscription_id = ?", List.of(subscriptionId), paging)
                : page("subscription_id = ? AND status = ?", List.of(subscriptionId, status.name()), paging);
    }

    /** The org's dead letters, newest first, optionally of one subscription only. */
    public PageResponse<WebhookDeliveryView> parked(long orgId, String subscriptionId,
                                                    ListingParameters.Paging paging) {
        return subscriptionId == null
                ? page("org_id = ? AND status = 'PARKED'", List.of(orgId), paging)
                : page("org_id = ? AND status = 'PARKED' AND subscription_id = ?", List.of(orgId, subscriptionId),
                        paging);
    }

    /**
     * Sends a parked delivery again, from a fresh set of attempts (the earlier ones stay in its log). It goes out
     * at the next poll, after any earlier delivery of its request that is still pending.
     */
    public WebhookDeliveryView redeliver(long orgId, String id) {
        int updated = jdbc.update("UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, "
                        + "claimed_until = NULL WHERE id = ? AND org_id = ? AND status = 'PARKED'",
                System.currentTimeMillis(), id, orgId);
        WebhookDeliveryView delivery = find(orgId, id).orElseThrow(() -> WebhookNotFoundException.delivery(id));
        if (updated == 0) {
            throw new DeliveryNotParkedException(id, delivery.status());
        }
        return delivery;
    }

    private Optional<WebhookDeliveryView> find(long orgId, String id) {
        return withAttemptLogs(jdbc.query("SELECT " + COLUMNS + " WHERE id = ? AND org_id = ?", ROW, id, orgId))
                .stream().findFirst();
    }

    private PageResponse<WebhookDeliveryView> page(String condition, List<Object> arguments,
                                                   ListingParameters.Paging paging) {
        List<Object> pageArguments = new ArrayList<>(arguments);
        pageArguments.add(paging.size());
        pageArguments.add((long) paging.page() * paging.size());
        List<WebhookDeliveryView> content = jdbc.query("SELECT " + COLUMNS + " WHERE " + condition
                + " ORDER BY created_at DESC, event_sequence DESC, id LIMIT ? OFFSET ?", ROW, pageArguments.toArray());
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE " + condition, Long.class,
                arguments.toArray());
        return PageResponse.of(withAttemptLogs(content), paging, total == null ? 0 : total);
    }

    /** Adds every delivery's attempts, oldest first, with one query for the whole page. */
    private List<WebhookDeliveryView> withAttemptLogs(List<WebhookDeliveryView> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<String, List<WebhookDeliveryView.Attempt>> logs = new HashMap<>();
        namedJdbc.query("SELECT delivery_id, attempt, attempted_at, status_code, latency_ms, error "
                        + "FROM webhook_delivery_attempt WHERE delivery_id IN (:ids) ORDER BY id",
                Map.of("ids", deliveries.stream().map(WebhookDeliveryView::id).toList()),
                row -> {
                    logs.computeIfAbsent(row.getString("delivery_id"), id -> new ArrayList<>())
                            .add(new WebhookDeliveryView.Attempt(row.getInt("attempt"), row.getLong("attempted_at"),
                                    row.getObject("status_code", Integer.class), row.getLong("latency_ms"),
                                    row.getString("error")));
                });
        return deliveries.stream()
                .map(delivery -> delivery.withAttemptLog(logs.getOrDefault(delivery.id(), List.of())))
                .toList();
    }
}
