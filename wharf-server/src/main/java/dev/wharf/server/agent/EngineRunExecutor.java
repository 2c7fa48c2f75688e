package dev.wharf.server.agent;

import dev.wharf.api.RegistryCredential;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunType;
import dev.wharf.engine.MaskingListener;
import dev.wharf.engine.RunEvent;
import dev.wharf.engine.RunListener;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.SecretMasker;
import dev.wharf.engine.container.EngineInfo;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.docker.DockerEngine;
import dev.wharf.engine.output.ConsolePrinter;
import dev.wharf.engine.run.Leftovers;
import dev.wharf.engine.run.RunRequest;
import dev.wharf.engine.run.Runner;
import dev.wharf.engine.socket.EngineAccess;
import dev.wharf.engine.step.RunNames;
import dev.wharf.task.Plan;
import dev.wharf.task.QuickTask;
import dev.wharf.task.TaskException;
import dev.wharf.task.TaskLoader;
import dev.wharf.task.TaskPipeline;
import dev.wharf.task.Volume;
import dev.wharf.template.render.RenderException;
import dev.wharf.template.render.RenderRequest;
import dev.wharf.template.render.RenderResult;
import dev.wharf.template.render.RunInfo;
import dev.wharf.template.render.TaskRenderer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Executes runs with the engine of {@code wharf run}: the task is rendered (without access to the
 * server's environment), planned, and run on the Docker engine of {@code DOCKER_HOST} with the
 * run's context as {@code /workspace}; the log has the lines {@code wharf run} prints.
 */
public final class EngineRunExecutor implements RunExecutor {
  private final String registry;
  private final Clock clock;

  /** An executor on the Docker engine of this process's environment, with no registry. */
  public EngineRunExecutor() {
    this("");
  }

  /**
   * An executor whose runs see {@code registry} as {@code .Run.Registry} and {@code $Registry}, as
   * the runs of an ACR registry see their registry.
   */
  public EngineRunExecutor(String registry) {
    this(registry, Clock.systemUTC());
  }

  EngineRunExecutor(String registry, Clock clock) {
    this.registry = registry == null ? "" : registry;
    this.clock = clock;
  }

  @Override
  public RunOutcome execute(RunJob job, LogSink log, CancelSignal cancel) throws Exception {
    RunSpec spec = job.spec();
    List<RegistryLogin> logins = new ArrayList<>();
    for (RegistryCredential c : spec.credentials()) {
      logins.add(new RegistryLogin(c.loginServer(), c.username(), c.password()));
    }
    try (LogLines lines = new LogLines(log);
        PrintStream console = new PrintStream(lines, true, StandardCharsets.UTF_8);
        JobSource source = JobSource.open(job);
        DockerEngine engine = DockerEngine.fromEnvironment()) {
      EngineInfo info = engine.info();
      RunInfo run = runInfo(job, source, info);
      RenderResult rendered;
      Plan plan;
      try {
        rendered = render(job, source, run);
        plan = TaskPipeline.plan(rendered, taskName(job), TaskLoader.Options.defaults());
      } catch (RenderException | TaskException e) {
        console.println(e.getMessage());
        return RunOutcome.failed(e.getMessage());
      }
      plan.warnings().forEach(w -> console.println(w));
      List<String> secrets = new ArrayList<>(rendered.secretValues());
      secrets.addAll(spec.secretValues().values());
      logins.forEach(l -> secrets.add(l.password()));
      secrets.addAll(secretVolumeContents(plan));
      AtomicReference<String> dependencies = new AtomicReference<>();
      RunListener printer = new ConsolePrinter(console, console, clock, false);
      RunListener recorder =
          event -> {
            if (event instanceof RunEvent.Dependencies found) {
              dependencies.set(found.json());
            }
            printer.onEvent(event);
          };
      Runner runner = new Runner(engine, Clock.systemUTC());
      cancel.onRaise(runner::cancel);
      RunResult result =
          runner.run(
              new RunRequest(
                  job.runId(),
                  plan,
                  source::workspace,
                  logins,
                  new MaskingListener(new SecretMasker(secrets), recorder),
                  0,
                  Duration.ofSeconds(spec.timeoutSeconds()),
                  "",
                  EngineAccess.UNTRUSTED));
      console.flush();
      return EngineOutcome.of(result, dependencies.get(), plan.graph());
    }
  }

  private RunInfo runInfo(RunJob job, JobSource source, EngineInfo info) {
    Instant now = clock.instant();
    return new RunInfo(
        job.runId(),
        source.commit(),
        "",
        source.branch(),
        "",
        job.type() == RunType.AutoBuild || job.type() == RunType.AutoRun ? "Manual" : "",
        registry,
        RunInfo.formatDate(now),
        RunNames.of(job.runId(), "", List.of()).workspaceVolume(),
        info.os(),
        "",
        info.architecture(),
        job.task() == null ? "" : job.task());
  }

  private static RenderResult render(RunJob job, JobSource source, RunInfo run)
      throws RenderException, java.io.IOException {
    RunSpec spec = job.spec();
    String name = taskName(job);
    String text = spec.taskText();
    if (text == null && job.type() == RunType.AutoBuild) {
      text =
          QuickTask.build(
              new QuickTask.Build(
                  List.of(),
                  spec.file(),
                  List.of(),
                  List.of(),
                  null,
                  null,
                  false,
                  false,
                  ".",
                  false));
    } else if (text == null) {
      text =
          source
              .file(name)
              .orElseThrow(
                  () ->
                      new RenderException(
                          "failed to load template at path " + name + ": not in the context"));
    }
    Map<String, String> secretValues = spec.secretValues();
    RenderRequest request =
        new RenderRequest(
            text,
            name,
            Path.of(""),
            null,
            null,
            pairs(spec.values()),
            pairs(secretValues),
            run,
            null,
            null,
            false,
            TaskPipeline.secrets(
                name,
                secretValues::get,
                secret ->
                    "the server resolves a task's secrets from its secret values; set "
                        + secret.id()
                        + " with --secret-value"));
    return new TaskRenderer().render(request);
  }

  /**
   * The decoded contents of the task's secret volumes, masked like any secret
   * (docs/behaviour.md#masking).
   */
  private static List<String> secretVolumeContents(Plan plan) {
    List<String> values = new ArrayList<>();
    for (Volume volume : plan.task().volumes()) {
      for (String encoded : volume.secret().values()) {
        try {
          values.add(
              new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).strip());
        } catch (IllegalArgumentException e) {
          // the run reports the bad value; there is nothing to mask
        }
      }
    }
    return values;
  }

  private static String taskName(RunJob job) {
    String file = job.spec().file();
    return job.spec().taskText() != null ? "task" : file == null ? "acb.yaml" : file;
  }

  private static List<String> pairs(Map<String, String> values) {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  @Override
  public void abandoned(String runId) throws Exception {
    try (DockerEngine engine = DockerEngine.fromEnvironment()) {
      Leftovers.remove(engine, runId);
    }
  }
}
