-- Triggers: what started each run, and what the commit, timer and base-image triggers remember.
-- Same conventions as V1: epoch milliseconds, 0/1 flags, SQL that SQLite and PostgreSQL both run.

ALTER TABLE runs ADD COLUMN trigger_details TEXT;

-- One row per event that may queue at most one run of a task: a timer occurrence, a commit, a
-- webhook delivery, a base image's new digest. Inserted in the transaction that queues the run,
-- so servers sharing a database queue each event once.
CREATE TABLE trigger_claims (
  claim_key VARCHAR(600) PRIMARY KEY,
  task_name VARCHAR(64) NOT NULL,
  run_id VARCHAR(32),
  create_time BIGINT NOT NULL
);
CREATE INDEX trigger_claims_task ON trigger_claims (task_name, create_time);

-- The commit trigger's view of a task's repository.
CREATE TABLE source_trigger_state (
  task_name VARCHAR(64) PRIMARY KEY,
  last_commit VARCHAR(64),
  last_poll BIGINT,
  last_poll_error TEXT,
  last_delivery BIGINT
);

-- The last occurrence of each timer that has been dealt with (run, or skipped as already past).
CREATE TABLE timer_state (
  task_name VARCHAR(64) NOT NULL,
  timer_name VARCHAR(64) NOT NULL,
  last_occurrence BIGINT NOT NULL,
  PRIMARY KEY (task_name, timer_name)
);

-- The base images each task was built on in its last successful run, with their digests.
CREATE TABLE base_images (
  task_name VARCHAR(64) NOT NULL,
  image VARCHAR(512) NOT NULL,
  registry VARCHAR(255) NOT NULL,
  repository VARCHAR(255) NOT NULL,
  tag VARCHAR(128) NOT NULL,
  digest VARCHAR(128),
  dependency_type VARCHAR(16) NOT NULL,
  last_checked BIGINT,
  PRIMARY KEY (task_name, image)
);
CREATE INDEX base_images_image ON base_images (registry, repository, tag);
