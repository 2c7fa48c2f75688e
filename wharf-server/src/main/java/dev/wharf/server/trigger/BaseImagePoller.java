package dev.wharf.server.trigger;

import dev.wharf.api.RegistryCredential;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskStatus;
import dev.wharf.engine.source.Redaction;
import dev.wharf.server.store.TaskStore;
import dev.wharf.server.store.TriggerStore;
import dev.wharf.server.store.TriggerStore.TagState;
import dev.wharf.server.store.TriggerStore.TrackedBase;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the registries of watched base images for their tags' digests, for registries that cannot
 * notify: each tag once per interval however many tasks track it, with the registry credential of a
 * task that tracks it. What it finds is recorded like a notification, then {@link BaseImageUpdates}
 * queues the runs.
 */
public final class BaseImagePoller {
  /** The source of a digest learnt by polling. */
  public static final String POLL = "poll";

  private static final Logger LOG = LoggerFactory.getLogger(BaseImagePoller.class);

  private final TaskStore tasks;
  private final TriggerStore state;
  private final BaseImageUpdates updates;
  private final Duration interval;
  private final Clock clock;
  private final ManifestDigests registries = new ManifestDigests();

  /** A poller asking every {@code interval} (zero: never). */
  public BaseImagePoller(
      TaskStore tasks,
      TriggerStore state,
      BaseImageUpdates updates,
      Duration interval,
      Clock clock) {
    this.tasks = tasks;
    this.state = state;
    this.updates = updates;
    this.interval = interval;
    this.clock = clock;
  }

  /** Polls each watched tag whose interval has passed; answers how many it asked about. */
  public int check() {
    if (interval.isZero() || interval.isNegative()) {
      return 0;
    }
    Map<String, TaskDefinition> byName = new HashMap<>();
    tasks.all().forEach(saved -> byName.put(saved.definition().name(), saved.definition()));
    Map<ImageTag, RegistryCredential> due = new LinkedHashMap<>();
    Map<ImageTag, Instant> lastPolls = new HashMap<>();
    for (TagState tag : state.tagStates()) {
      if (tag.lastPoll() != null) {
        lastPolls.put(new ImageTag(tag.registry(), tag.repository(), tag.tag()), tag.lastPoll());
      }
    }
    Instant now = clock.instant();
    for (TrackedBase base : state.allTrackedImages()) {
      TaskDefinition task = byName.get(base.task());
      if (task == null
          || task.status() != TaskStatus.Enabled
          || !BaseImageUpdates.watched(task, base.type(), base.digest())) {
        continue;
      }
      ImageTag image = ImageTag.of(base.registry(), base.repository(), base.tag());
      Instant last = lastPolls.get(image);
      if (last != null && Duration.between(last, now).compareTo(interval) < 0) {
        continue;
      }
      RegistryCredential credential = credential(task, image);
      if (!due.containsKey(image) || due.get(image) == null) {
        due.put(image, credential);
      }
    }
    due.forEach((image, credential) -> poll(image, credential, now));
    if (!due.isEmpty()) {
      updates.check();
    }
    return due.size();
  }

  private void poll(ImageTag image, RegistryCredential credential, Instant now) {
    try {
      String digest = registries.digest(image, credential);
      state.tagSeen(image.registry(), image.repository(), image.tag(), digest, now, POLL);
      state.tagPolled(image.registry(), image.repository(), image.tag(), now, null);
    } catch (IOException | RuntimeException e) {
      // the JDK's HTTP client fails a refused or unreachable connection without a message
      String message =
          e.getMessage() == null
              ? "cannot reach " + image.registry() + " (" + e.getClass().getSimpleName() + ")"
              : e.getMessage();
      String reason =
          credential == null ? message : Redaction.redact(message, credential.password());
      state.tagPolled(image.registry(), image.repository(), image.tag(), now, reason);
      LOG.warn("polling the digest of {} failed: {}", image, reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The task's credential for the image's registry, null when it has none. */
  private static RegistryCredential credential(TaskDefinition task, ImageTag image) {
    for (RegistryCredential credential : task.credentials()) {
      if (credential.loginServer() != null
          && ImageTag.host(credential.loginServer()).equals(image.registry())
          && credential.password() != null) {
        return credential;
      }
    }
    return null;
  }
}
