package dev.wharf.engine.prepare;

import dev.wharf.engine.SecretMasker;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.EngineInfo;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.socket.EngineAccess;
import dev.wharf.engine.step.RunNames;
import dev.wharf.task.Plan;
import dev.wharf.task.QuickTask;
import dev.wharf.task.TaskException;
import dev.wharf.task.TaskLoader;
import dev.wharf.task.TaskPipeline;
import dev.wharf.template.render.RenderException;
import dev.wharf.template.render.RenderRequest;
import dev.wharf.template.render.RenderResult;
import dev.wharf.template.render.RunInfo;
import dev.wharf.template.render.TaskRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way a run is prepared, for {@code wharf run}, {@code wharf build} and every agent: fetch
 * the context, read the task, render it with its values and {@code .Run} facts, plan it, and gather
 * every secret into one masker. Entry points only turn their own inputs into {@link RunInputs}.
 */
public final class RunPreparation {

  /** The engine's platform; asked once the context is read, so connecting can overlap it. */
  @FunctionalInterface
  public interface Platform {
    EngineInfo info() throws EngineException;
  }

  private RunPreparation() {}

  /**
   * Prepares a run of {@code inputs} on the engine {@code platform} describes.
   *
   * @throws PrepareException when the task or its values are wrong, or the context is out of reach
   */
  public static PreparedRun prepare(RunInputs inputs, Platform platform)
      throws PrepareException, EngineException {
    WorkspaceArchive workspace = WorkspaceArchive.open(inputs);
    try {
      TaskText task = taskText(inputs, workspace);
      RunInfo run = runInfo(inputs, workspace, platform.info());
      RenderResult rendered = render(inputs, workspace, task, run);
      RunOptions options = inputs.options();
      Plan plan =
          TaskPipeline.plan(
              rendered,
              task.name(),
              TaskLoader.Options.defaults().withEnv(options.env()).withNetwork(options.network()));
      if (options.engineAccess() == EngineAccess.UNTRUSTED) {
        UntrustedSteps.check(plan);
      }
      List<String> secrets = new ArrayList<>(rendered.secretValues());
      secrets.addAll(inputs.values().secrets().values());
      secrets.addAll(inputs.extraMasked());
      inputs.logins().stream().map(RegistryLogin::password).forEach(secrets::add);
      secrets.addAll(SecretVolumes.contents(plan));
      return new PreparedRun(
          plan,
          rendered.aliases().isPresent(),
          run,
          new SecretMasker(secrets),
          workspace,
          inputs.logins(),
          deadline(plan.task().totalTimeout(), options.timeout()),
          options);
    } catch (RenderException | TaskException e) {
      workspace.close();
      throw new PrepareException(PrepareException.Kind.INPUT, e.getMessage(), e);
    } catch (PrepareException | EngineException | RuntimeException e) {
      workspace.close();
      throw e;
    }
  }

  /**
   * The earlier of the task's {@code totalTimeout} (seconds, 0 for none) and the run's own timeout
   * (null or zero for none); zero when neither sets one.
   */
  static Duration deadline(int taskSeconds, Duration runTimeout) {
    Duration task = Duration.ofSeconds(Math.max(0, taskSeconds));
    if (runTimeout == null || runTimeout.isNegative() || runTimeout.isZero()) {
      return task;
    }
    return task.isZero() || runTimeout.compareTo(task) < 0 ? runTimeout : task;
  }

  /** Task text, the name its errors use, and the folder alias {@code src} paths start from. */
  private record TaskText(String text, String name, Path folder) {}

  private static TaskText taskText(RunInputs inputs, WorkspaceArchive workspace)
      throws PrepareException {
    TaskSource source = inputs.task();
    if (source instanceof TaskSource.Text text) {
      return new TaskText(text.text(), text.name(), text.folder());
    }
    if (source instanceof TaskSource.Command command) {
      return new TaskText(QuickTask.command(command.command()), "cmd", Path.of(""));
    }
    if (source instanceof TaskSource.DockerBuild build) {
      return new TaskText(QuickTask.build(build.build()), "build", Path.of(""));
    }
    TaskSource.ContextFile file = (TaskSource.ContextFile) source;
    String name = file.path();
    Optional<Path> local = localFile(inputs.context(), name, file.fallbackFolder(), workspace);
    if (local.isEmpty()) {
      String text = inContext(workspace, name, "template");
      return new TaskText(text, name, Path.of(""));
    }
    Path path = local.get();
    try {
      return new TaskText(Files.readString(path), name, path.toAbsolutePath().getParent());
    } catch (NoSuchFileException e) {
      throw new PrepareException(
          PrepareException.Kind.INPUT,
          "failed to load template at path "
              + name
              + ": stat "
              + path.toAbsolutePath()
              + ": no such file or directory\n  hint: give the task file with -f FILE",
          e);
    } catch (IOException e) {
      throw new PrepareException(
          PrepareException.Kind.INPUT,
          "cannot read the task file " + path + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * The file on this machine that {@code name} means: in a local context folder (else the fallback
   * folder), or in the fallback folder when the fetched context has none; empty when the fetched
   * context holds it.
   */
  private static Optional<Path> localFile(
      RunContext context, String name, Path fallback, WorkspaceArchive workspace)
      throws PrepareException {
    if (context instanceof RunContext.LocalFolder folder) {
      Path path = folder.folder().resolve(name);
      return Optional.of(Files.exists(path) || fallback == null ? path : fallback.resolve(name));
    }
    if (fallback == null || present(workspace, name)) {
      return Optional.empty();
    }
    return Optional.of(fallback.resolve(name));
  }

  private static boolean present(WorkspaceArchive workspace, String name) throws PrepareException {
    try {
      return workspace.file(name).isPresent();
    } catch (IOException e) {
      throw new PrepareException(
          PrepareException.Kind.CONTEXT, "cannot read the context: " + e.getMessage(), e);
    }
  }

  private static String inContext(WorkspaceArchive workspace, String name, String what)
      throws PrepareException {
    try {
      return workspace
          .file(name)
          .orElseThrow(
              () ->
                  new PrepareException(
                      PrepareException.Kind.INPUT,
                      "failed to load " + what + " at path " + name + ": not in the context",
                      null));
    } catch (IOException e) {
      throw new PrepareException(
          PrepareException.Kind.CONTEXT, "cannot read the context: " + e.getMessage(), e);
    }
  }

  private static RunInfo runInfo(RunInputs inputs, WorkspaceArchive workspace, EngineInfo engine) {
    RunInfo given = inputs.run();
    return new RunInfo(
        given.id(),
        given.commit().isEmpty() ? workspace.commit() : given.commit(),
        given.repository(),
        given.branch().isEmpty() ? workspace.branch() : given.branch(),
        given.gitTag(),
        given.triggeredBy(),
        given.registry(),
        given.date().isEmpty() ? RunInfo.formatDate(Instant.now()) : given.date(),
        RunNames.of(given.id(), inputs.options().network(), List.of()).workspaceVolume(),
        engine.os(),
        given.osVersion(),
        engine.architecture(),
        given.taskName());
  }

  private static RenderResult render(
      RunInputs inputs, WorkspaceArchive workspace, TaskText task, RunInfo run)
      throws RenderException, PrepareException {
    RunValues values = inputs.values();
    String valuesText = null;
    Path valuesPath = null;
    if (values.file() != null) {
      Optional<Path> local =
          localFile(inputs.context(), values.file(), values.fallbackFolder(), workspace);
      if (local.isPresent()) {
        valuesPath = local.get();
      } else {
        valuesText = inContext(workspace, values.file(), "values file");
      }
    }
    RunOptions options = inputs.options();
    TaskSecrets secrets = inputs.secrets();
    return new TaskRenderer()
        .render(
            new RenderRequest(
                task.text(),
                task.name(),
                task.folder(),
                valuesText,
                valuesPath,
                values.set(),
                values.secrets(),
                run,
                options.imageAliases(),
                options.remoteAliases(),
                options.allowEnv(),
                TaskPipeline.secrets(task.name(), secrets.lookup(), secrets.hint())));
  }
}
