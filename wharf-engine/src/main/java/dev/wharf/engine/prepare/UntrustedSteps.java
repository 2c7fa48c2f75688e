package dev.wharf.engine.prepare;

import dev.wharf.task.Network;
import dev.wharf.task.Plan;
import dev.wharf.task.Step;
import dev.wharf.task.StepType;
import dev.wharf.task.docker.BuildArgs;
import dev.wharf.task.docker.BuildRequest;
import dev.wharf.task.docker.DockerParseException;
import dev.wharf.task.docker.RunArgs;
import dev.wharf.task.docker.RunRequest;
import java.util.Set;

/**
 * What an untrusted run's task may not ask of the engine for its own step containers, refused when
 * the run is planned (docs/security.md#trusted-and-untrusted-runs): Wharf creates step containers
 * itself, outside the run's engine socket and its allow-list, so the task file's own options that
 * reach the host are checked here. Host folders are refused for every run already (a cmd's {@code
 * -v} takes named volumes only).
 */
final class UntrustedSteps {

  /** Network drivers a run may create: the engine's own bridge. */
  private static final Set<String> DRIVERS = Set.of("", "bridge");

  private UntrustedSteps() {}

  /** Refuses the first host-reaching option of {@code plan}. */
  static void check(Plan plan) throws PrepareException {
    for (Network network : plan.task().networks()) {
      if (network.skipCreation()) {
        throw refused(
            "network " + network.name(),
            "joins an existing engine network (skipCreation: true)",
            network.position().toString());
      }
      if (!DRIVERS.contains(network.driver())) {
        throw refused(
            "network " + network.name(),
            "uses the network driver " + network.driver() + " (only bridge networks are allowed)",
            network.position().toString());
      }
    }
    for (Step step : plan.task().steps()) {
      String at = step.position().toString();
      if (step.privileged()) {
        throw refused("step " + step.id(), "asks for a privileged container (privileged)", at);
      }
      checkNetwork(step, step.network(), "network");
      if (step.type() == StepType.CMD) {
        RunRequest run;
        try {
          run = RunArgs.parse(step.cmd());
        } catch (DockerParseException e) {
          continue; // such a step fails when it runs, before any container exists
        }
        if (run.enabled("privileged")) {
          throw refused("step " + step.id(), "asks for a privileged container (--privileged)", at);
        }
        checkNetwork(step, run.network(), "--network");
      } else if (step.type() == StepType.BUILD) {
        try {
          BuildRequest build = BuildArgs.parse(step.build());
          checkNetwork(step, build.value("network"), "build --network");
          if (!build.values("ssh").isEmpty()) {
            throw refused(
                "step " + step.id(),
                "asks for an SSH agent of the machine running it (build --ssh "
                    + build.values("ssh").get(0)
                    + ")",
                at);
          }
        } catch (DockerParseException e) {
          // as above: the step fails when it runs
        }
      }
    }
  }

  private static void checkNetwork(Step step, String network, String option)
      throws PrepareException {
    if (network.equals("host")) {
      throw refused(
          "step " + step.id(),
          "asks for the host's network (" + option + " host)",
          step.position().toString());
    }
    if (network.startsWith("container:")) {
      throw refused(
          "step " + step.id(),
          "asks for another container's network (" + option + " " + network + ")",
          step.position().toString());
    }
  }

  private static PrepareException refused(String what, String why, String at) {
    return new PrepareException(
        PrepareException.Kind.INPUT,
        what
            + " "
            + why
            + " (at "
            + at
            + "), which untrusted runs may not; see docs/security.md#trusted-and-untrusted-runs: an admin can mark the task"
            + " trusted (wharf task update NAME --trusted true) for runs on a server or agent"
            + " started with --allow-raw-engine-socket",
        null);
  }
}
