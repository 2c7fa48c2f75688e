package dev.wharf.engine;

import dev.wharf.task.docker.DependenciesJson;
import dev.wharf.task.docker.ImageDependencies;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Something that happened during a run, in the order listeners receive it. */
public sealed interface RunEvent {

  /** Which output stream of a container a chunk came from. */
  enum Stream {
    STDOUT,
    STDERR
  }

  /** The run began; {@code stepIds} in task order. */
  record RunStarted(String runId, List<String> stepIds) implements RunEvent {
    public RunStarted {
      Objects.requireNonNull(runId, "runId cannot be null");
      stepIds = List.copyOf(stepIds);
    }
  }

  /** A step began executing (before its start delay), as acb's {@code Executing step ID} line. */
  record StepStarted(
      String stepId, Duration timeout, String workingDirectory, String network, boolean detach)
      implements RunEvent {
    public StepStarted {
      Objects.requireNonNull(stepId, "stepId cannot be null");
      Objects.requireNonNull(timeout, "timeout cannot be null");
      workingDirectory = Objects.requireNonNullElse(workingDirectory, "");
      network = Objects.requireNonNullElse(network, "");
    }
  }

  /** A chunk of a step container's output; not necessarily whole lines. */
  record StepLog(String stepId, Stream stream, String text) implements RunEvent {
    public StepLog {
      Objects.requireNonNull(stepId, "stepId cannot be null");
      Objects.requireNonNull(stream, "stream cannot be null");
      Objects.requireNonNull(text, "text cannot be null");
    }
  }

  /** A step ended, or was skipped when the run ended before it. */
  record StepFinished(StepResult result) implements RunEvent {
    public StepFinished {
      Objects.requireNonNull(result, "result cannot be null");
    }
  }

  /**
   * The dependencies of the run's build steps: as records for whoever keeps them (a server's run
   * record), and as acb's compact JSON array for whoever prints them.
   */
  record Dependencies(List<ImageDependencies> images, String json) implements RunEvent {
    public Dependencies {
      images = List.copyOf(images);
      Objects.requireNonNull(json, "json cannot be null");
    }

    /** The report of {@code images}, its JSON written as acb writes it. */
    public static Dependencies of(List<ImageDependencies> images) {
      return new Dependencies(images, DependenciesJson.write(images));
    }
  }

  /** One of acb's informational log lines, without timestamp. */
  record Message(String text) implements RunEvent {
    public Message {
      Objects.requireNonNull(text, "text cannot be null");
    }
  }

  /** The run ended; printed last (summary, table and the final {@code Run ID} line). */
  record RunFinished(RunResult result) implements RunEvent {
    public RunFinished {
      Objects.requireNonNull(result, "result cannot be null");
    }
  }
}
