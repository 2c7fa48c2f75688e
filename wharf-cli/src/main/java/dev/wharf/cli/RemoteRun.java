package dev.wharf.cli;

import dev.wharf.api.QuickRunRequest;
import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunType;
import dev.wharf.api.ServerClient;
import dev.wharf.api.ServerException;
import dev.wharf.task.QuickTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * {@code wharf run --server} and {@code wharf build --server}: a local context is packed as tar.gz
 * (as it would be for a local run: {@code .dockerignore}, no VCS folders) and uploaded, a git or
 * tarball URL is passed on, the run is queued and followed (see {@link RunWatch}).
 */
final class RemoteRun {
  private RemoteRun() {}

  /** Queues {@code command}'s run on its server and follows it; answers the exit status. */
  static int run(RunCommand command, TaskInput input) throws BadInputException {
    RenderOptions options = command.options;
    PrintWriter out = command.out();
    PrintWriter err = command.err();
    if (options.valuesFile != null) {
      throw new BadInputException(
          "--values is not sent to a server; give the values with --set and --set-secret");
    }
    if (!command.credentials.isEmpty()) {
      throw new BadInputException(
          "--credential is not sent with a quick run; save it on a task instead");
    }
    ignored(command).forEach(flag -> err.println("Warning: " + flag + " is not sent to a server"));
    ServerClient client = ServerSession.open(command.remote.connection).client();
    String context = command.context;
    boolean url = context.contains("://") || context.startsWith("git@");
    boolean none = context.equals("/dev/null");
    String taskText =
        command.taskText != null
            ? command.taskText
            : command.cmd != null ? QuickTask.command(command.cmd) : null;
    RunType type = command.taskText != null ? RunType.QuickBuild : RunType.QuickRun;
    try {
      if (url) {
        return RunWatch.watch(
            client,
            client.queue(
                new QuickRunRequest(
                    type, spec(command, context, taskText), command.remote.agentPool)),
            command.remote.noWait,
            command.remote.noLogs,
            command.output.equals("json"),
            out,
            err);
      }
      if (taskText == null && none) {
        taskText = input.read(command.main.workingDirectory(), System.in).text();
      }
      if (none) {
        return RunWatch.watch(
            client,
            client.queue(
                new QuickRunRequest(
                    type, spec(command, context, taskText), command.remote.agentPool)),
            command.remote.noWait,
            command.remote.noLogs,
            command.output.equals("json"),
            out,
            err);
      }
      Path archive = Files.createTempFile("wharf-context", ".tar.gz");
      try (RunSource source =
          RunSource.open(
              context, command.main.workingDirectory(), null, command.dockerfile, options)) {
        if (taskText == null) {
          taskText = source.taskFile(input, options.file).text();
        }
        for (var extra : command.extraFiles.entrySet()) {
          source.add(extra.getKey(), extra.getValue());
        }
        err.println("Packing source code into tar to upload...");
        pack(source, archive);
        err.printf(
            "Sending context (%.3f KiB) to %s...%n",
            Files.size(archive) / 1024.0, command.remote.connection.url());
        err.flush();
        Run queued =
            client.queue(type, archive, spec(command, null, taskText), command.remote.agentPool);
        return RunWatch.watch(
            client,
            queued,
            command.remote.noWait,
            command.remote.noLogs,
            command.output.equals("json"),
            out,
            err);
      } finally {
        Files.deleteIfExists(archive);
      }
    } catch (RunSource.Unreachable e) {
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

  private static RunSpec spec(RunCommand command, String context, String taskText)
      throws BadInputException {
    return new RunSpec(
        context,
        null,
        taskText == null ? command.options.file : null,
        taskText,
        pairs(command.options.set, "--set"),
        secretValues(command),
        List.of(),
        null,
        command.timeout == null ? 0 : command.timeout);
  }

  /**
   * The {@code --set-secret} values, and the values of {@code --secret-build-arg} (which the build
   * text carries) under names of their own, so that the server masks them too.
   */
  private static Map<String, String> secretValues(RunCommand command) throws BadInputException {
    Map<String, String> secrets = pairs(command.options.setSecret, "--set-secret");
    for (int i = 0; i < command.extraSecrets.size(); i++) {
      secrets.put("wharf_secret_build_arg_" + i, command.extraSecrets.get(i));
    }
    return secrets;
  }

  /** The flags given that only a local run uses; the server decides these itself. */
  static List<String> ignored(RunCommand command) {
    RenderOptions o = command.options;
    Map<String, Boolean> flags = new LinkedHashMap<>();
    // wharf build puts -r in front of its tags itself; a run's .Run.Registry is the server's
    flags.put("-r/--registry", command.taskText == null && o.registry != null);
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

  /** Writes the context as the tar.gz a server takes. */
  static void pack(RunSource source, Path archive) throws IOException {
    try (InputStream in = source.workspace();
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
      in.transferTo(out);
    }
  }

  /** {@code KEY=VALUE} flags as a map, the last one of a key winning as in a local run. */
  static Map<String, String> pairs(List<String> flags, String flag) throws BadInputException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : flags) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new BadInputException(flag + " takes KEY=VALUE, not " + pair);
      }
      values.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return values;
  }
}
