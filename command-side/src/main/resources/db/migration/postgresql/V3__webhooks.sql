-- Webhooks: subscriptions to the workflow events of an org, and the outbox of deliveries to them.
-- Times are epoch milliseconds, as in the API, compared with the service's clock; the same type on both databases.
-- Same tables as the H2 migration, with PostgreSQL types.
CREATE TABLE webhook_subscription (
    id            VARCHAR(36)   PRIMARY KEY,
    org_id        BIGINT        NOT NULL,
    url           VARCHAR(2000) NOT NULL,
    secret        VARCHAR(256)  NOT NULL,
    request_types VARCHAR(1000),
    states        VARCHAR(200),
    created_by    BIGINT        NOT NULL,
    created_at    BIGINT        NOT NULL,
    deleted_at    BIGINT
);
CREATE INDEX webhook_subscription_org ON webhook_subscription (org_id, created_at);

-- One row per event and subscription (id = event id ':' subscription id), written by the webhook-outbox processor
-- in the transaction of its token. status: PENDING, DELIVERED, PARKED (attempts used up), DISCARDED (unsubscribed).
CREATE TABLE webhook_delivery (
    id               VARCHAR(100) PRIMARY KEY,
    subscription_id  VARCHAR(36)  NOT NULL REFERENCES webhook_subscription (id),
    org_id           BIGINT       NOT NULL,
    request_id       VARCHAR(255) NOT NULL,
    event_id         VARCHAR(255) NOT NULL,
    event_sequence   BIGINT       NOT NULL,
    event_state      VARCHAR(32)  NOT NULL,
    payload          TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    next_attempt_at  BIGINT       NOT NULL,
    claimed_until    BIGINT,
    last_status_code INTEGER,
    last_error       VARCHAR(1000),
    last_latency_ms  BIGINT,
    created_at       BIGINT       NOT NULL,
    delivered_at     BIGINT
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_order ON webhook_delivery (subscription_id, request_id, event_sequence);
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, created_at);
CREATE INDEX webhook_delivery_status ON webhook_delivery (org_id, status, created_at);

-- Every attempt, kept when a parked delivery is sent again (its attempt numbers then start over).
CREATE TABLE webhook_delivery_attempt (
    id           BIGSERIAL PRIMARY KEY,
    delivery_id  VARCHAR(100) NOT NULL REFERENCES webhook_delivery (id),
    attempt      INTEGER      NOT NULL,
    attempted_at BIGINT       NOT NULL,
    status_code  INTEGER,
    latency_ms   BIGINT       NOT NULL,
    error        VARCHAR(1000)
);
CREATE INDEX webhook_delivery_attempt_delivery ON webhook_delivery_attempt (delivery_id, id);
