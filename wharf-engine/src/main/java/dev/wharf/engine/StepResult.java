package dev.wharf.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one step of a run.
 *
 * @param start when the step went in progress (after its start delay), or null if it never did
 * @param end when the step ended, or null if it never started
 * @param error the step's error text, or null when it succeeded or never ran
 * @param digests image digests the step produced (build and push steps)
 */
public record StepResult(
    String stepId,
    StepStatus status,
    Instant start,
    Instant end,
    int attempts,
    String error,
    List<String> digests) {

  public StepResult {
    Objects.requireNonNull(stepId, "stepId cannot be null");
    Objects.requireNonNull(status, "status cannot be null");
    digests = List.copyOf(digests);
  }

  /** A step that never ran because the run stopped before it or one of its parents failed. */
  public static StepResult skipped(String stepId) {
    return new StepResult(stepId, StepStatus.SKIPPED, null, null, 0, null, List.of());
  }

  /** Time between going in progress and ending; zero for a step that never started. */
  public Duration elapsed() {
    return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
  }

  /** The error text, if the step has one. */
  public Optional<String> errorText() {
    return Optional.ofNullable(error);
  }

  /** The same result with another error text (used to mask secrets). */
  public StepResult withError(String newError) {
    return new StepResult(stepId, status, start, end, attempts, newError, digests);
  }
}
