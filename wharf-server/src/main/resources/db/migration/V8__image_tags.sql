-- What the registries say each tracked base image tag points to now, learnt from their push
-- notifications or by polling. A task whose recorded base digest (base_images) differs from it is
-- rebuilt once per new digest (docs/triggers.md). Same conventions as V1.
CREATE TABLE image_tags (
  registry VARCHAR(255) NOT NULL,
  repository VARCHAR(255) NOT NULL,
  tag VARCHAR(128) NOT NULL,
  digest VARCHAR(128),
  seen_time BIGINT,
  source VARCHAR(16),
  last_poll BIGINT,
  last_poll_error TEXT,
  PRIMARY KEY (registry, repository, tag)
);
