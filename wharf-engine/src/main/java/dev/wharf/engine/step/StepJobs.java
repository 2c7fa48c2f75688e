package dev.wharf.engine.step;

import dev.wharf.engine.StepAction;
import dev.wharf.engine.StepJob;
import dev.wharf.task.Plan;
import dev.wharf.task.Step;
import dev.wharf.task.StepType;
import dev.wharf.task.docker.DockerParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns a planned task's steps into the scheduler's jobs, each with the action that runs it. */
public final class StepJobs {

  private final List<StepJob> jobs;
  private final List<BuildStep> builds;

  private StepJobs(List<StepJob> jobs, List<BuildStep> builds) {
    this.jobs = List.copyOf(jobs);
    this.builds = List.copyOf(builds);
  }

  /**
   * The jobs of {@code plan}; a {@code cmd} or {@code build} string that cannot be parsed fails.
   */
  public static StepJobs of(Plan plan, StepEnvironment env) throws DockerParseException {
    List<StepJob> jobs = new ArrayList<>();
    List<BuildStep> builds = new ArrayList<>();
    for (Step step : plan.task().steps()) {
      StepAction action;
      if (step.type() == StepType.CMD) {
        action = new CmdStep(step, env);
      } else if (step.type() == StepType.BUILD) {
        BuildStep build = new BuildStep(step, env);
        builds.add(build);
        action = build;
      } else {
        action = new PushStep(step, env);
      }
      jobs.add(job(step, plan, action));
    }
    return new StepJobs(jobs, builds);
  }

  private static StepJob job(Step step, Plan plan, StepAction action) {
    StepJob job =
        StepJob.of(step.id(), java.util.Set.copyOf(plan.graph().parents(step.id())), action)
            .withTimeout(Duration.ofSeconds(step.timeout()))
            .withStartDelay(Duration.ofSeconds(step.startDelay()))
            .withPlace(step.workingDirectory(), step.network());
    if (step.type() == StepType.PUSH) {
      return job.withoutContainer().withIgnoreErrors(step.ignoreErrors());
    }
    return job.withRetries(
            step.retries(), Duration.ofSeconds(step.retryDelay()), step.retryOnErrors())
        .withRepeat(step.repeat())
        .withIgnoreErrors(step.ignoreErrors())
        .withDetach(step.detach());
  }

  public List<StepJob> jobs() {
    return jobs;
  }

  /** Every successful build, in task order. */
  public List<BuiltImage> builtImages() {
    return builds.stream().map(BuildStep::built).filter(b -> b != null).toList();
  }
}
