package dev.wharf.server.trigger;

import dev.wharf.api.RunTrigger;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskStatus;
import dev.wharf.api.TaskTriggers.SourceTrigger;
import dev.wharf.engine.source.Redaction;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.TaskStore;
import dev.wharf.server.store.TriggerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the repositories of tasks with a commit trigger, for servers no forge can reach: asks the
 * remote for its branch heads ({@code ls-remote}) every task's interval, and queues a run when the
 * followed branch has a new head. The first poll only learns the head.
 */
public final class CommitPoller {
  private static final Logger LOG = LoggerFactory.getLogger(CommitPoller.class);
  private static final int TIMEOUT_SECONDS = 20;

  private final TaskStore tasks;
  private final TriggerStore state;
  private final RunQueue queue;
  private final Clock clock;

  /** A poller queuing on {@code queue}. */
  public CommitPoller(TaskStore tasks, TriggerStore state, RunQueue queue, Clock clock) {
    this.tasks = tasks;
    this.state = state;
    this.queue = queue;
    this.clock = clock;
  }

  /** Polls every task whose interval has passed; answers how many runs it queued. */
  public int check() {
    int queued = 0;
    for (TaskStore.SavedTask saved : tasks.all()) {
      TaskDefinition task = saved.definition();
      SourceTrigger source = task.triggers().source();
      if (source == null
          || !source.commitEnabled()
          || source.pollIntervalSeconds() == 0
          || task.status() != TaskStatus.Enabled
          || task.context() == null
          || !TaskRepository.isRepository(task.context())) {
        continue;
      }
      TriggerStore.SourceState last = state.sourceState(task.name());
      Instant now = clock.instant();
      if (last.lastPoll() != null
          && Duration.between(last.lastPoll(), now).toSeconds() < source.pollIntervalSeconds()) {
        continue;
      }
      queued += poll(task, source, last.lastCommit(), now) ? 1 : 0;
    }
    return queued;
  }

  private boolean poll(TaskDefinition task, SourceTrigger source, String known, Instant now) {
    TaskRepository repository = TaskRepository.of(task.context(), task.gitAccessToken());
    String branch = repository.branch(source.branch());
    String head;
    try {
      head = head(repository, branch);
    } catch (GitAPIException | RuntimeException e) {
      String reason = Redaction.redact(String.valueOf(e.getMessage()), repository.password());
      state.polled(task.name(), now, null, reason);
      LOG.warn(
          "polling {} for task {} failed: {}",
          Redaction.redact(repository.remote()),
          task.name(),
          reason);
      return false;
    }
    state.polled(task.name(), now, head, head == null ? "no branch " + branch : null);
    if (head == null || known == null || head.equals(known)) {
      return false;
    }
    var run =
        CommitRuns.queue(
            queue,
            task,
            CommitRuns.claimKey(task.name(), head),
            new RunTrigger.Source(
                "poll",
                RunTrigger.Source.COMMIT,
                Redaction.redact(repository.remote()),
                branch,
                head,
                null));
    run.ifPresent(
        r ->
            LOG.info(
                "polling found {} on {} of task {}: queued run {}",
                head,
                branch,
                task.name(),
                r.runId()));
    return run.isPresent();
  }

  /** The commit the remote's branch points to, null if there is no such branch. */
  static String head(TaskRepository repository, String branch) throws GitAPIException {
    Map<String, Ref> refs =
        Git.lsRemoteRepository()
            .setRemote(repository.remote())
            .setHeads(true)
            .setTimeout(TIMEOUT_SECONDS)
            .setCredentialsProvider(
                repository.user() == null
                    ? null
                    : new UsernamePasswordCredentialsProvider(
                        repository.user(), repository.password()))
            .callAsMap();
    Ref ref = refs.get("refs/heads/" + branch);
    return ref == null || ref.getObjectId() == null ? null : ref.getObjectId().name();
  }
}
