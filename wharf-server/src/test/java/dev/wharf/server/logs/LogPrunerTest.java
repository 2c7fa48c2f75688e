package dev.wharf.server.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.BlobStore;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.FileBlobStore;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.SecretBox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogPrunerTest {
  @TempDir Path dir;

  @Test
  void prune_logOlderThanRetention_isDeletedAndTheRunMarked() {
    try (Database db = Database.open(Database.sqliteUrl(dir))) {
      BlobStore blobs = new FileBlobStore(dir);
      RunQueue queue =
          new RunQueue(db, SecretBox.openOrCreate(dir.resolve("k")), "wa", Clock.systemUTC());
      Run old = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
      Run running = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
      queue.claim(dev.wharf.server.queue.Claimant.named("a"));
      queue.claim(dev.wharf.server.queue.Claimant.named("a"));
      queue.finish(old.runId(), RunStatus.Succeeded, null, List.of(), List.of(), List.of());
      blobs.appendLog(old.runId(), "done\n".getBytes(StandardCharsets.UTF_8));
      blobs.appendLog(running.runId(), "going\n".getBytes(StandardCharsets.UTF_8));
      Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(31)), ZoneOffset.UTC);

      int pruned = new LogPruner(db, blobs, Duration.ofDays(30), later).prune();

      assertThat(pruned).isEqualTo(1);
      assertThat(blobs.hasLog(old.runId())).isFalse();
      assertThat(blobs.hasLog(running.runId())).isTrue();
      assertThat(new RunStore(db).find(old.runId()).orElseThrow().logPruned()).isTrue();
    }
  }

  @Test
  void prune_archivedRun_keepsItsLogUntilUnarchived() {
    try (Database db = Database.open(Database.sqliteUrl(dir))) {
      BlobStore blobs = new FileBlobStore(dir);
      RunQueue queue =
          new RunQueue(db, SecretBox.openOrCreate(dir.resolve("k")), "wa", Clock.systemUTC());
      Run run = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
      queue.claim(dev.wharf.server.queue.Claimant.named("a"));
      queue.finish(run.runId(), RunStatus.Succeeded, null, List.of(), List.of(), List.of());
      blobs.appendLog(run.runId(), "kept\n".getBytes(StandardCharsets.UTF_8));
      RunStore runs = new RunStore(db);
      Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(31)), ZoneOffset.UTC);
      LogPruner pruner = new LogPruner(db, blobs, Duration.ofDays(30), later);

      boolean archived = runs.setArchived(run.runId(), true);
      int whileArchived = pruner.prune();
      boolean shownArchived = runs.find(run.runId()).orElseThrow().archived();
      runs.setArchived(run.runId(), false);
      int afterwards = pruner.prune();

      assertThat(archived).isTrue();
      assertThat(whileArchived).isZero();
      assertThat(shownArchived).isTrue();
      assertThat(afterwards).isEqualTo(1);
      assertThat(blobs.hasLog(run.runId())).isFalse();
      assertThat(runs.setArchived("no-such-run", true)).isFalse();
    }
  }

  @Test
  void prune_withinRetention_keepsTheLog() {
    try (Database db = Database.open(Database.sqliteUrl(dir))) {
      BlobStore blobs = new FileBlobStore(dir);
      RunQueue queue =
          new RunQueue(db, SecretBox.openOrCreate(dir.resolve("k")), "wa", Clock.systemUTC());
      Run run = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
      queue.claim(dev.wharf.server.queue.Claimant.named("a"));
      queue.finish(run.runId(), RunStatus.Failed, "x", List.of(), List.of(), List.of());

      assertThat(new LogPruner(db, blobs, Duration.ofDays(30), Clock.systemUTC()).prune()).isZero();
    }
  }
}
