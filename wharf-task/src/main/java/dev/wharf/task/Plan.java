package dev.wharf.task;

import dev.wharf.task.graph.StepGraph;
import java.util.List;
import java.util.Map;

/**
 * A task ready to run: the task after defaults and validation, its step graph, the warnings, and
 * each build step's parsed build string (by step id; empty when no build reader was given).
 */
public record Plan(
    Task task, StepGraph graph, List<Warning> warnings, Map<String, BuildSummary> builds) {

  public Plan {
    warnings = List.copyOf(warnings);
    builds = Map.copyOf(builds);
  }

  /** What {@code wharf validate} prints: {@code valid: 2 steps}, {@code valid: 1 step}. */
  public String validSummary() {
    int count = task.steps().size();
    return "valid: " + count + (count == 1 ? " step" : " steps");
  }
}
