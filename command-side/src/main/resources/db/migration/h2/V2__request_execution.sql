-- Executions of approved requests that are due or under way (see ExecutionSchedule).
CREATE TABLE request_execution (
    request_id    VARCHAR(64) PRIMARY KEY,
    org_id        BIGINT      NOT NULL,
    round         INTEGER     NOT NULL,
    next_attempt  INTEGER     NOT NULL,
    due_at        TIMESTAMP   NOT NULL,
    claimed_until TIMESTAMP
);
CREATE INDEX request_execution_due ON request_execution (due_at);
