-- `wharf task update-run --no-archive false` (az acr task update-run): an archived run keeps its
-- log and uploaded context past the log retention; the run records themselves are never pruned.
ALTER TABLE runs ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
