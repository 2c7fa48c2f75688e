package dev.wharf.server.trigger;

import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskTriggers.TimerTrigger;
import dev.wharf.api.TriggerState;
import dev.wharf.server.store.TriggerStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        trackedImages(task));
  }

  private List<TriggerState.TrackedImage> trackedImages(TaskDefinition task) {
    Map<ImageTag, TriggerStore.TagState> tags = new HashMap<>();
    for (TriggerStore.TagState tag : store.tagStates()) {
      tags.put(new ImageTag(tag.registry(), tag.repository(), tag.tag()), tag);
    }
    List<TriggerState.TrackedImage> images = new ArrayList<>();
    for (TriggerStore.TrackedBase base : store.trackedImages(task.name())) {
      TriggerStore.TagState tag =
          tags.get(ImageTag.of(base.registry(), base.repository(), base.tag()));
      images.add(
          new TriggerState.TrackedImage(
              base.image(),
              base.digest(),
              base.type(),
              BaseImageUpdates.watched(task, base.type(), base.digest()),
              tag == null ? null : tag.digest(),
              tag == null ? null : tag.seen(),
              tag == null ? null : tag.source(),
              tag == null ? null : tag.lastPoll(),
              tag == null ? null : tag.lastPollError()));
    }
    return images;
  }
}
