package dev.wharf.server.logs;

import dev.wharf.server.store.BlobStore;
import dev.wharf.server.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes the logs and uploaded sources of runs that ended longer ago than the retention. */
public final class LogPruner {
  private static final Logger LOG = LoggerFactory.getLogger(LogPruner.class);

  private final Database db;
  private final BlobStore blobs;
  private final Duration retention;
  private final Clock clock;

  /** A pruner keeping logs for {@code retention}. */
  public LogPruner(Database db, BlobStore blobs, Duration retention, Clock clock) {
    this.db = db;
    this.blobs = blobs;
    this.retention = retention;
    this.clock = clock;
  }

  /** Prunes once; answers how many runs lost their log. */
  public int prune() {
    long cutoff = clock.millis() - retention.toMillis();
    List<Expired> expired =
        db.read(
            handle ->
                handle
                    .createQuery(
                        "SELECT run_id, context_blob FROM runs WHERE log_pruned = 0"
                            + " AND finish_time IS NOT NULL AND finish_time < :cutoff")
                    .bind("cutoff", cutoff)
                    .map((rs, ctx) -> new Expired(rs.getString(1), rs.getString(2)))
                    .list());
    for (Expired run : expired) {
      blobs.deleteLog(run.runId());
      if (run.upload() != null) {
        blobs.deleteUpload(run.upload());
      }
      db.write(
          handle ->
              handle
                  .createUpdate("UPDATE runs SET log_pruned = 1 WHERE run_id = :runId")
                  .bind("runId", run.runId())
                  .execute());
    }
    if (!expired.isEmpty()) {
      LOG.info("pruned the logs of {} runs older than {}", expired.size(), retention);
    }
    return expired.size();
  }

  private record Expired(String runId, String upload) {}
}
