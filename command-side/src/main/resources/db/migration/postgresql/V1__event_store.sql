-- Axon's JDBC event store, token store and the command side's lookup tables.
-- Same tables as the H2 migration, with PostgreSQL types.
CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL PRIMARY KEY,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA         NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA         NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE request_reference_id (
    org_id       BIGINT       NOT NULL,
    reference_id VARCHAR(255) NOT NULL,
    request_id   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (org_id, reference_id)
);

CREATE TABLE auto_approval_rule (
    org_id     BIGINT      NOT NULL,
    rule_name  VARCHAR(64) NOT NULL,
    enabled    BOOLEAN     NOT NULL,
    changed_by BIGINT      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, rule_name)
);
