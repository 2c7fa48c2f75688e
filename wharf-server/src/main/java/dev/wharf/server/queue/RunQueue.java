package dev.wharf.server.queue;

import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.Json;
import dev.wharf.api.OutputImage;
import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunType;
import dev.wharf.api.StepTiming;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.SecretBox;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The queue of runs, kept in the runs table: enqueue, claim (exactly one claimant, also across
 * servers sharing a database), heartbeat, cancel and finish. The table's SQL is {@link RunStore}'s.
 */
public final class RunQueue {
  private static final Pattern PREFIX = Pattern.compile("[a-z]{2}");

  private final RunStore runs;
  private final SecretBox box;
  private final String prefix;
  private final Clock clock;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** A queue whose run IDs start with {@code prefix} (two lower-case letters). */
  public RunQueue(Database db, SecretBox box, String prefix, Clock clock) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("a run ID prefix is two lower-case letters: " + prefix);
    }
    this.runs = new RunStore(db);
    this.box = box;
    this.prefix = prefix;
    this.clock = clock;
  }

  /** Calls {@code listener} after each enqueue, so that idle local agents wake at once. */
  public void onEnqueue(Runnable listener) {
    listeners.add(listener);
  }

  /** Queues a run of {@code spec}; secrets in the spec are sealed before storage. */
  public Run enqueue(RunType type, String task, String trigger, RunSpec spec) {
    String sealed = box.seal(Json.write(spec));
    Run run = runs.insert(prefix, type, task, trigger, spec, sealed, clock.millis());
    listeners.forEach(Runnable::run);
    return run;
  }

  /**
   * Queues a new run of what {@code runId} ran (same type, task and spec, secrets included), as a
   * manual run; empty when there is no such run.
   */
  public Optional<Run> rerun(String runId) {
    Optional<ClaimedRun> original =
        runs.withSealedSpec(runId)
            .map(c -> new ClaimedRun(c.run(), Json.read(box.open(c.sealedSpec()), RunSpec.class)));
    return original.map(o -> enqueue(o.run().runType(), o.run().task(), "Manual", o.spec()));
  }

  /** Claims the oldest queued run for {@code agent}, moving it to {@code Started}. */
  public Optional<ClaimedRun> claim(String agent) {
    return runs.claimOldest(agent, clock.millis())
        .map(c -> new ClaimedRun(c.run(), Json.read(box.open(c.sealedSpec()), RunSpec.class)));
  }

  /** Moves a claimed run from {@code Started} to {@code Running}. */
  public void markRunning(String runId) {
    runs.markRunning(runId, clock.millis());
  }

  /** Records that {@code agent} is still working on {@code runIds}. */
  public void heartbeat(String agent, Collection<String> runIds) {
    // a copy, since the caller's live set may empty between the check and the bind
    runs.heartbeat(agent, List.copyOf(runIds), clock.millis());
  }

  /**
   * Finishes an active run with its outcome; false if it had already ended (for example because it
   * was declared lost), in which case nothing is changed.
   */
  public boolean finish(
      String runId,
      RunStatus status,
      String errorMessage,
      List<OutputImage> outputImages,
      List<BaseImageDependency> dependencies,
      List<StepTiming> steps) {
    if (!status.isTerminal()) {
      throw new IllegalArgumentException("not a final status: " + status);
    }
    return runs.finish(
        runId, status, errorMessage, outputImages, dependencies, steps, clock.millis());
  }

  /**
   * Cancels a run: a queued one ends {@code Canceled} at once, an active one is flagged for its
   * agent to stop. Answers the run as it is now, empty if there is no such run.
   */
  public Optional<Run> cancel(String runId) {
    return runs.cancel(runId, clock.millis());
  }

  /** Which of {@code runIds} somebody asked to cancel. */
  public List<String> cancelRequested(Collection<String> runIds) {
    return runs.cancelRequested(List.copyOf(runIds));
  }

  /**
   * Ends as {@code Error} the active runs whose agent is gone: those of {@code agent} (this server
   * restarted) and those whose agent has not sent a heartbeat since {@code staleBefore}. Answers
   * their run IDs.
   */
  public List<String> failLost(String agent, long staleBefore) {
    return runs.failLost(
        agent,
        staleBefore,
        "the agent executing this run stopped before it finished (server restarted or agent lost)",
        clock.millis());
  }

  /** How many runs wait for an agent. */
  public long length() {
    return runs.queued();
  }
}
