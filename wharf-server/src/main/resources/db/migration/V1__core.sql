-- One schema for SQLite and PostgreSQL: times are epoch milliseconds, flags are 0/1 integers,
-- so no statement here needs a dialect of its own.
CREATE TABLE counters (
  name VARCHAR(32) PRIMARY KEY,
  next_value BIGINT NOT NULL
);
INSERT INTO counters (name, next_value) VALUES ('run', 0);

CREATE TABLE runs (
  seq BIGINT PRIMARY KEY,
  run_id VARCHAR(32) NOT NULL UNIQUE,
  status VARCHAR(16) NOT NULL,
  run_type VARCHAR(16) NOT NULL,
  task_name VARCHAR(64),
  trigger_kind VARCHAR(32) NOT NULL,
  platform VARCHAR(64) NOT NULL,
  timeout_seconds INTEGER NOT NULL,
  request_sealed TEXT NOT NULL,
  context_blob VARCHAR(128),
  create_time BIGINT NOT NULL,
  start_time BIGINT,
  finish_time BIGINT,
  last_updated_time BIGINT NOT NULL,
  agent VARCHAR(128),
  heartbeat_time BIGINT,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  error_message TEXT,
  output_images TEXT,
  image_keys TEXT,
  dependencies TEXT,
  steps TEXT,
  log_pruned INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_status ON runs (status, seq);
CREATE INDEX runs_task ON runs (task_name, seq);

CREATE TABLE tasks (
  name VARCHAR(64) PRIMARY KEY,
  status VARCHAR(16) NOT NULL,
  definition TEXT NOT NULL,
  secure_sealed TEXT NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL
);

CREATE TABLE tokens (
  token_hash VARCHAR(64) PRIMARY KEY,
  name VARCHAR(128) NOT NULL,
  role VARCHAR(16) NOT NULL,
  create_time BIGINT NOT NULL
);
