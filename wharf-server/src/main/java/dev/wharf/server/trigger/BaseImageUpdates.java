package dev.wharf.server.trigger;

import dev.wharf.api.Run;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskRunOverrides;
import dev.wharf.api.TaskStatus;
import dev.wharf.api.TaskTriggers.BaseImageTrigger;
import dev.wharf.api.TaskTriggers.BaseImageTriggerType;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.TaskStore;
import dev.wharf.server.store.TriggerStore;
import dev.wharf.server.store.TriggerStore.TagState;
import dev.wharf.server.store.TriggerStore.TrackedBase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues the runs of tasks whose base image has a new digest: for each base image a task tracks
 * (with the digest its last successful run used), compares it with the digest the registry last
 * announced or polling found, and queues one run per task, image and new digest. A task with a run
 * queued or running is looked at again when that run ends (it may have used the new digest), and a
 * digest that one of the task's own runs pushed never runs the task again (no loop when a task
 * builds on its own output).
 */
public final class BaseImageUpdates {
  private static final Logger LOG = LoggerFactory.getLogger(BaseImageUpdates.class);

  private final TaskStore tasks;
  private final TriggerStore state;
  private final RunStore runs;
  private final RunQueue queue;
  private final Clock clock;

  /** Updates queued on {@code queue}. */
  public BaseImageUpdates(
      TaskStore tasks, TriggerStore state, RunStore runs, RunQueue queue, Clock clock) {
    this.tasks = tasks;
    this.state = state;
    this.runs = runs;
    this.queue = queue;
    this.clock = clock;
  }

  /** The claim of a new digest of an image for a task: one run however often it is announced. */
  static String claimKey(String task, ImageTag image, String digest) {
    return "image:" + task + ":" + image + "@" + digest.toLowerCase(Locale.ROOT);
  }

  /** Whether a tracked image of a task is watched for new digests under its trigger. */
  static boolean watched(TaskDefinition task, String type, String digest) {
    BaseImageTrigger trigger = task.triggers().baseImage();
    return trigger.enabled()
        && digest != null
        && (trigger.type() == BaseImageTriggerType.All || "RunTime".equals(type));
  }

  /** Compares every watched base image with what its registry said; answers the runs queued. */
  public synchronized List<Run> check() {
    Map<ImageTag, String> latest = new HashMap<>();
    for (TagState tag : state.tagStates()) {
      if (tag.digest() != null) {
        latest.put(new ImageTag(tag.registry(), tag.repository(), tag.tag()), tag.digest());
      }
    }
    List<Run> queued = new ArrayList<>();
    if (latest.isEmpty()) {
      return queued;
    }
    Map<String, TaskDefinition> byName = new HashMap<>();
    tasks.all().forEach(saved -> byName.put(saved.definition().name(), saved.definition()));
    for (TrackedBase base : state.allTrackedImages()) {
      TaskDefinition task = byName.get(base.task());
      if (task == null
          || task.status() != TaskStatus.Enabled
          || !watched(task, base.type(), base.digest())) {
        continue;
      }
      ImageTag image = ImageTag.of(base.registry(), base.repository(), base.tag());
      String digest = latest.get(image);
      if (digest == null || digest.equalsIgnoreCase(base.digest())) {
        continue;
      }
      update(task, base, image, digest).ifPresent(queued::add);
    }
    return queued;
  }

  private Optional<Run> update(
      TaskDefinition task, TrackedBase base, ImageTag image, String digest) {
    String key = claimKey(task.name(), image, digest);
    if (state.claimed(key) || runs.hasActiveRun(task.name())) {
      // an active run may be the one that pushes this digest, or may build on it: decided after
      return Optional.empty();
    }
    if (runs.pushed(task.name(), digest)) {
      if (state.claimWithoutRun(key, task.name(), clock.millis())) {
        LOG.info(
            "{} of task {} is now {}, which the task pushed itself; not running it again",
            base.image(),
            task.name(),
            digest);
      }
      return Optional.empty();
    }
    Optional<Run> run =
        queue.enqueueOnce(
            key,
            task,
            new RunTrigger.ImageUpdate(base.image(), base.digest(), digest),
            task.runSpec(TaskRunOverrides.none(), true));
    run.ifPresent(
        r ->
            LOG.info(
                "base image {} of task {} moved from {} to {}: queued run {}",
                base.image(),
                task.name(),
                base.digest(),
                digest,
                r.runId()));
    return run;
  }
}
