package dev.wharf.server.agent;

import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.OutputImage;
import dev.wharf.api.RunStatus;
import dev.wharf.api.StepTiming;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.StepResult;
import dev.wharf.task.docker.ImageDependencies;
import dev.wharf.task.docker.ImageReference;
import dev.wharf.task.graph.StepGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's record from the engine's result: its status and error, per-step timings, and from the
 * dependencies report the images it pushed (those with a registry digest) and their base images.
 */
final class EngineOutcome {
  private EngineOutcome() {}

  /**
   * The outcome of {@code result} with the run's dependency report (none: an empty list); {@code
   * graph} is the run's step graph (each step's recorded dependencies come from it).
   */
  static RunOutcome of(RunResult result, List<ImageDependencies> dependencies, StepGraph graph) {
    Set<OutputImage> images = new LinkedHashSet<>();
    Set<BaseImageDependency> bases = new LinkedHashSet<>();
    for (ImageDependencies entry : dependencies) {
      ImageReference image = entry.image();
      if (image != null && !image.digest().isEmpty()) {
        images.add(
            new OutputImage(
                image.registry(), image.repository(), orNull(image.tag()), image.digest()));
      }
      bases.add(base(entry.runtime(), "RunTime"));
      for (ImageReference buildtime : entry.buildtime()) {
        bases.add(base(buildtime, "BuildTime"));
      }
    }
    List<StepTiming> steps = new ArrayList<>();
    for (StepResult step : result.steps()) {
      steps.add(
          new StepTiming(
              step.stepId(),
              step.status().tableLabel(),
              step.elapsed().toMillis() / 1000.0,
              graph.ids().contains(step.stepId()) ? graph.parents(step.stepId()) : List.of()));
    }
    return new RunOutcome(
        status(result.status()), result.error(), List.copyOf(images), List.copyOf(bases), steps);
  }

  static RunStatus status(dev.wharf.engine.RunStatus status) {
    return switch (status) {
      case SUCCESSFUL -> RunStatus.Succeeded;
      case FAILED -> RunStatus.Failed;
      case TIMED_OUT -> RunStatus.Timeout;
      case CANCELLED -> RunStatus.Canceled;
    };
  }

  private static BaseImageDependency base(ImageReference ref, String type) {
    return new BaseImageDependency(
        ref.registry(), ref.repository(), orNull(ref.tag()), ref.digest(), type);
  }

  /** acb's report leaves out an empty tag; the run record has none then. */
  private static String orNull(String text) {
    return text.isEmpty() ? null : text;
  }
}
