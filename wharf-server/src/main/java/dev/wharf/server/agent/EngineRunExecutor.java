package dev.wharf.server.agent;

import dev.wharf.api.DockerBuildStep;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import dev.wharf.engine.RunEvent;
import dev.wharf.engine.RunListener;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.SecretMasker;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.docker.DockerEngine;
import dev.wharf.engine.output.ConsolePrinter;
import dev.wharf.engine.prepare.PrepareException;
import dev.wharf.engine.prepare.PreparedRun;
import dev.wharf.engine.prepare.RunContext;
import dev.wharf.engine.prepare.RunInputs;
import dev.wharf.engine.prepare.RunOptions;
import dev.wharf.engine.prepare.RunPreparation;
import dev.wharf.engine.prepare.RunValues;
import dev.wharf.engine.prepare.TaskSecrets;
import dev.wharf.engine.prepare.TaskSource;
import dev.wharf.engine.run.Leftovers;
import dev.wharf.engine.run.Runner;
import dev.wharf.engine.socket.EngineAccess;
import dev.wharf.task.docker.ImageDependencies;
import dev.wharf.template.render.RunInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Executes runs with the engine of {@code wharf run}: the job is turned into the engine's run
 * inputs and prepared as every run is (rendered without access to the server's environment), then
 * run on the Docker engine of {@code DOCKER_HOST}; the log has the lines {@code wharf run} prints.
 */
public final class EngineRunExecutor implements RunExecutor {
  private final String registry;
  private final Clock clock;
  private final boolean localContexts;
  private final boolean trustedRuns;

  /** An executor on the Docker engine of this process's environment, with no registry. */
  public EngineRunExecutor() {
    this("");
  }

  /**
   * An executor whose runs see {@code registry} as {@code .Run.Registry} and {@code $Registry}, as
   * the runs of an ACR registry see their registry, unless a run names its own.
   */
  public EngineRunExecutor(String registry) {
    this(registry, Clock.systemUTC());
  }

  EngineRunExecutor(String registry, Clock clock) {
    this(registry, clock, false, false);
  }

  private EngineRunExecutor(
      String registry, Clock clock, boolean localContexts, boolean trustedRuns) {
    this.registry = registry == null ? "" : registry;
    this.clock = clock;
    this.localContexts = localContexts;
    this.trustedRuns = trustedRuns;
  }

  /**
   * This executor allowing contexts on the server's own disk and on hosts of its machine or private
   * network ({@code wharf server --allow-local-contexts}): for one-machine set-ups and tests.
   */
  public EngineRunExecutor withLocalContexts(boolean allowLocal) {
    return new EngineRunExecutor(registry, clock, allowLocal, trustedRuns);
  }

  /**
   * This executor giving trusted runs (a trusted task's own instructions) the whole engine, as a
   * local {@code wharf run} has it ({@code wharf server --allow-raw-engine-socket}); without it,
   * and for every other run, steps get the untrusted allow-list (docs/security.md).
   */
  public EngineRunExecutor withTrustedRuns(boolean allowRawEngine) {
    return new EngineRunExecutor(registry, clock, localContexts, allowRawEngine);
  }

  @Override
  public RunOutcome execute(RunJob job, LogSink log, CancelSignal cancel) throws Exception {
    try (LogLines lines = new LogLines(log);
        PrintStream console = new PrintStream(lines, true, StandardCharsets.UTF_8);
        DockerEngine engine = DockerEngine.fromEnvironment()) {
      Optional<String> refused =
          DockerfileBuild.of(job)
              .flatMap(build -> DockerfileBuild.missingRegistry(build, registry(job.spec())));
      if (refused.isPresent()) {
        console.println(refused.get());
        return RunOutcome.failed(refused.get());
      }
      PreparedRun prepared;
      // rendering and planning stop when the run is cancelled or times out
      CancelSignal.Scope preparing = cancel.interruptWhileRaised();
      try {
        prepared = RunPreparation.prepare(inputs(job), engine::info);
      } catch (PrepareException e) {
        if (e.kind() == PrepareException.Kind.CONTEXT) {
          throw new IOException(e.getMessage(), e);
        }
        String message = known(job.spec()).mask(e.getMessage());
        console.println(message);
        return RunOutcome.failed(message);
      } finally {
        preparing.close();
      }
      try (prepared) {
        SecretMasker masker = prepared.masker();
        prepared.notices().forEach(line -> console.println(masker.mask(line)));
        AtomicReference<List<ImageDependencies>> dependencies = new AtomicReference<>(List.of());
        RunListener printer = new ConsolePrinter(console, console, clock, false);
        RunListener recorder =
            event -> {
              if (event instanceof RunEvent.Dependencies found) {
                dependencies.set(found.images());
              }
              printer.onEvent(event);
            };
        Runner runner = new Runner(engine, Clock.systemUTC());
        cancel.onRaise(runner::cancel);
        RunResult result = runner.run(prepared.request(recorder, job.startTime()));
        console.flush();
        return EngineOutcome.of(result, dependencies.get(), prepared.plan().graph());
      }
    }
  }

  /** The job as the engine's run inputs: only a conversion, every decision is the pipeline's. */
  RunInputs inputs(RunJob job) throws IOException {
    RunSpec spec = job.spec();
    boolean saved = job.type() == RunType.AutoBuild || job.type() == RunType.AutoRun;
    // a commit-triggered run reports the trigger's commit and branch, as ACR's do
    String commit = "";
    String branch = "";
    if (job.trigger() instanceof RunTrigger.Source source) {
      commit = Objects.requireNonNullElse(source.commit(), "");
      branch = Objects.requireNonNullElse(source.branch(), "");
    }
    RunInfo run =
        new RunInfo(
            job.runId(),
            commit,
            "",
            branch,
            "",
            saved ? job.trigger().label() : "",
            registry(spec),
            RunInfo.formatDate(clock.instant()),
            "",
            "",
            "",
            "",
            job.task() == null ? "" : job.task());
    Optional<DockerBuildStep> build = DockerfileBuild.of(job);
    return RunInputs.builder(
            build.isPresent()
                ? new TaskSource.DockerBuild(
                    DockerfileBuild.steps(build.get(), spec.file(), registry(spec)))
                : task(job),
            context(job),
            run,
            TaskSecrets.from(
                spec.secretValues(),
                secret ->
                    "the server resolves a task's secrets from its secret values; set "
                        + secret.id()
                        + " with --set-secret"))
        .values(new RunValues(spec.valuesFile(), null, spec.values(), spec.secretValues()))
        .logins(
            spec.credentials().stream()
                .map(c -> new RegistryLogin(c.loginServer(), c.username(), c.password()))
                .toList())
        .options(
            RunOptions.defaults()
                .withTimeout(Duration.ofSeconds(spec.timeoutSeconds()))
                .withEngineAccess(
                    trustedRuns && spec.trusted() ? EngineAccess.SCOPED : EngineAccess.UNTRUSTED)
                .withLocalContexts(localContexts))
        .gitToken(spec.gitAccessToken().isEmpty() ? null : spec.gitAccessToken())
        .extraMasked(build.map(DockerBuildStep::secretValues).orElse(List.of()))
        .build();
  }

  /** The run's {@code .Run.Registry}: its own ({@code -r}), else the server's. */
  private String registry(RunSpec spec) {
    return spec.registry() != null ? spec.registry() : registry;
  }

  private static TaskSource task(RunJob job) {
    RunSpec spec = job.spec();
    if (spec.taskText() != null) {
      return new TaskSource.Text(spec.taskText(), "task", Path.of(""));
    }
    return new TaskSource.ContextFile(spec.file(), null);
  }

  /** The job's context; a server never reads its own folders as one. */
  private static RunContext context(RunJob job) throws IOException {
    if (job.contextArchive() != null) {
      return new RunContext.Upload(job.contextArchive());
    }
    String location = job.spec().context();
    RunContext context = RunContext.of(location, Path.of(""));
    if (context instanceof RunContext.LocalFolder) {
      throw new IOException(
          "the context " + location + " is not a URL; upload a local folder from the client");
    }
    return context;
  }

  /** Masks the secrets a job names before its own are known (a failure to prepare it). */
  private static SecretMasker known(RunSpec spec) {
    List<String> secrets = new java.util.ArrayList<>(spec.secretValues().values());
    spec.credentials().forEach(c -> secrets.add(c.password()));
    if (spec.build() != null) {
      secrets.addAll(spec.build().secretValues());
    }
    return new SecretMasker(secrets);
  }

  @Override
  public void abandoned(String runId) throws Exception {
    try (DockerEngine engine = DockerEngine.fromEnvironment()) {
      Leftovers.remove(engine, runId);
    }
  }
}
