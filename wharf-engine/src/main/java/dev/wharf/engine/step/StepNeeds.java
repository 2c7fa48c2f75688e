package dev.wharf.engine.step;

import dev.wharf.task.Plan;
import dev.wharf.task.Step;
import dev.wharf.task.StepType;
import dev.wharf.task.docker.BuildArgs;
import dev.wharf.task.docker.DockerParseException;

/**
 * What a run's steps use of the resources a run can have (docs/behaviour.md#run-resources): only
 * {@code cmd} steps run containers, which mount the workspace, home and secret volumes and get the
 * run's engine socket; the run's networks are joined by {@code cmd} steps and by builds that name
 * one with {@code --network}. A run of builds and pushes alone needs none of them.
 *
 * @param containers a step runs a container
 * @param networks a step joins one of the run's networks
 */
public record StepNeeds(boolean containers, boolean networks) {

  /** What the steps of {@code plan} use. */
  public static StepNeeds of(Plan plan) {
    boolean containers = false;
    boolean networks = false;
    for (Step step : plan.task().steps()) {
      if (step.type() == StepType.CMD) {
        containers = true;
        networks = true;
      } else if (step.type() == StepType.BUILD && namesNetwork(step)) {
        networks = true;
      }
    }
    return new StepNeeds(containers, networks);
  }

  private static boolean namesNetwork(Step step) {
    try {
      return !BuildArgs.parse(step.build()).value("network").isEmpty();
    } catch (DockerParseException e) {
      return true; // the step fails with the parse error; until then, assume the most
    }
  }
}
