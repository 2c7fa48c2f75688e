package dev.wharf.server.trigger;

import dev.wharf.api.RunTrigger;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskRunOverrides;
import dev.wharf.api.TaskStatus;
import dev.wharf.api.TaskTriggers.TimerTrigger;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.TaskStore;
import dev.wharf.server.store.TriggerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on their timers. Each check looks at every timer's latest occurrence: one not dealt
 * with yet queues one run, claimed in the database so that servers sharing it queue it once. After
 * a stop only the latest missed occurrence runs, once, and the log says it was missed.
 */
public final class TimerScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(TimerScheduler.class);

  /** An occurrence older than this when it is first seen was missed, not just reached. */
  private static final Duration LATE = Duration.ofSeconds(30);

  private final TaskStore tasks;
  private final TriggerStore state;
  private final RunQueue queue;
  private final Clock clock;

  /** A scheduler queuing on {@code queue}, telling time by {@code clock}. */
  public TimerScheduler(TaskStore tasks, TriggerStore state, RunQueue queue, Clock clock) {
    this.tasks = tasks;
    this.state = state;
    this.queue = queue;
    this.clock = clock;
  }

  /** Checks every timer once; answers how many runs it queued. */
  public int check() {
    Instant now = clock.instant();
    int queued = 0;
    for (TaskStore.SavedTask saved : tasks.all()) {
      TaskDefinition task = saved.definition();
      for (TimerTrigger timer : task.triggers().timers()) {
        try {
          queued += check(task, saved.updateTime(), timer, now) ? 1 : 0;
        } catch (RuntimeException e) {
          LOG.warn("timer {} of task {} could not be checked", timer.name(), task.name(), e);
        }
      }
    }
    return queued;
  }

  private boolean check(TaskDefinition task, Instant updated, TimerTrigger timer, Instant now) {
    CronSchedule schedule = CronSchedule.parse(timer.schedule());
    Optional<Instant> latest = schedule.lastAtOrBefore(now);
    if (latest.isEmpty()) {
      return false;
    }
    Instant occurrence = latest.get();
    // a timer never seen before starts from the last change of its task: earlier occurrences
    // were before it existed
    Instant done =
        state
            .timerLast(task.name(), timer.name())
            .orElseGet(() -> schedule.lastAtOrBefore(updated).orElse(Instant.EPOCH));
    if (!occurrence.isAfter(done)) {
      return false;
    }
    boolean active = timer.enabled() && task.status() == TaskStatus.Enabled;
    boolean queued = false;
    if (active) {
      boolean missed = Duration.between(occurrence, now).compareTo(LATE) > 0;
      var run =
          queue.enqueueOnce(
              "timer:" + task.name() + ":" + timer.name() + ":" + occurrence.toEpochMilli(),
              task,
              new RunTrigger.Timer(timer.name(), occurrence),
              task.runSpec(TaskRunOverrides.none(), true));
      queued = run.isPresent();
      if (queued && missed) {
        LOG.info(
            "Timer {} of task {} missed its occurrence {} while the server was not running;"
                + " running it once now as run {}",
            timer.name(),
            task.name(),
            occurrence,
            run.get().runId());
      } else if (queued) {
        LOG.info(
            "Timer {} of task {} queued run {} for {}",
            timer.name(),
            task.name(),
            run.get().runId(),
            occurrence);
      }
    }
    state.timerDone(task.name(), timer.name(), occurrence);
    return queued;
  }
}
