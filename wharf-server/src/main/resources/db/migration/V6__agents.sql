-- Agents (the embedded one of each server and every `wharf agent`): one row per live agent
-- process, unique by name, and runs leased to one of them until lease_until.
CREATE TABLE agents (
  agent_id VARCHAR(40) PRIMARY KEY,
  name VARCHAR(128) NOT NULL UNIQUE,
  pool VARCHAR(64) NOT NULL,
  labels TEXT NOT NULL,
  version VARCHAR(64) NOT NULL,
  platform VARCHAR(64) NOT NULL,
  engine VARCHAR(512) NOT NULL,
  concurrency INTEGER NOT NULL,
  register_time BIGINT NOT NULL,
  last_seen BIGINT NOT NULL
);

ALTER TABLE runs ADD COLUMN agent_pool VARCHAR(64) NOT NULL DEFAULT 'default';
ALTER TABLE runs ADD COLUMN agent_id VARCHAR(40);
ALTER TABLE runs ADD COLUMN agent_engine VARCHAR(512);
ALTER TABLE runs ADD COLUMN lease_until BIGINT;
ALTER TABLE runs ADD COLUMN log_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN cleanup_pending INTEGER NOT NULL DEFAULT 0;
CREATE INDEX runs_pool ON runs (status, agent_pool, seq);
CREATE INDEX runs_agent ON runs (agent_id, status);
