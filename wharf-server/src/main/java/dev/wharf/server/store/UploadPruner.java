package dev.wharf.server.store;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes uploaded contexts that no run claimed within {@link UploadLimits#unclaimedFor()}; a
 * claimed upload goes with its run's log (docs/security.md#limits).
 */
public final class UploadPruner {
  private static final Logger LOG = LoggerFactory.getLogger(UploadPruner.class);

  private final RunStore runs;
  private final BlobStore blobs;
  private final Duration unclaimedFor;
  private final Clock clock;

  /** A pruner of the uploads in {@code blobs} that no run of {@code db} claims. */
  public UploadPruner(Database db, BlobStore blobs, Duration unclaimedFor, Clock clock) {
    this.runs = new RunStore(db);
    this.blobs = blobs;
    this.unclaimedFor = unclaimedFor;
    this.clock = clock;
  }

  /** Prunes once; answers how many uploads were removed. */
  public int prune() {
    int removed = 0;
    for (String upload : blobs.uploadsBefore(clock.millis() - unclaimedFor.toMillis())) {
      if (!runs.claimsUpload(upload)) {
        blobs.deleteUpload(upload);
        removed++;
      }
    }
    if (removed > 0) {
      LOG.info("removed {} uploads no run claimed within {}", removed, unclaimedFor);
    }
    return removed;
  }
}
