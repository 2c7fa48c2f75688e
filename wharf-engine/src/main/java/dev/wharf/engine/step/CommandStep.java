package dev.wharf.engine.step;

import dev.wharf.engine.RunEvent;
import dev.wharf.engine.StepAction;
import dev.wharf.engine.StepContext;
import dev.wharf.engine.StepOutcome;
import dev.wharf.engine.container.ContainerOutput;
import dev.wharf.engine.container.ContainerSpec;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.Mount;
import dev.wharf.engine.container.OutputFollow;
import dev.wharf.task.Step;
import dev.wharf.task.VolumeMount;
import dev.wharf.task.docker.DockerParseException;
import dev.wharf.task.docker.FlagValue;
import dev.wharf.task.docker.RunArgs;
import dev.wharf.task.docker.RunRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * A {@code cmd} step: one container per attempt, created ahead of time while the step's parents
 * still run, and removed off the critical path once it exits (unless {@code keep}).
 */
final class CommandStep implements StepAction {
  /** The leading {@code docker run} flags Wharf maps onto the container (decision E2). */
  private static final Set<String> SUPPORTED_FLAGS =
      Set.of(
          "env",
          "volume",
          "workdir",
          "user",
          "entrypoint",
          "network",
          "publish",
          "expose",
          "privileged",
          "rm",
          "detach",
          "name",
          "add-host",
          "cpus",
          "isolation",
          "interactive",
          "tty");

  private static final Duration STOP_GRACE = Duration.ofSeconds(2);
  private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(5);
  private static final Duration NO_LIMIT = Duration.ofDays(1);

  private final Step step;
  private final RunEnvironment env;
  private final boolean imageBuiltInRun;
  private volatile String prepared;
  private volatile String current;
  private volatile String last;
  private volatile CompletableFuture<Void> lastRemoval = CompletableFuture.completedFuture(null);

  /**
   * @param imageBuiltInRun whether a build step of this run produces the image, so that the
   *     container cannot be created before that build ends
   */
  CommandStep(Step step, RunEnvironment env, boolean imageBuiltInRun) {
    this.step = step;
    this.env = env;
    this.imageBuiltInRun = imageBuiltInRun;
  }

  /** The image the step runs, as written before any container arguments. */
  static String image(Step step) {
    try {
      return RunArgs.parse(step.cmd()).image();
    } catch (DockerParseException e) {
      return "";
    }
  }

  @Override
  public void prepare(StepContext context) throws Exception {
    ContainerSpec spec = spec();
    // Only an image that is already here and will not change: a pull or a build comes first.
    if (!step.pull() && !imageBuiltInRun && env.engine().inspectImage(spec.image()).isPresent()) {
      prepared = env.engine().createContainer(spec);
    }
  }

  @Override
  public StepOutcome execute(StepContext context, int attempt) throws Exception {
    ContainerSpec spec = spec();
    if (attempt == 1 && step.pull()) {
      context.message("Step specified pull. Performing an explicit pull...");
      env.engine().pull(spec.image(), env.logins(), line -> {});
    }
    String id = prepared;
    prepared = null;
    if (id == null) {
      env.engine().pullIfMissing(spec.image(), env.logins(), line -> {});
      id = env.engine().createContainer(spec);
    }
    current = id;
    last = id;
    ContainerOutput output =
        (stream, bytes) ->
            context.output(
                stream == ContainerOutput.Stream.STDOUT
                    ? RunEvent.Stream.STDOUT
                    : RunEvent.Stream.STDERR,
                new String(bytes, StandardCharsets.UTF_8));
    env.engine().startContainer(id);
    OutputFollow follow = env.engine().followOutput(id, output);
    if (detached()) {
      // As docker run --detach: the step is done once its container runs; cleanup removes it.
      current = null;
      return StepOutcome.success();
    }
    try {
      OptionalInt code = env.engine().waitForExit(id, NO_LIMIT);
      follow.awaitEnd(OUTPUT_DRAIN);
      int status = code.orElse(-1);
      return status == 0 ? StepOutcome.success() : StepOutcome.failure("exit status " + status);
    } finally {
      follow.close();
      current = null;
      if (!step.keep()) {
        lastRemoval = removeLater(id);
      }
    }
  }

  @Override
  public void discard(StepContext context, int previousAttempt) throws Exception {
    // The next attempt reuses the container name, so the previous container must be gone.
    lastRemoval.join();
    String previous = last;
    if (previous != null && (step.keep() || detached())) {
      env.engine().removeContainer(previous);
    }
  }

  @Override
  public void stop(StepContext context, boolean force) {
    String id = current;
    if (id == null) {
      return;
    }
    try {
      if (force) {
        env.engine().killContainer(id);
      } else {
        env.engine().stopContainer(id, STOP_GRACE);
      }
    } catch (EngineException | RuntimeException e) {
      // Already gone; the run's cleanup removes anything left.
    }
  }

  private CompletableFuture<Void> removeLater(String id) {
    if (env.background() instanceof ExecutorService pool && pool.isShutdown()) {
      // The run is cleaning up, which removes this container too.
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(
        () -> {
          try {
            env.engine().removeContainer(id);
          } catch (EngineException e) {
            // The run's cleanup removes whatever carries its label.
          }
        },
        env.background());
  }

  private boolean detached() throws DockerParseException {
    return step.detach() || RunArgs.parse(step.cmd()).enabled("detach");
  }

  /** The container of one attempt, with the step's properties and the cmd's leading flags. */
  ContainerSpec spec() throws DockerParseException {
    RunRequest request = RunArgs.parse(step.cmd());
    for (FlagValue flag : request.flags()) {
      if (!SUPPORTED_FLAGS.contains(flag.name())) {
        throw new IllegalArgumentException(
            "the docker run flag --"
                + flag.name()
                + " in the cmd of step "
                + step.id()
                + " is not supported by Wharf; supported: "
                + String.join(", ", SUPPORTED_FLAGS.stream().sorted().toList()));
      }
    }
    ContainerSpec.Builder spec =
        ContainerSpec.builder(request.image())
            .name(env.containerName(step.id()))
            .cmd(request.args())
            .label("dev.wharf.step-id", step.id());
    String entrypoint = first(request.entrypoint(), step.entryPoint());
    if (!entrypoint.isEmpty()) {
      spec.entrypoint(entrypoint);
    }
    spec.env("HOME=" + RunEnvironment.HOME);
    step.env().forEach(spec::env);
    request.env().stream().filter(e -> e.contains("=")).forEach(spec::env);
    spec.user(first(request.user(), step.user()));
    if (!request.workdir().isEmpty()) {
      spec.workdir(request.workdir());
    } else if (!step.disableWorkingDirectoryOverride()) {
      spec.workdir(step.containerDirectory());
    }
    String network = first(request.network(), step.network());
    if (!network.isEmpty()) {
      String engineName = env.network(network);
      boolean aliasable = !Set.of("host", "none").contains(engineName);
      spec.network(engineName, aliasable ? new String[] {step.id()} : new String[0]);
    }
    env.standardMounts().forEach(spec::mount);
    for (VolumeMount mount : step.volumeMounts()) {
      String volume = env.volume(mount.name());
      spec.mount(Mount.volume(volume == null ? mount.name() : volume, mount.mountPath()));
    }
    for (String volume : request.volumes()) {
      spec.mount(volumeFlag(volume));
    }
    spec.privileged(step.privileged() || request.enabled("privileged"));
    step.ports().forEach(spec::port);
    request.values("publish").forEach(spec::port);
    step.expose().forEach(spec::expose);
    request.values("expose").forEach(spec::expose);
    spec.cpus(first(request.value("cpus"), step.cpus()));
    spec.isolation(first(request.value("isolation"), step.isolation()));
    request.values("add-host").forEach(spec::extraHost);
    return spec.build();
  }

  private Mount volumeFlag(String flag) {
    String[] parts = flag.split(":");
    if (parts.length < 2 || parts[0].isEmpty() || parts[0].contains("/")) {
      throw new IllegalArgumentException(
          "-v "
              + flag
              + " in step "
              + step.id()
              + ": only named volumes can be mounted (the engine may be remote, decision E1);"
              + " declare a task volume or use the workspace");
    }
    String volume = env.volume(parts[0]);
    boolean readOnly = parts.length > 2 && parts[2].contains("ro");
    return new Mount(Mount.Type.VOLUME, volume == null ? parts[0] : volume, parts[1], readOnly);
  }

  private static String first(String preferred, String fallback) {
    return preferred.isEmpty() ? fallback : preferred;
  }
}
