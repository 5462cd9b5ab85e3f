-- H2 keeps a BLOB value over 256 bytes in separate LOB storage, so every event append and every event read paid
-- for a second structure. Payloads, metadata and tokens are small: they now stay in the row (same bytes).
ALTER TABLE domain_event_entry ALTER COLUMN payload SET DATA TYPE VARBINARY;
ALTER TABLE domain_event_entry ALTER COLUMN meta_data SET DATA TYPE VARBINARY;
ALTER TABLE snapshot_event_entry ALTER COLUMN payload SET DATA TYPE VARBINARY;
ALTER TABLE snapshot_event_entry ALTER COLUMN meta_data SET DATA TYPE VARBINARY;
ALTER TABLE token_entry ALTER COLUMN token SET DATA TYPE VARBINARY;
