package dev.wharf.server.agent;

import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.OutputImage;
import dev.wharf.api.RunStatus;
import dev.wharf.api.StepTiming;
import java.util.List;

/** How an executed run ended, with what it pushed and what it was built on. */
public record RunOutcome(
    RunStatus status,
    String errorMessage,
    List<OutputImage> outputImages,
    List<BaseImageDependency> dependencies,
    List<StepTiming> steps) {
  public RunOutcome {
    if (!status.isTerminal()) {
      throw new IllegalArgumentException("an outcome has a final status, not " + status);
    }
    outputImages = outputImages == null ? List.of() : List.copyOf(outputImages);
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** A success with nothing pushed. */
  public static RunOutcome succeeded() {
    return new RunOutcome(RunStatus.Succeeded, null, null, null, null);
  }

  /** A failing step, with the message the user sees. */
  public static RunOutcome failed(String message) {
    return new RunOutcome(RunStatus.Failed, message, null, null, null);
  }
}
