package com.requestworkflows.command.duplicatepending;

import com.requestworkflows.api.error.DuplicatePendingRequestException;
import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestCancelledEvent;
import com.requestworkflows.api.request.RequestRejectedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The keys in the event store's database: a claim commits or rolls back with the submission's events, the table's
 * primary key decides races, and a subscribing processor releases a request's keys in the transaction of the event
 * that ends its pending state (see the command side's transactional tables).
 */
@Component
@ProcessingGroup(PendingRequestKeyTable.PROCESSING_GROUP)
public class PendingRequestKeyTable implements PendingRequestKeys {

    public static final String PROCESSING_GROUP = "pending-request-keys";

    private final JdbcTemplate jdbc;

    public PendingRequestKeyTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(long orgId, Collection<String> keys, String requestId) {
        try {
            for (String key : keys) {
                jdbc.update("INSERT INTO pending_request_key (org_id, request_key, request_id) VALUES (?, ?, ?)",
                        orgId, key, requestId);
            }
        } catch (DuplicateKeyException pending) {
            // The transaction is now unusable on PostgreSQL: the holder is looked up after it has rolled back.
            throw new DuplicatePendingRequestException(null, null);
        }
    }

    @Override
    public Optional<String> holderOf(long orgId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        List<Object> arguments = new ArrayList<>(keys);
        arguments.add(0, orgId);
        return jdbc.query("SELECT request_id FROM pending_request_key WHERE org_id = ? AND request_key IN ("
                        + String.join(",", Collections.nCopies(keys.size(), "?")) + ")",
                (row, index) -> row.getString(1), arguments.toArray()).stream().findFirst();
    }

    @EventHandler
    void on(RequestApprovedEvent event) {
        release(event.requestId());
    }

    @EventHandler
    void on(RequestRejectedEvent event) {
        release(event.requestId());
    }

    @EventHandler
    void on(RequestCancelledEvent event) {
        release(event.requestId());
    }

    private void release(String requestId) {
        jdbc.update("DELETE FROM pending_request_key WHERE request_id = ?", requestId);
    }
}
