package dev.wharf.server.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.Json;
import dev.wharf.api.OutputImage;
import dev.wharf.api.RunStatus;
import dev.wharf.api.StepTiming;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.StepResult;
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
   * The outcome of {@code result}; {@code dependencies} is the report's JSON or null, {@code graph}
   * the run's step graph (each step's recorded dependencies come from it).
   */
  static RunOutcome of(RunResult result, String dependencies, StepGraph graph) {
    Set<OutputImage> images = new LinkedHashSet<>();
    Set<BaseImageDependency> bases = new LinkedHashSet<>();
    if (dependencies != null) {
      for (JsonNode entry : Json.read(dependencies, JsonNode.class)) {
        JsonNode image = entry.path("image");
        if (image.isObject() && !image.path("digest").asText("").isEmpty()) {
          images.add(
              new OutputImage(
                  text(image, "registry"),
                  text(image, "repository"),
                  text(image, "tag"),
                  text(image, "digest")));
        }
        bases.add(base(entry.path("runtime-dependency"), "RunTime"));
        for (JsonNode buildtime : entry.path("buildtime-dependency")) {
          bases.add(base(buildtime, "BuildTime"));
        }
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

  private static BaseImageDependency base(JsonNode ref, String type) {
    return new BaseImageDependency(
        text(ref, "registry"),
        text(ref, "repository"),
        text(ref, "tag"),
        text(ref, "digest"),
        type);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }
}
