package dev.wharf.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a run: its status, its error message and one result per step in task order.
 *
 * @param error the run's error message ({@code failed to run step ID: <id>: <err>}), or null
 */
public record RunResult(
    String runId,
    RunStatus status,
    Instant start,
    Instant end,
    List<StepResult> steps,
    String error) {

  public RunResult {
    Objects.requireNonNull(runId, "runId cannot be null");
    Objects.requireNonNull(status, "status cannot be null");
    Objects.requireNonNull(start, "start cannot be null");
    Objects.requireNonNull(end, "end cannot be null");
    steps = List.copyOf(steps);
  }

  public boolean successful() {
    return status == RunStatus.SUCCESSFUL;
  }

  public Duration elapsed() {
    return Duration.between(start, end);
  }

  public Optional<String> errorText() {
    return Optional.ofNullable(error);
  }

  /** The result of the step with that id. */
  public Optional<StepResult> step(String stepId) {
    return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst();
  }

  /** The steps that failed the run themselves (failed or timed out, not ignored). */
  public List<StepResult> failures() {
    return steps.stream().filter(s -> s.status().failsRun()).toList();
  }

  /** Throws a {@link RunFailedException} carrying every step failure unless the run succeeded. */
  public RunResult orThrow() throws RunFailedException {
    if (!successful()) {
      throw new RunFailedException(this);
    }
    return this;
  }
}
