package dev.wharf.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One step as the scheduler sees it: its place in the graph, its timing and retry policy, and the
 * action that runs it.
 *
 * @param parents ids of the steps that must succeed before this one starts (empty: starts at once)
 * @param timeout deadline covering every attempt and repeat, not the start delay
 * @param retryOnErrors retry only when an attempt's output or error contains one of these; empty
 *     retries on any error
 * @param repeat how many times the whole attempt loop runs again, regardless of failures
 * @param container whether each attempt runs one container announced by acb's {@code Launching
 *     container} lines (cmd and build steps; false for push steps)
 * @param workingDirectory and {@code network} are only shown in the {@code Executing step ID} line
 */
public record StepJob(
    String id,
    Set<String> parents,
    Duration timeout,
    Duration startDelay,
    int retries,
    Duration retryDelay,
    List<String> retryOnErrors,
    int repeat,
    boolean ignoreErrors,
    boolean detach,
    boolean container,
    String workingDirectory,
    String network,
    StepAction action) {

  /** acb's default step timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

  public StepJob {
    Objects.requireNonNull(id, "id cannot be null");
    parents = Set.copyOf(parents);
    Objects.requireNonNull(timeout, "timeout cannot be null");
    Objects.requireNonNull(startDelay, "startDelay cannot be null");
    Objects.requireNonNull(retryDelay, "retryDelay cannot be null");
    retryOnErrors = List.copyOf(retryOnErrors);
    workingDirectory = Objects.requireNonNullElse(workingDirectory, "");
    network = Objects.requireNonNullElse(network, "");
    Objects.requireNonNull(action, "action cannot be null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout of step " + id + " must be positive: " + timeout);
    }
    if (retries < 0 || repeat < 0) {
      throw new IllegalArgumentException(
          "retries and repeat of step " + id + " cannot be negative");
    }
    if (parents.contains(id)) {
      throw new IllegalArgumentException("step " + id + " cannot depend on itself");
    }
  }

  /** A container step with acb's defaults: 600 s timeout, no delay, no retries, no repeat. */
  public static StepJob of(String id, Set<String> parents, StepAction action) {
    return new StepJob(
        id,
        parents,
        DEFAULT_TIMEOUT,
        Duration.ZERO,
        0,
        Duration.ZERO,
        List.of(),
        0,
        false,
        false,
        true,
        "",
        "",
        action);
  }

  public StepJob withTimeout(Duration newTimeout) {
    return copy(
        c -> {
          c.timeout = newTimeout;
        });
  }

  public StepJob withStartDelay(Duration delay) {
    return copy(
        c -> {
          c.startDelay = delay;
        });
  }

  public StepJob withRetries(int count, Duration delay, List<String> onErrors) {
    return copy(
        c -> {
          c.retries = count;
          c.retryDelay = delay;
          c.retryOnErrors = onErrors;
        });
  }

  public StepJob withRepeat(int count) {
    return copy(
        c -> {
          c.repeat = count;
        });
  }

  public StepJob withIgnoreErrors(boolean ignore) {
    return copy(
        c -> {
          c.ignoreErrors = ignore;
        });
  }

  public StepJob withDetach(boolean detached) {
    return copy(
        c -> {
          c.detach = detached;
        });
  }

  /** A step whose attempts are not announced as containers (push steps). */
  public StepJob withoutContainer() {
    return copy(
        c -> {
          c.container = false;
        });
  }

  public StepJob withPlace(String directory, String networkName) {
    return copy(
        c -> {
          c.workingDirectory = directory;
          c.network = networkName;
        });
  }

  /** The fields of a job being copied with changes. */
  private static final class Copy {
    Duration timeout;
    Duration startDelay;
    int retries;
    Duration retryDelay;
    List<String> retryOnErrors;
    int repeat;
    boolean ignoreErrors;
    boolean detach;
    boolean container;
    String workingDirectory;
    String network;
  }

  private StepJob copy(java.util.function.Consumer<Copy> change) {
    Copy c = new Copy();
    c.timeout = timeout;
    c.startDelay = startDelay;
    c.retries = retries;
    c.retryDelay = retryDelay;
    c.retryOnErrors = retryOnErrors;
    c.repeat = repeat;
    c.ignoreErrors = ignoreErrors;
    c.detach = detach;
    c.container = container;
    c.workingDirectory = workingDirectory;
    c.network = network;
    change.accept(c);
    return new StepJob(
        id,
        parents,
        c.timeout,
        c.startDelay,
        c.retries,
        c.retryDelay,
        c.retryOnErrors,
        c.repeat,
        c.ignoreErrors,
        c.detach,
        c.container,
        c.workingDirectory,
        c.network,
        action);
  }
}
