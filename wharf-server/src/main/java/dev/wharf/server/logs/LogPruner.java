package dev.wharf.server.logs;

import dev.wharf.server.store.BlobStore;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.RunStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes the logs and uploaded sources of runs that ended longer ago than the retention. */
public final class LogPruner {
  private static final Logger LOG = LoggerFactory.getLogger(LogPruner.class);

  private final RunStore runs;
  private final BlobStore blobs;
  private final Duration retention;
  private final Clock clock;

  /** A pruner keeping logs for {@code retention}. */
  public LogPruner(Database db, BlobStore blobs, Duration retention, Clock clock) {
    this.runs = new RunStore(db);
    this.blobs = blobs;
    this.retention = retention;
    this.clock = clock;
  }

  /** Prunes once; answers how many runs lost their log. */
  public int prune() {
    long cutoff = clock.millis() - retention.toMillis();
    List<RunStore.Expired> expired = runs.expiredLogs(cutoff);
    for (RunStore.Expired run : expired) {
      blobs.deleteLog(run.runId());
      if (run.upload() != null) {
        blobs.deleteUpload(run.upload());
      }
      runs.markLogPruned(run.runId());
    }
    if (!expired.isEmpty()) {
      LOG.info("pruned the logs of {} runs older than {}", expired.size(), retention);
    }
    return expired.size();
  }
}
