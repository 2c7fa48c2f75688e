package dev.wharf.server.trigger;

import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.TaskStore;
import dev.wharf.server.store.TriggerStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's triggers: timers, polled repositories and base images checked every second on
 * background threads, the forges' webhook receiver and the registries' notification receiver.
 */
public final class Triggers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Triggers.class);
  private static final Duration TICK = Duration.ofSeconds(1);

  private final TriggerStore store;
  private final TimerScheduler timers;
  private final CommitPoller poller;
  private final WebhookReceiver webhooks;
  private final BaseImageUpdates imageUpdates;
  private final BaseImagePoller imagePoller;
  private final RegistryHookReceiver registryHooks;
  private final TriggerStates states;
  private final ScheduledExecutorService ticker;

  private Triggers(
      TaskStore tasks,
      TriggerStore store,
      RunStore runs,
      RunQueue queue,
      Clock clock,
      BaseImageSettings baseImages) {
    this.store = store;
    this.timers = new TimerScheduler(tasks, store, queue, clock);
    this.poller = new CommitPoller(tasks, store, queue, clock);
    this.webhooks = new WebhookReceiver(tasks, store, queue, clock);
    this.imageUpdates = new BaseImageUpdates(tasks, store, runs, queue, clock);
    this.imagePoller =
        new BaseImagePoller(tasks, store, imageUpdates, baseImages.pollInterval(), clock);
    this.registryHooks =
        new RegistryHookReceiver(baseImages.hookHeader(), store, imageUpdates, clock);
    this.states = new TriggerStates(store, clock);
    this.ticker =
        Executors.newScheduledThreadPool(
            3,
            r -> {
              Thread thread = new Thread(r, "wharf-triggers");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts checking the triggers of the tasks in {@code tasks}; missed timers run at once. */
  public static Triggers start(
      TaskStore tasks,
      TriggerStore store,
      RunStore runs,
      RunQueue queue,
      Clock clock,
      BaseImageSettings baseImages) {
    Triggers triggers = new Triggers(tasks, store, runs, queue, clock, baseImages);
    // polls may wait on slow remotes; they get their own thread so timers stay on time
    var unusedTimers =
        triggers.ticker.scheduleWithFixedDelay(
            () -> triggers.tick("timers", triggers.timers::check),
            0,
            TICK.toMillis(),
            TimeUnit.MILLISECONDS);
    var unusedPolls =
        triggers.ticker.scheduleWithFixedDelay(
            () -> triggers.tick("polled repositories", triggers.poller::check),
            0,
            TICK.toMillis(),
            TimeUnit.MILLISECONDS);
    // base images: updates deferred while a task ran are decided here, and slow registries
    // being polled keep neither timers nor repositories waiting
    var unusedImages =
        triggers.ticker.scheduleWithFixedDelay(
            () ->
                triggers.tick(
                    "base images",
                    () -> {
                      triggers.imagePoller.check();
                      triggers.imageUpdates.check();
                    }),
            TICK.toMillis(),
            TICK.toMillis(),
            TimeUnit.MILLISECONDS);
    return triggers;
  }

  private void tick(String what, Runnable check) {
    try {
      check.run();
    } catch (RuntimeException e) {
      LOG.warn("checking the {} failed; they are checked again in a second", what, e);
    }
  }

  /** The receiver of the forges' webhooks. */
  public WebhookReceiver webhooks() {
    return webhooks;
  }

  /** The receiver of the registries' push notifications. */
  public RegistryHookReceiver registryHooks() {
    return registryHooks;
  }

  /** What the triggers of tasks last did. */
  public TriggerStates states() {
    return states;
  }

  /** Forgets what the triggers of a deleted task remembered. */
  public void forget(String task) {
    store.forget(task);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
