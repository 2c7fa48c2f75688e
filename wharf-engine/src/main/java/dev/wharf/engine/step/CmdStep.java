package dev.wharf.engine.step;

import dev.wharf.engine.StepAction;
import dev.wharf.engine.StepContext;
import dev.wharf.engine.StepOutcome;
import dev.wharf.engine.container.ContainerSpec;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.Mount;
import dev.wharf.engine.container.OutputFollow;
import dev.wharf.task.Step;
import dev.wharf.task.VolumeMount;
import dev.wharf.task.docker.DockerParseException;
import dev.wharf.task.docker.RunArgs;
import dev.wharf.task.docker.RunRequest;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs a {@code cmd} step: one container per attempt, named {@code <run id>-<step id>} and
 * reachable as {@code <step id>} on its network (docs/behaviour.md#run-names), with the command
 * split as a shell would but without any expansion (docs/behaviour.md#cmd-strings). The first
 * container is created while the step's parents still run.
 */
final class CmdStep implements StepAction {

  /**
   * Networks every engine has. An empty network (the task declares networks but none is its
   * default, docs/behaviour.md#defaults) also means the engine's default bridge, as in acb.
   */
  private static final Set<String> BUILT_IN_NETWORKS = Set.of("bridge", "host", "none", "default");

  private static final Duration GRACE = Duration.ofSeconds(3);

  /** How long the output may stall after the container exited before the rest is given up. */
  private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(5);

  private final Step step;
  private final StepEnvironment env;
  private final ContainerSpec spec;
  private final boolean detach;
  private volatile String containerId;
  private volatile String prepared;

  CmdStep(Step step, StepEnvironment env) throws DockerParseException {
    this.step = step;
    this.env = env;
    RunRequest run = RunArgs.parse(step.cmd());
    this.detach = step.detach() || run.enabled("detach");
    this.spec = spec(step, run, env);
  }

  static ContainerSpec spec(Step step, RunRequest run, StepEnvironment env)
      throws DockerParseException {
    SupportedRunFlags.check(step.id(), run);
    RunNames names = env.names();
    ContainerSpec.Builder b =
        ContainerSpec.builder(run.image()).name(names.container(step.id())).cmd(run.args());
    String entrypoint = !run.entrypoint().isEmpty() ? run.entrypoint() : step.entryPoint();
    if (!entrypoint.isEmpty()) {
      b.entrypoint(entrypoint);
    }
    b.env("HOME=/acb/home");
    step.env().forEach(b::env);
    run.env().forEach(b::env);
    String user = !run.user().isEmpty() ? run.user() : step.user();
    b.user(user);
    if (!run.workdir().isEmpty()) {
      b.workdir(run.workdir());
    } else if (!step.disableWorkingDirectoryOverride()) {
      b.workdir(step.containerDirectory());
    }
    String network = !run.network().isEmpty() ? run.network() : step.network();
    if (BUILT_IN_NETWORKS.contains(network) || network.startsWith("container:")) {
      b.network(network); // Docker refuses network aliases outside user-defined networks
    } else if (!network.isEmpty()) {
      b.network(names.network(network), step.id());
    }
    env.standardMounts().forEach(b::mount);
    for (VolumeMount mount : step.volumeMounts()) {
      b.mount(Mount.volume(names.volume(mount.name()), mount.mountPath()));
    }
    for (String volume : run.volumes()) {
      int colon = volume.indexOf(':');
      if (colon <= 0 || volume.startsWith("/") || volume.startsWith(".")) {
        throw new DockerParseException(
            "cmd of step " + step.id() + ": -v " + volume + " is not a named volume",
            "Wharf mounts Docker volumes only (no host folders, so it works on remote engines"
                + " and Podman); use the task's volumes or /workspace");
      }
      b.mount(Mount.volume(volume.substring(0, colon), volume.substring(colon + 1)));
    }
    b.privileged(step.privileged() || run.enabled("privileged"));
    step.ports().forEach(b::port);
    run.values("publish").forEach(b::port);
    step.expose().forEach(b::expose);
    run.values("expose").forEach(b::expose);
    String cpus = !run.value("cpus").isEmpty() ? run.value("cpus") : step.cpus();
    b.cpus(cpus);
    b.isolation(!run.value("isolation").isEmpty() ? run.value("isolation") : step.isolation());
    run.values("add-host").forEach(b::extraHost);
    return b.build();
  }

  @Override
  public void prepare(StepContext context) {
    // Creating the container while the parents run takes the create call off the critical path.
    // Only for an image that is already there and that no build step of this run makes: a
    // container pins its image when it is created.
    if (step.pull() || env.buildsImage(spec.image())) {
      return;
    }
    try {
      if (env.engine().inspectImage(spec.image()).isPresent()) {
        prepared = create();
      }
    } catch (EngineException e) {
      prepared = null; // execute() creates it, and reports the engine's error there
    }
  }

  @Override
  public StepOutcome execute(StepContext context, int attempt) throws Exception {
    String id = prepared;
    prepared = null;
    if (id == null) {
      if (step.pull()) {
        context.message("Step specified pull. Performing an explicit pull...");
        env.engine().pull(spec.image(), env.logins(), line -> {});
      } else {
        env.engine().pullIfMissing(spec.image(), env.logins(), line -> {});
      }
      id = create();
    }
    containerId = id;
    OutputDecoder output = new OutputDecoder(context);
    OutputFollow follow = env.engine().attachOutput(id, output);
    try {
      env.engine().startContainer(id);
    } catch (EngineException e) {
      follow.close();
      throw e;
    }
    if (detach) {
      return StepOutcome.success();
    }
    try {
      OptionalInt exit = env.engine().waitForExit(id, Duration.ofDays(365));
      drain(context, follow, output);
      output.flush();
      int code = exit.orElse(-1);
      if (!step.keep()) {
        containerId = null;
        if (step.retries() > 0 || step.repeat() > 0) {
          env.removeNow(id); // the next attempt reuses the name
        } else {
          env.removeLater(id);
        }
      }
      return code == 0 ? StepOutcome.success() : StepOutcome.failure("exit status " + code);
    } finally {
      follow.close();
    }
  }

  private String create() throws EngineException {
    return env.createContainer(spec);
  }

  /**
   * Waits for the rest of the output after the container exited, for as long as it keeps arriving:
   * a step that wrote much faster than it is read still has all of its output delivered. Only an
   * output stream that stalls is given up, and the log says so.
   */
  private void drain(StepContext context, OutputFollow follow, OutputDecoder output)
      throws EngineException, InterruptedException {
    long seen = output.received();
    while (!follow.awaitEnd(OUTPUT_DRAIN)) {
      long now = output.received();
      if (now == seen) {
        context.message(
            "The output of step "
                + step.id()
                + " stopped arriving "
                + OUTPUT_DRAIN.toSeconds()
                + " s after its container exited; output after its first "
                + now
                + " bytes may be missing");
        return;
      }
      seen = now;
    }
  }

  @Override
  public void discard(StepContext context, int previousAttempt) throws Exception {
    String id = containerId;
    containerId = null;
    if (id != null) {
      env.removeNow(id);
    }
  }

  @Override
  public void stop(StepContext context, boolean force) {
    String id = containerId;
    if (id == null) {
      return;
    }
    try {
      if (force) {
        env.engine().killContainer(id);
      } else {
        env.engine().stopContainer(id, GRACE);
      }
    } catch (EngineException e) {
      context.message("Could not stop the container of step " + step.id() + ": " + e.getMessage());
    }
  }
}
