package dev.wharf.engine.step;

import dev.wharf.engine.StepAction;
import dev.wharf.engine.StepJob;
import dev.wharf.task.Step;
import dev.wharf.task.StepType;
import dev.wharf.task.Task;
import dev.wharf.task.docker.ImageDependencies;
import dev.wharf.task.graph.StepGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The steps of a task as the scheduler runs them, one action per step kind. */
public final class TaskSteps {
  /** acb's first push backoff; later ones double it. */
  public static final Duration PUSH_BACKOFF = Duration.ofMillis(250);

  private final List<StepJob> jobs = new ArrayList<>();
  private final Map<String, BuildStep> builds = new LinkedHashMap<>();

  /** Maps every step of {@code task} (ordered and linked by {@code graph}) onto {@code env}. */
  public TaskSteps(Task task, StepGraph graph, RunEnvironment env) {
    this(task, graph, env, PUSH_BACKOFF);
  }

  TaskSteps(Task task, StepGraph graph, RunEnvironment env, Duration pushBackoff) {
    Set<String> built = new HashSet<>();
    for (Step step : task.steps()) {
      if (step.type() == StepType.BUILD) {
        built.addAll(BuildStep.tags(step));
      }
    }
    for (Step step : task.steps()) {
      StepAction action;
      switch (step.type()) {
        case CMD -> action = new CommandStep(step, env, built.contains(CommandStep.image(step)));
        case BUILD -> {
          BuildStep build = new BuildStep(step, env);
          builds.put(step.id(), build);
          action = build;
        }
        default -> action = new PushStep(step, env, pushBackoff);
      }
      jobs.add(job(step, graph, action));
    }
  }

  private static StepJob job(Step step, StepGraph graph, StepAction action) {
    Set<String> parents = new HashSet<>(graph.parents(step.id()));
    parents.remove(StepGraph.ROOT);
    StepJob job =
        StepJob.of(step.id(), parents, action)
            .withTimeout(Duration.ofSeconds(step.timeout()))
            .withStartDelay(Duration.ofSeconds(step.startDelay()))
            .withRetries(
                step.retries(), Duration.ofSeconds(step.retryDelay()), step.retryOnErrors())
            .withRepeat(step.repeat())
            .withIgnoreErrors(step.ignoreErrors())
            .withDetach(step.detach())
            .withPlace(step.workingDirectory(), step.network());
    return step.type() == StepType.PUSH ? job.withoutContainer() : job;
  }

  /** One job per step, in task order. */
  public List<StepJob> jobs() {
    return List.copyOf(jobs);
  }

  /** The dependencies found by the build steps that succeeded, in task order. */
  public List<ImageDependencies> dependencies() {
    List<ImageDependencies> all = new ArrayList<>();
    builds.values().forEach(b -> all.addAll(b.dependencies()));
    return all;
  }
}
