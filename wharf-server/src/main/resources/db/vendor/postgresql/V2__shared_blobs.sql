-- Logs and uploads in the database, for servers sharing one PostgreSQL (they share no disk).
-- The byte column type is the only vendor difference, hence one file per vendor.
CREATE TABLE log_chunks (
  run_id VARCHAR(32) NOT NULL,
  start_offset BIGINT NOT NULL,
  end_offset BIGINT NOT NULL,
  content BYTEA NOT NULL,
  PRIMARY KEY (run_id, start_offset)
);

CREATE TABLE uploads (
  id VARCHAR(32) PRIMARY KEY,
  content BYTEA NOT NULL,
  create_time BIGINT NOT NULL
);
