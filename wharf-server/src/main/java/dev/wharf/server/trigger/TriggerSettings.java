package dev.wharf.server.trigger;

import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskTriggers;

/** Checks a task's triggers before the task is saved, so that a bad one is refused at once. */
public final class TriggerSettings {
  private TriggerSettings() {}

  /** Throws an {@link IllegalArgumentException} saying what is wrong with the task's triggers. */
  public static void check(TaskDefinition task) {
    TaskTriggers triggers = task.triggers();
    for (TaskTriggers.TimerTrigger timer : triggers.timers()) {
      try {
        CronSchedule.parse(timer.schedule());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("timer " + timer.name() + ": " + e.getMessage(), e);
      }
    }
    TaskTriggers.SourceTrigger source = triggers.source();
    if (source != null && (source.commitEnabled() || source.pullRequestEnabled())) {
      if (task.context() == null || !TaskRepository.isRepository(task.context())) {
        throw new IllegalArgumentException(
            "a commit or pull-request trigger needs a git context (http(s)://…, file://…), not "
                + (task.context() == null ? "none" : TaskRepository.redacted(task.context())));
      }
    }
  }
}
