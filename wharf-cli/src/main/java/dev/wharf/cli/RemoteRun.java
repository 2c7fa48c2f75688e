package dev.wharf.cli;

import dev.wharf.api.QuickRunRequest;
import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunType;
import dev.wharf.api.ServerClient;
import dev.wharf.api.ServerException;
import dev.wharf.engine.TempFiles;
import dev.wharf.engine.prepare.PrepareException;
import dev.wharf.engine.prepare.RunContext;
import dev.wharf.engine.prepare.WorkspaceArchive;
import dev.wharf.task.QuickTask;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code wharf run --server} and {@code wharf build --server}: a local context is packed as tar.gz
 * (as it would be for a local run: {@code .dockerignore}, no VCS folders) and uploaded, a git or
 * tarball URL is passed on with the values, {@code --values} file and {@code -r} registry, the run
 * is queued and followed (see {@link RunWatch}).
 */
final class RemoteRun {
  private RemoteRun() {}

  /** Where a values file read from the working folder travels inside an uploaded context. */
  static final String UPLOADED_VALUES = ".wharf/values.yaml";

  /** Queues {@code command}'s run on its server and follows it; answers the exit status. */
  static int run(RunCommand command, TaskInput input) throws BadInputException {
    RenderOptions options = command.options;
    PrintWriter err = command.err();
    if (!command.credentials.isEmpty()) {
      throw new BadInputException(
          "--credential is not sent with a quick run; save it on a task instead");
    }
    ignored(command).forEach(flag -> err.println("Warning: " + flag + " is not sent to a server"));
    Path cwd = command.main.workingDirectory();
    RunContext context = RunContext.of(command.context, cwd);
    String taskText =
        command.build != null
            ? QuickTask.build(command.build)
            : command.cmd != null ? QuickTask.command(command.cmd) : null;
    RunType type = command.build != null ? RunType.QuickBuild : RunType.QuickRun;
    ServerClient client = ServerSession.open(command.remote.connection).client();
    try {
      if (context instanceof RunContext.Remote) {
        return watch(
            command,
            client,
            client.queue(
                new QuickRunRequest(
                    type,
                    spec(command, command.context, taskText),
                    command.remote.agentPool,
                    command.remote.agentLabelMap())));
      }
      if (context instanceof RunContext.None) {
        if (options.valuesFile != null) {
          throw new BadInputException(
              "--values is read from the run's context, and /dev/null has none; give the values"
                  + " with --set, or a context that holds the file");
        }
        if (taskText == null) {
          taskText = input.read(cwd, System.in).text();
        }
        return watch(
            command,
            client,
            client.queue(
                new QuickRunRequest(
                    type,
                    spec(command, "/dev/null", taskText),
                    command.remote.agentPool,
                    command.remote.agentLabelMap())));
      }
      RunContext.LocalFolder folder = (RunContext.LocalFolder) context;
      if (taskText == null) {
        taskText = input.read(folder.folder(), System.in).text();
      }
      Map<String, byte[]> extraFiles = new LinkedHashMap<>(command.extraFiles);
      RunSpec spec = spec(command, null, taskText);
      if (options.valuesFile != null
          && !Files.exists(folder.folder().resolve(options.valuesFile))) {
        // As a local run does, a values file missing from the context is read from here.
        extraFiles.put(UPLOADED_VALUES, localValues(cwd.resolve(options.valuesFile)));
        spec = spec.withValuesFile(UPLOADED_VALUES);
      }
      Path archive = TempFiles.file("wharf-context", ".tar.gz");
      try {
        err.println("Packing source code into tar to upload...");
        WorkspaceArchive.pack(folder, command.dockerfile, extraFiles, archive);
        err.printf(
            "Sending context (%.3f KiB) to %s...%n",
            Files.size(archive) / 1024.0, command.remote.connection.url());
        err.flush();
        return watch(
            command,
            client,
            client.queue(
                type, archive, spec, command.remote.agentPool, command.remote.agentLabelMap()));
      } finally {
        Files.deleteIfExists(archive);
      }
    } catch (PrepareException e) {
      err.println("Error: " + e.getMessage());
      return Main.EXIT_ENVIRONMENT;
    } catch (ServerException e) {
      err.println("Error: " + e.getMessage());
      String hint = ServerHint.forStatus(e.status());
      if (!hint.isEmpty()) {
        err.println(hint);
      }
      return Main.EXIT_ENVIRONMENT;
    } catch (IOException e) {
      err.println("Error: cannot pack the context: " + e.getMessage());
      return Main.EXIT_ENVIRONMENT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  private static int watch(RunCommand command, ServerClient client, Run queued)
      throws InterruptedException {
    return RunWatch.watch(
        client,
        queued,
        command.remote.noWait,
        command.remote.noLogs,
        command.output.equals("json"),
        command.out(),
        command.err());
  }

  private static byte[] localValues(Path file) throws BadInputException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadInputException(
          "failed to load values file at path "
              + file
              + ": it is neither in the context nor readable here ("
              + e.getMessage()
              + ")");
    }
  }

  private static RunSpec spec(RunCommand command, String context, String taskText)
      throws BadInputException {
    RenderOptions options = command.options;
    return new RunSpec(
        context,
        null,
        taskText == null ? options.file : null,
        taskText,
        ValueFlags.parse(options.set),
        secretValues(command),
        List.of(),
        null,
        command.timeout == null ? 0 : command.timeout,
        options.registry,
        options.valuesFile,
        null,
        null,
        false);
  }

  /**
   * The {@code --set-secret} values, and the values of {@code --secret-build-arg} (which the build
   * text carries) under names of their own, so that the server masks them too.
   */
  private static Map<String, String> secretValues(RunCommand command) throws BadInputException {
    Map<String, String> secrets = new LinkedHashMap<>(ValueFlags.parse(command.options.setSecret));
    for (int i = 0; i < command.extraSecrets.size(); i++) {
      secrets.put("wharf_secret_build_arg_" + i, command.extraSecrets.get(i));
    }
    return secrets;
  }

  /** The flags given that only a local run uses; the server decides these itself. */
  static List<String> ignored(RunCommand command) {
    RenderOptions o = command.options;
    Map<String, Boolean> flags = new LinkedHashMap<>();
    flags.put("--id", o.id != null);
    flags.put("--commit", o.commit != null);
    flags.put("--branch", o.branch != null);
    flags.put("--date", o.date != null);
    flags.put("--network", command.network != null);
    flags.put("--env", !command.env.isEmpty());
    flags.put("--git-token", command.gitToken != null);
    flags.put("--parallelism", command.parallelism != 0);
    flags.put("--dry-run", command.dryRun);
    flags.put("-o json", command.output.equals("json"));
    return flags.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
  }
}
