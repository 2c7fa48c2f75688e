-- Sign-ins of the web UI. The cookie holds a random session id; only its SHA-256 is stored, next
-- to the hash of the API token it was opened with, so revoking the token ends its sessions too.
CREATE TABLE web_sessions (
  session_hash VARCHAR(64) PRIMARY KEY,
  token_hash VARCHAR(64) NOT NULL,
  csrf VARCHAR(64) NOT NULL,
  create_time BIGINT NOT NULL,
  expire_time BIGINT NOT NULL
);
CREATE INDEX web_sessions_expiry ON web_sessions (expire_time);

-- The runs page asks every second whether any run changed (MAX of this column) and offers the
-- trigger kinds in use as a filter.
CREATE INDEX runs_last_updated ON runs (last_updated_time);
CREATE INDEX runs_trigger ON runs (trigger_kind, seq);
