package dev.wharf.server.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.Json;
import dev.wharf.api.Run;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskStatus;
import dev.wharf.api.TaskTriggers.SourceTrigger;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.TaskStore;
import dev.wharf.server.store.TriggerStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the forges' push and pull-request webhooks: finds the tasks following the repository,
 * checks the delivery's signature against each task's secret, and queues one run per task and
 * commit (a delivery sent again, or a commit also found by polling, queues nothing more).
 */
public final class WebhookReceiver {
  /** The largest payload read; forges send far less for a push. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
  private static final Map<String, WebhookFormat> FORMATS =
      Stream.of(
              new GitHubHook(),
              new GiteaHook(),
              new GitLabHook(),
              new BitbucketHook(),
              new AzureDevOpsHook())
          .collect(Collectors.toMap(WebhookFormat::provider, Function.identity()));

  private final TaskStore tasks;
  private final TriggerStore state;
  private final RunQueue queue;
  private final Clock clock;

  /** A receiver queuing on {@code queue}. */
  public WebhookReceiver(TaskStore tasks, TriggerStore state, RunQueue queue, Clock clock) {
    this.tasks = tasks;
    this.state = state;
    this.queue = queue;
    this.clock = clock;
  }

  /** The providers of {@code /api/v1/hooks/{provider}}. */
  public static Set<String> providers() {
    return FORMATS.keySet();
  }

  /**
   * Handles one delivery.
   *
   * @param headers looks a request header up by name (case-insensitive), null when absent
   */
  public Delivery receive(String provider, UnaryOperator<String> headers, byte[] body) {
    WebhookFormat format = FORMATS.get(provider);
    if (format == null) {
      return new Delivery(
          404, List.of(), "no webhook provider " + provider + "; use one of " + providers());
    }
    if (body.length > MAX_BODY_BYTES) {
      return new Delivery(413, List.of(), "a webhook payload is at most 1 MiB");
    }
    JsonNode payload;
    try {
      payload = Json.read(new String(body, StandardCharsets.UTF_8), JsonNode.class);
    } catch (IllegalArgumentException e) {
      return new Delivery(400, List.of(), "the payload is not JSON");
    }
    if (payload == null || !payload.isObject()) {
      return new Delivery(400, List.of(), "the payload is not a JSON object");
    }
    List<ForgeEvent> events = format.events(headers, payload);
    Set<String> keys = new HashSet<>();
    events.forEach(e -> e.repositoryUrls().forEach(url -> keys.add(TaskRepository.normalise(url))));
    List<TaskDefinition> verified = new ArrayList<>();
    for (TaskStore.SavedTask saved : tasks.all()) {
      TaskDefinition task = saved.definition();
      SourceTrigger source = task.triggers().source();
      if (source != null
          && source.webhookSecret() != null
          && task.context() != null
          && TaskRepository.isRepository(task.context())
          && keys.contains(TaskRepository.of(task.context()).key())
          && format.verify(headers, body, source.webhookSecret())) {
        verified.add(task);
      }
    }
    if (verified.isEmpty()) {
      LOG.warn(
          "refused a {} webhook: no task with a webhook secret for its repository verified it",
          provider);
      return new Delivery(
          401,
          List.of(),
          "the delivery's signature did not verify with the webhook secret of any task following"
              + " this repository");
    }
    List<String> queued = new ArrayList<>();
    for (TaskDefinition task : verified) {
      String head = events.isEmpty() ? null : events.get(events.size() - 1).commit();
      state.delivered(task.name(), clock.instant(), head);
      for (ForgeEvent event : events) {
        queue(task, event).ifPresent(run -> queued.add(run.runId()));
      }
    }
    return new Delivery(
        202,
        queued,
        queued.isEmpty()
            ? "accepted; nothing to run (other branch, event or already queued)"
            : "queued");
  }

  private Optional<Run> queue(TaskDefinition task, ForgeEvent event) {
    SourceTrigger source = task.triggers().source();
    TaskRepository repository = TaskRepository.of(task.context());
    boolean wanted = event.isPullRequest() ? source.pullRequestEnabled() : source.commitEnabled();
    if (!wanted
        || task.status() != TaskStatus.Enabled
        || !repository.branch(source.branch()).equals(event.targetBranch())
        || !event.commit().matches("[0-9a-fA-F]{7,64}")) {
      return Optional.empty();
    }
    String key =
        event.isPullRequest()
            ? "pr:" + task.name() + ":" + event.pullRequest() + ":" + event.commit()
            : CommitRuns.claimKey(task.name(), event.commit());
    Optional<Run> run =
        CommitRuns.queue(
            queue, task, key, event.trigger(TaskRepository.redacted(repository.remote())));
    run.ifPresent(
        r ->
            LOG.info(
                "{} webhook queued run {} of task {} for {} {}",
                event.provider(),
                r.runId(),
                task.name(),
                event.event(),
                event.commit()));
    return run;
  }

  /**
   * What a delivery led to.
   *
   * @param status the HTTP status to answer
   * @param runIds the runs queued
   */
  public record Delivery(int status, List<String> runIds, String message) {}
}
