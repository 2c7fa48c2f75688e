package dev.wharf.cli;

import dev.wharf.engine.RunListener;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.RunStatus;
import dev.wharf.engine.SecretMasker;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.EngineInfo;
import dev.wharf.engine.container.EngineUnreachableException;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.docker.DockerEngine;
import dev.wharf.engine.output.ConsolePrinter;
import dev.wharf.engine.output.JsonEventPrinter;
import dev.wharf.engine.prepare.PrepareException;
import dev.wharf.engine.prepare.PreparedRun;
import dev.wharf.engine.prepare.RunContext;
import dev.wharf.engine.prepare.RunInputs;
import dev.wharf.engine.prepare.RunOptions;
import dev.wharf.engine.prepare.RunPreparation;
import dev.wharf.engine.prepare.RunValues;
import dev.wharf.engine.prepare.TaskSource;
import dev.wharf.engine.run.Credentials;
import dev.wharf.engine.run.Runner;
import dev.wharf.engine.socket.EngineAccess;
import dev.wharf.task.InspectWriter;
import dev.wharf.task.QuickTask;
import dev.wharf.task.docker.DockerParseException;
import dev.wharf.template.render.RunInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf run}: runs a multi-step task on the local Docker engine, as {@code az acr run}. */
@Command(
    name = "run",
    header = "Run a multi-step task on the Docker engine (az acr run).",
    description = {
      "Runs a multi-step task file (acb.yaml) on the Docker engine of DOCKER_HOST (or the local"
          + " socket): steps in the order and parallelism their 'when' gives, /workspace holding"
          + " the context, everything the run creates removed at the end.",
      "",
      "CONTEXT is a local folder (default .), a git URL (https://host/repo.git#ref:folder,"
          + " file:///path/repo.git), an http(s) tarball URL, or /dev/null for none."
    },
    footer = {
      "",
      "Examples:",
      "  wharf run -r 127.0.0.1:5000 -f examples/hello/acb.yaml examples/hello",
      "  wharf run --cmd 'wharf-test/busybox echo hello' /dev/null",
      "  wharf run -f ci.yaml --set-secret token=$TOKEN --credential reg.io=ci:$PASS .",
      "",
      "Exit status: 0 succeeded, 1 failed, 2 bad input, 3 engine or context unreachable,"
          + " 130 interrupted (143 on SIGTERM).",
      "Ctrl-C cancels the run cleanly; a second Ctrl-C stops the steps at once. Either way the"
          + " run's containers, networks and volumes are removed."
    })
final class RunCommand extends TaskCommand {

  @Parameters(arity = "0..1", paramLabel = "CONTEXT", description = "The run's context.")
  String context = ".";

  @Option(
      names = "--cmd",
      paramLabel = "'IMAGE ARGS'",
      description = "Run one command instead of a task file (leading docker run flags allowed).")
  String cmd;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Deadline of the whole run.")
  Integer timeout;

  @Option(
      names = "--network",
      paramLabel = "NAME",
      description = "An existing network to use as the default network.")
  String network;

  @Option(names = "--env", paramLabel = "K=V", description = "Task env (the file's keys win).")
  List<String> env = new ArrayList<>();

  @Option(
      names = "--credential",
      paramLabel = "CREDENTIAL",
      description = "Registry login: REGISTRY=USER:PASSWORD or acb's JSON (repeatable).")
  List<String> credentials = new ArrayList<>();

  @Option(names = "--git-token", paramLabel = "TOKEN", description = "Token for a git context.")
  String gitToken;

  @Option(names = "--parallelism", paramLabel = "N", description = "Most steps at once (0: all).")
  int parallelism;

  @Option(names = "--dry-run", description = "Print the planned steps; run nothing.")
  boolean dryRun;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json (one event per line on stdout).")
  String output = "text";

  @Option(
      names = "--no-engine-socket",
      description = "Do not give steps an engine socket (steps cannot run docker).")
  boolean noEngineSocket;

  @Option(
      names = "--untrusted",
      description =
          "Give steps the engine socket of untrusted server runs: no privileged containers, host"
              + " namespaces, devices or host paths, only the run's own containers (see"
              + " docs/security.md).")
  boolean untrusted;

  @Mixin RemoteOptions remote = new RemoteOptions();

  /** The Dockerfile build a command runs ({@code wharf build}); null reads the task file. */
  QuickTask.Build build;

  /** The Dockerfile in a local context that .dockerignore must not drop (wharf build -f). */
  String dockerfile;

  /** Files added to the workspace (a Dockerfile from outside the context, for wharf build). */
  Map<String, byte[]> extraFiles = Map.of();

  /** Values masked besides the task's secrets ({@code --secret-build-arg}). */
  List<String> extraSecrets = List.of();

  @Override
  int run(TaskInput input) throws BadInputException {
    if (remote.connection.given()) {
      return RemoteRun.run(this, input);
    }
    if (cmd != null && options.file != null) {
      throw new BadInputException("--cmd and -f are mutually exclusive; give one of them");
    }
    if (!output.equals("text") && !output.equals("json")) {
      throw new BadInputException("-o takes text or json, not " + output);
    }
    List<RegistryLogin> logins = new ArrayList<>();
    for (String credential : credentials) {
      try {
        logins.add(Credentials.parse(credential));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--credential: " + e.getMessage());
      }
    }
    String runId = options.id != null ? options.id : newRunId();
    RunInputs inputs = inputs(input, runId, logins);
    DockerEngine engine = dryRun ? null : DockerEngine.fromEnvironment();
    // Connecting (client set-up, API negotiation) takes a while: overlap it with reading the
    // context and rendering the task.
    CompletableFuture<EngineInfo> connecting =
        engine == null
            ? CompletableFuture.completedFuture(
                new EngineInfo("linux", RunInfo.hostArchitecture(), "", ""))
            : CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return engine.info();
                  } catch (EngineException e) {
                    throw new CompletionException(e);
                  }
                });
    try (PreparedRun prepared = RunPreparation.prepare(inputs, () -> connected(connecting))) {
      prepared.notices().forEach(line -> err().println(line));
      if (engine == null) {
        out().println(InspectWriter.json(prepared.plan()));
        return 0;
      }
      return execute(engine, prepared);
    } catch (PrepareException e) {
      if (e.kind() == PrepareException.Kind.INPUT) {
        throw new BadInputException(e.getMessage());
      }
      err().println("Error: " + e.getMessage());
      return Main.EXIT_ENVIRONMENT;
    } catch (EngineUnreachableException e) {
      err().println("Error: " + e.getMessage());
      err()
          .println(
              "  hint: start Docker (scripts/setup-docker.sh on these machines) or set DOCKER_HOST");
      return Main.EXIT_ENVIRONMENT;
    } catch (EngineException e) {
      err().println("Error: " + e.getMessage());
      return Main.EXIT_ENVIRONMENT;
    } finally {
      if (engine != null) {
        engine.close();
      }
    }
  }

  /** The flags as the engine's run inputs: only a conversion, every decision is the pipeline's. */
  private RunInputs inputs(TaskInput input, String runId, List<RegistryLogin> logins)
      throws BadInputException {
    Path cwd = main.workingDirectory();
    TaskSource task;
    if (build != null) {
      task = new TaskSource.DockerBuild(build);
    } else if (cmd != null) {
      task = new TaskSource.Command(cmd);
    } else if ("-".equals(options.file)) {
      TaskInput.TaskFile file = input.read(cwd, System.in);
      task = new TaskSource.Text(file.text(), file.name(), file.folder());
    } else {
      task = new TaskSource.ContextFile(options.file, cwd);
    }
    return RunInputs.builder(
            task,
            RunContext.of(context, cwd),
            input.runInfo(runId, "", null, null),
            input.secrets())
        .values(
            new RunValues(
                options.valuesFile,
                cwd,
                ValueFlags.parse(options.set),
                ValueFlags.parse(options.setSecret)))
        .logins(logins)
        .gitToken(gitToken)
        .keepFile(dockerfile)
        .extraFiles(extraFiles)
        .extraMasked(extraSecrets)
        .options(
            new RunOptions(
                parallelism,
                timeout == null ? null : Duration.ofSeconds(Math.max(0, timeout)),
                network,
                noEngineSocket
                    ? EngineAccess.NONE
                    : untrusted ? EngineAccess.UNTRUSTED : EngineAccess.SCOPED,
                true,
                env,
                input.imageAliases(),
                new HttpAliasSource(),
                true))
        .build();
  }

  private static EngineInfo connected(CompletableFuture<EngineInfo> connecting)
      throws EngineException {
    try {
      return connecting.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof EngineException engineError) {
        throw engineError;
      }
      throw e;
    }
  }

  private int execute(DockerEngine engine, PreparedRun prepared) {
    SecretMasker masker = prepared.masker();
    var out = WriterStream.of(out());
    var err = WriterStream.of(err());
    RunListener printer =
        output.equals("json")
            ? new JsonEventPrinter(out, Clock.system(ZoneId.systemDefault()))
            : new ConsolePrinter(
                out,
                err,
                Clock.system(ZoneId.systemDefault()),
                ConsolePrinter.useColour(onTerminal(), System.getenv()));
    Runner runner = new Runner(engine, Clock.systemUTC());
    try (Interrupts interrupts = Interrupts.cancelling(runner)) {
      RunResult result = runner.run(prepared.request(printer));
      if (result.status() == RunStatus.SUCCESSFUL) {
        return 0;
      }
      if (result.status() == RunStatus.CANCELLED) {
        return interrupts.exitStatus();
      }
      return 1;
    } catch (EngineUnreachableException | IOException e) {
      err().println("Error: " + masker.mask(e.getMessage()));
      return Main.EXIT_ENVIRONMENT;
    } catch (EngineException e) {
      // The engine answered and refused something the run asked for (a network driver, say):
      // the run failed, as a refused push does; 3 is for an engine or context out of reach.
      err().println("Error: " + masker.mask(e.getMessage()));
      return 1;
    } catch (IllegalArgumentException e) {
      // A step the engine cannot run as written (e.g. a docker run flag Wharf cannot apply).
      err().println("Error: " + masker.mask(e.getMessage()));
      if (e.getCause() instanceof DockerParseException parse && !parse.hint().isEmpty()) {
        err().println("  hint: " + parse.hint());
      }
      return Main.EXIT_BAD_INPUT;
    }
  }

  /** A short id that sorts nowhere in particular but reads well in names: {@code w} + 6 chars. */
  static String newRunId() {
    String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    SecureRandom random = new SecureRandom();
    StringBuilder id = new StringBuilder("w");
    for (int i = 0; i < 6; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }

  // On Java 17, System.console() is null exactly when standard input and output are not a terminal.
  @SuppressWarnings("SystemConsoleNull")
  private static boolean onTerminal() {
    return System.console() != null;
  }
}
