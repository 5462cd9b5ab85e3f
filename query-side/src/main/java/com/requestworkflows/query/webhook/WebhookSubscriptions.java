package com.requestworkflows.query.webhook;

import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.query.listing.ListingParameters;
import com.requestworkflows.query.listing.PageResponse;
import jakarta.annotation.PostConstruct;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The subscriptions, as configuration in the event store's database. A deleted subscription is kept (its
 * deliveries refer to it) but no longer exists for the API or for new events.
 */
@Component
public class WebhookSubscriptions {

    private static final String COLUMNS = "id, org_id, url, secret, sealed_secret, request_types, states, "
            + "include_execution, created_by, created_at FROM webhook_subscription";

    private final JdbcTemplate jdbc;
    private final WebhookDeliveryQueue deliveries;
    private final WebhookSecrets secrets;
    private final RowMapper<WebhookSubscription> rows;

    public WebhookSubscriptions(JdbcTemplate jdbc, WebhookDeliveryQueue deliveries, WebhookSecrets secrets) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.rows = (row, index) -> new WebhookSubscription(
                row.getString("id"), row.getLong("org_id"), row.getString("url"), secrets.of(row),
                fromList(row.getString("request_types"), RequestType.class),
                fromList(row.getString("states"), RequestState.class), row.getBoolean("include_execution"),
                row.getLong("created_by"), row.getLong("created_at"));
    }

    /**
     * Seals the secrets that rows written before sealing still hold in plain text, and reads one sealed secret, so
     * that a key other than the one that sealed them stops the start-up rather than every delivery.
     */
    @PostConstruct
    public void sealPlainSecrets() {
        List<Map<String, Object>> plain = jdbc.queryForList(
                "SELECT id, secret FROM webhook_subscription WHERE sealed_secret IS NULL");
        for (Map<String, Object> subscription : plain) {
            String id = (String) subscription.get("id");
            String sealed = secrets.seal((String) subscription.get("secret"), id);
            jdbc.update("UPDATE webhook_subscription SET sealed_secret = ?, secret = NULL "
                    + "WHERE id = ? AND sealed_secret IS NULL", sealed, id);
        }
        jdbc.query("SELECT " + COLUMNS + " ORDER BY created_at DESC, id LIMIT 1", rows);
    }

    public WebhookSubscription create(long orgId, String url, String secret, Set<RequestType> requestTypes,
                                      Set<RequestState> states, boolean includeExecution, long createdBy) {
        WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID().toString(), orgId, url, secret,
                requestTypes, states, includeExecution, createdBy, System.currentTimeMillis());
        jdbc.update("INSERT INTO webhook_subscription (id, org_id, url, sealed_secret, request_types, states, "
                        + "include_execution, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                subscription.id(), orgId, url, secrets.seal(secret, subscription.id()), toList(requestTypes),
                toList(states), includeExecution, createdBy, subscription.createdAt());
        return subscription;
    }

    /** The org's live subscriptions, oldest first. */
    public List<WebhookSubscription> live(long orgId) {
        return jdbc.query("SELECT " + COLUMNS + " WHERE org_id = ? AND deleted_at IS NULL ORDER BY created_at, id",
                rows, orgId);
    }

    public PageResponse<WebhookSubscription> page(long orgId, ListingParameters.Paging paging) {
        List<WebhookSubscription> content = jdbc.query("SELECT " + COLUMNS
                        + " WHERE org_id = ? AND deleted_at IS NULL ORDER BY created_at, id LIMIT ? OFFSET ?",
                rows, orgId, paging.size(), (long) paging.page() * paging.size());
        Long total = jdbc.queryForObject(
                "SELECT COUNT(*) FROM webhook_subscription WHERE org_id = ? AND deleted_at IS NULL", Long.class, orgId);
        return PageResponse.of(content, paging, total == null ? 0 : total);
    }

    /** A live subscription of the org; another org's is as unknown as any other id. */
    public Optional<WebhookSubscription> find(long orgId, String id) {
        return jdbc.query("SELECT " + COLUMNS + " WHERE id = ? AND org_id = ? AND deleted_at IS NULL", rows, id, orgId)
                .stream().findFirst();
    }

    /** Ends the subscription: nothing more is sent to it, not even what was still waiting. */
    @Transactional
    public boolean delete(long orgId, String id) {
        int deleted = jdbc.update("UPDATE webhook_subscription SET deleted_at = ? "
                + "WHERE id = ? AND org_id = ? AND deleted_at IS NULL", System.currentTimeMillis(), id, orgId);
        if (deleted == 0) {
            return false;
        }
        deliveries.discardUndelivered(id);
        return true;
    }

    private static String toList(Collection<? extends Enum<?>> values) {
        return values.isEmpty() ? null : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> fromList(String list, Class<E> type) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split(","))
                .map(name -> Enum.valueOf(type, name))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }
}
