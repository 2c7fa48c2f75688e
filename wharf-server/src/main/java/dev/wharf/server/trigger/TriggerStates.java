package dev.wharf.server.trigger;

import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskTriggers.TimerTrigger;
import dev.wharf.api.TriggerState;
import dev.wharf.server.store.TriggerStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads what a task's triggers last did, for {@code wharf task show}. */
public final class TriggerStates {
  private final TriggerStore store;
  private final Clock clock;

  /** States read from {@code store}, next occurrences computed from {@code clock}. */
  public TriggerStates(TriggerStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The state of the triggers of {@code task}. */
  public TriggerState of(TaskDefinition task) {
    Instant now = clock.instant();
    List<TriggerState.TimerState> timers = new ArrayList<>();
    for (TimerTrigger timer : task.triggers().timers()) {
      Instant next = null;
      try {
        next = CronSchedule.parse(timer.schedule()).nextAfter(now).orElse(null);
      } catch (IllegalArgumentException e) {
        // a schedule is checked when it is saved; an unreadable one simply has no next occurrence
      }
      timers.add(
          new TriggerState.TimerState(
              timer.name(),
              timer.schedule(),
              timer.enabled(),
              timer.enabled() ? next : null,
              store.timerLast(task.name(), timer.name()).orElse(null)));
    }
    TriggerStore.SourceState source = store.sourceState(task.name());
    return new TriggerState(
        source.lastPoll(),
        source.lastPollError(),
        source.lastDelivery(),
        source.lastCommit(),
        timers,
        store.trackedImages(task.name()));
  }
}
