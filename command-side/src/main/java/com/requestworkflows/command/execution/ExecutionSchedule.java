package com.requestworkflows.command.execution;

import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestExecutedEvent;
import com.requestworkflows.api.request.RequestExecutionAttemptFailedEvent;
import com.requestworkflows.api.request.RequestExecutionFailedEvent;
import com.requestworkflows.api.request.RequestExecutionRetriedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The executions due or under way, one row per request, kept by a subscribing processor in the transaction of the
 * events that start, advance and end them. An approval and its row therefore commit together, and a crash at any
 * moment leaves the row behind to be picked up again: no approved request waits forever.
 */
@Component
@ProcessingGroup(ExecutionSchedule.PROCESSING_GROUP)
public class ExecutionSchedule {

    public static final String PROCESSING_GROUP = "request-execution-schedule";

    private final JdbcTemplate jdbc;

    public ExecutionSchedule(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One attempt to make: the request, its round and the number of the attempt. */
    public record DueExecution(String requestId, int round, int attempt) {
    }

    @EventHandler
    void on(RequestApprovedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (event.executionRequired()) {
            schedule(event.requestId(), event.orgId(), 1, at);
        }
    }

    @EventHandler
    void on(RequestExecutionRetriedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        schedule(event.requestId(), event.orgId(), event.round(), at);
    }

    @EventHandler
    void on(RequestExecutionAttemptFailedEvent event) {
        jdbc.update("UPDATE request_execution SET next_attempt = ?, due_at = ?, claimed_until = NULL "
                        + "WHERE request_id = ?",
                event.attempt().attempt() + 1, Timestamp.from(event.nextAttemptAt()), event.requestId());
    }

    @EventHandler
    void on(RequestExecutedEvent event) {
        unschedule(event.requestId());
    }

    @EventHandler
    void on(RequestExecutionFailedEvent event) {
        unschedule(event.requestId());
    }

    /**
     * Claims up to {@code limit} due attempts for {@code lease}: a claim that is not followed by an outcome within
     * the lease (the process died mid-call) lapses, and the attempt is made again with the same idempotency key.
     */
    public List<DueExecution> claimDue(int limit, Duration lease) {
        Timestamp now = Timestamp.from(Instant.now());
        List<DueExecution> due = jdbc.query("SELECT request_id, round, next_attempt FROM request_execution "
                        + "WHERE due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY due_at",
                (row, index) -> new DueExecution(row.getString(1), row.getInt(2), row.getInt(3)),
                now, now);
        List<DueExecution> claimed = new ArrayList<>();
        Timestamp until = Timestamp.from(now.toInstant().plus(lease));
        for (DueExecution execution : due) {
            if (claimed.size() == limit) {
                break;
            }
            int updated = jdbc.update("UPDATE request_execution SET claimed_until = ? WHERE request_id = ? "
                            + "AND round = ? AND next_attempt = ? AND (claimed_until IS NULL OR claimed_until < ?)",
                    until, execution.requestId(), execution.round(), execution.attempt(), now);
            if (updated == 1) {
                claimed.add(execution);
            }
        }
        return claimed;
    }

    private void schedule(String requestId, long orgId, int round, Instant at) {
        unschedule(requestId);
        jdbc.update("INSERT INTO request_execution (request_id, org_id, round, next_attempt, due_at) "
                + "VALUES (?, ?, ?, 1, ?)", requestId, orgId, round, Timestamp.from(at));
    }

    private void unschedule(String requestId) {
        jdbc.update("DELETE FROM request_execution WHERE request_id = ?", requestId);
    }
}
