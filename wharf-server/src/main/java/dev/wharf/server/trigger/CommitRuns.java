package dev.wharf.server.trigger;

import dev.wharf.api.Run;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskRunOverrides;
import dev.wharf.server.queue.RunQueue;
import java.util.Optional;

/** Queues a task's run at exactly one commit, once per task and commit however it was learnt. */
final class CommitRuns {
  private CommitRuns() {}

  /** The claim of a commit for a task: webhooks and polling share it, so it runs once. */
  static String claimKey(String task, String commit) {
    return "commit:" + task + ":" + commit.toLowerCase(java.util.Locale.ROOT);
  }

  static Optional<Run> queue(
      RunQueue queue, TaskDefinition task, String claimKey, RunTrigger.Source trigger) {
    TaskRunOverrides atCommit =
        new TaskRunOverrides(
            TaskRepository.contextAt(task.context(), trigger.commit()), null, null, null, null);
    return queue.enqueueOnce(claimKey, task, trigger, task.runSpec(atCommit, true));
  }
}
