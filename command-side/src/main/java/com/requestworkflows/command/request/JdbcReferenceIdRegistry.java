package com.requestworkflows.command.request;

import com.requestworkflows.api.error.DuplicateReferenceIdException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Claims live in the event store's database, so a claim commits or rolls back together with the request's events;
 * the table's primary key decides races between concurrent submits.
 */
@Component
public class JdbcReferenceIdRegistry implements ReferenceIdRegistry {

    private final JdbcTemplate jdbc;

    public JdbcReferenceIdRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(long orgId, String referenceId, String requestId) {
        try {
            jdbc.update("INSERT INTO request_reference_id (org_id, reference_id, request_id) VALUES (?, ?, ?)",
                    orgId, referenceId, requestId);
        } catch (DuplicateKeyException duplicate) {
            // The transaction is now unusable on PostgreSQL: the holder is looked up after it has rolled back.
            throw new DuplicateReferenceIdException(orgId, referenceId, null);
        }
    }

    @Override
    public Optional<String> holderOf(long orgId, String referenceId) {
        return jdbc.query("SELECT request_id FROM request_reference_id WHERE org_id = ? AND reference_id = ?",
                (row, index) -> row.getString(1), orgId, referenceId).stream().findFirst();
    }
}
