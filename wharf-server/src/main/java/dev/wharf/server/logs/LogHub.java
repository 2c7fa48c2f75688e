package dev.wharf.server.logs;

import dev.wharf.api.AgentWire;
import dev.wharf.api.Run;
import dev.wharf.api.RunStatus;
import dev.wharf.engine.output.Utf8Boundary;
import dev.wharf.server.queue.Wakeups;
import dev.wharf.server.store.BlobStore;
import dev.wharf.server.store.RunStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Run logs: stored as they are appended and handed to any number of followers, who read from the
 * store so that a late follower gets the log from the start and then live.
 */
public final class LogHub {
  /**
   * The longest line stored, in UTF-8 bytes: a longer line is stored as several, each piece after
   * the first starting with {@link #CONTINUED}, so no line is cut and every read returns whole
   * lines.
   */
  public static final int MAX_LINE_BYTES = 16 * 1024;

  /** Starts each stored piece of a line that was longer than {@link #MAX_LINE_BYTES}. */
  public static final String CONTINUED = "[continued] ";

  private static final int CHUNK = 64 * 1024;
  private static final long WAIT_MILLIS = 200;
  private static final long STATUS_CHECK_MILLIS = 500;

  private final BlobStore blobs;
  private final RunStore runs;
  private final Wakeups wakeups;

  /** A hub over the blob store, asking the run store whether a run has ended. */
  public LogHub(BlobStore blobs, RunStore runs) {
    this(blobs, runs, Wakeups.local());
  }

  /**
   * A hub over the blob store whose followers wake on {@code wakeups}, so that they see lines other
   * servers store as soon as they are stored.
   */
  public LogHub(BlobStore blobs, RunStore runs, Wakeups wakeups) {
    this.blobs = blobs;
    this.runs = runs;
    this.wakeups = wakeups;
  }

  /** Stores one line of a run's log (already masked) and wakes the followers. */
  public void append(String runId, String line) {
    appendLines(runId, List.of(line));
  }

  /**
   * Stores lines of a run's log (already masked) as one write and wakes the followers; a line over
   * {@link #MAX_LINE_BYTES} is stored as marked pieces.
   */
  public void appendLines(String runId, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    byte[] marker = CONTINUED.getBytes(StandardCharsets.UTF_8);
    for (String line : lines) {
      byte[] bytes = AgentWire.LogBatch.stored(line).getBytes(StandardCharsets.UTF_8);
      int from = 0;
      do {
        int room = from == 0 ? MAX_LINE_BYTES : MAX_LINE_BYTES - marker.length;
        int end = Math.min(bytes.length, from + room);
        if (end < bytes.length) {
          end = from + Utf8Boundary.completeLength(Arrays.copyOfRange(bytes, from, end));
        }
        if (from > 0) {
          stored.writeBytes(marker);
        }
        stored.write(bytes, from, end - from);
        stored.write('\n');
        from = end;
      } while (from < bytes.length);
    }
    blobs.appendLog(runId, stored.toByteArray());
    wake();
  }

  /** Wakes the followers, e.g. because a run ended. */
  public void wake() {
    wakeups.publish(Wakeups.Topic.LOG);
  }

  /**
   * Feeds {@code follower} the log of {@code runId} from {@code offset} until the run has ended and
   * all of its log was sent, and answers the final status; empty when the run does not exist.
   * Followers of runs executed by another server see the lines as that server stores them.
   */
  public Optional<RunStatus> follow(String runId, long offset, LogFollower follower)
      throws IOException, InterruptedException {
    long position = offset;
    long nextStatusCheck = 0;
    RunStatus status = null;
    while (true) {
      long now = System.currentTimeMillis();
      long seen = wakeups.version(Wakeups.Topic.LOG);
      if (status == null || now >= nextStatusCheck) {
        Optional<Run> run = runs.find(runId);
        if (run.isEmpty()) {
          return Optional.empty();
        }
        status = run.get().status();
        nextStatusCheck = now + STATUS_CHECK_MILLIS;
      }
      // the executor stores every line before the run's final status, so once the status is
      // terminal an empty read means the log is complete
      byte[] lines = blobs.readLines(runId, position, CHUNK);
      if (lines.length > 0) {
        position += lines.length;
        follower.lines(lines, position);
        continue;
      }
      if (status.isTerminal()) {
        return Optional.of(status);
      }
      wakeups.await(Wakeups.Topic.LOG, seen, WAIT_MILLIS);
      nextStatusCheck = Math.min(nextStatusCheck, System.currentTimeMillis() + WAIT_MILLIS);
    }
  }

  /** The stored log of a run from {@code offset}, without waiting. */
  public byte[] read(String runId, long offset) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    long position = offset;
    byte[] lines;
    while ((lines = blobs.readLines(runId, position, CHUNK)).length > 0) {
      log.writeBytes(lines);
      position += lines.length;
    }
    return log.toByteArray();
  }
}
