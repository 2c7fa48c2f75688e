package dev.wharf.cli;

import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunStatus;
import dev.wharf.api.ServerClient;
import dev.wharf.api.TaskRunOverrides;
import dev.wharf.engine.TempFiles;
import dev.wharf.engine.prepare.PrepareException;
import dev.wharf.engine.prepare.RunContext;
import dev.wharf.engine.prepare.WorkspaceArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The run commands of {@code wharf task}: run, logs, list-runs, show-run, update-run, cancel-run.
 */
final class TaskRunCommands {
  private TaskRunCommands() {}

  @Command(
      name = "run",
      description = "Runs a task now and follows its log.",
      footer = {
        "",
        "Examples:",
        "  wharf task run -n hello",
        "  wharf task run -n hello --set greeting=hi --no-logs",
        "  wharf task run -n hello --no-wait -o json"
      })
  static final class RunTask extends ServiceCommand {
    @ParentCommand SavedTaskCommand parent;

    @Option(
        names = {"-n", "--name"},
        required = true,
        paramLabel = "NAME",
        description = "Task name.")
    String name;

    @Option(
        names = {"-c", "--context"},
        paramLabel = "CONTEXT",
        description = "Another context for this run: a URL, or a local folder (uploaded).")
    String context;

    @Option(
        names = {"-f", "--file"},
        paramLabel = "FILE",
        description = "Another task file in the context.")
    String file;

    @Option(
        names = "--values",
        paramLabel = "FILE",
        description = "A values file in the context (a local context's, else read here).")
    String valuesFile;

    @Option(names = "--set", paramLabel = "K=V", description = "A value for this run.")
    List<String> set = new ArrayList<>();

    @Option(names = "--set-secret", paramLabel = "K=V", description = "A secret value.")
    List<String> setSecret = new ArrayList<>();

    @Option(names = "--no-wait", description = "Print the queued run and return.")
    boolean noWait;

    @Option(names = "--no-logs", description = "Wait without the log, then print the run.")
    boolean noLogs;

    @Override
    int run(ServerSession server) throws BadInputException, InterruptedException {
      ServerClient client = server.client();
      String upload = null;
      String remoteContext = context;
      String values = valuesFile;
      Path cwd = parent.main.workingDirectory();
      if (context != null && RunContext.of(context, cwd) instanceof RunContext.LocalFolder folder) {
        Map<String, byte[]> extraFiles = new LinkedHashMap<>();
        if (values != null && !Files.exists(folder.folder().resolve(values))) {
          // As a local run does, a values file missing from the context is read from here.
          extraFiles.put(RemoteRun.UPLOADED_VALUES, readValues(cwd.resolve(values)));
          values = RemoteRun.UPLOADED_VALUES;
        }
        upload = upload(server, folder, extraFiles);
        remoteContext = null;
      }
      Run queued =
          client.runTask(
              name,
              new TaskRunOverrides(
                  remoteContext,
                  upload,
                  file,
                  set.isEmpty() ? null : ValueFlags.parse(set),
                  setSecret.isEmpty() ? null : ValueFlags.parse(setSecret),
                  values));
      return RunWatch.watch(client, queued, noWait, noLogs, json(), out(), err());
    }

    private static byte[] readValues(Path file) throws BadInputException {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new BadInputException(
            "failed to load values file at path " + file + ": " + e.getMessage());
      }
    }

    private String upload(
        ServerSession server, RunContext.LocalFolder folder, Map<String, byte[]> extraFiles)
        throws BadInputException {
      Path archive = null;
      try {
        archive = TempFiles.file("wharf-context", ".tar.gz");
        WorkspaceArchive.pack(folder, null, extraFiles, archive);
        return server.client().upload(archive);
      } catch (PrepareException | IOException e) {
        throw new BadInputException(e.getMessage());
      } finally {
        if (archive != null) {
          archive.toFile().delete();
        }
      }
    }
  }

  @Command(
      name = "logs",
      description =
          "Shows a run's log, live while it runs (the task's last run with -n, the last run"
              + " that pushed an image with --image); exits 0 only when that run Succeeded.",
      footer = {
        "",
        "Examples:",
        "  wharf task logs --run-id wa1",
        "  wharf task logs -n hello        the task's last run",
        "  wharf task logs --image hello:wa7   the last run that pushed hello:wa7"
      })
  static final class Logs extends ServiceCommand {
    @Option(names = "--run-id", paramLabel = "ID", description = "The run.")
    String runId;

    @Option(
        names = {"-n", "--name"},
        paramLabel = "NAME",
        description = "A task: its last run.")
    String name;

    @Option(
        names = "--image",
        paramLabel = "REPO:TAG",
        description = "An image: the last run that pushed it (as list-runs --image).")
    String image;

    @Override
    int run(ServerSession server) throws BadInputException {
      ServerClient client = server.client();
      String id = runId;
      if (id == null) {
        if (name == null && image == null) {
          throw new BadInputException("give --run-id ID, -n TASK or --image REPO:TAG");
        }
        List<Run> last = client.runs(new RunFilter(name, null, image, 1));
        if (last.isEmpty()) {
          throw new BadInputException(
              (name != null ? "task " + name : "no run")
                  + " has no runs"
                  + (image != null ? " that pushed " + image : ""));
        }
        id = last.get(0).runId();
      }
      RunStatus status =
          client.follow(
              id,
              line -> {
                out().println(line);
                out().flush();
              });
      return status == RunStatus.Succeeded ? 0 : 1;
    }
  }

  @Command(
      name = "list-runs",
      description = "Lists runs, newest first.",
      footer = {
        "",
        "Examples:",
        "  wharf task list-runs --top 5",
        "  wharf task list-runs -n hello --run-status Failed -o json"
      })
  static final class ListRuns extends ServiceCommand {
    @Option(
        names = {"-n", "--name"},
        paramLabel = "NAME",
        description = "Only this task's runs.")
    String name;

    @Option(names = "--run-status", paramLabel = "STATUS", description = "Only runs in STATUS.")
    String status;

    @Option(names = "--image", paramLabel = "REPO:TAG", description = "Only runs that pushed it.")
    String image;

    @Option(names = "--top", paramLabel = "N", description = "How many (default 15).")
    int top;

    @Override
    int run(ServerSession server) {
      ServerClient client = server.client();
      List<Run> runs =
          client.runs(
              new RunFilter(name, status == null ? null : RunStatus.valueOf(status), image, top));
      out().print(json() ? RunWatch.json(runs) + "\n" : RunTable.runs(runs));
      return 0;
    }
  }

  @Command(
      name = "show-run",
      description = "Shows one run.",
      footer = {
        "",
        "Examples:",
        "  wharf task show-run --run-id wa1",
        "  wharf task show-run --run-id wa1 -o json"
      })
  static final class ShowRun extends ServiceCommand {
    @Option(names = "--run-id", required = true, paramLabel = "ID", description = "The run.")
    String runId;

    /** {@code k=v, k2=v2} by key, as {@code wharf task show} and {@code show-run} print labels. */
    static String labels(java.util.Map<String, String> labels) {
      return new java.util.TreeMap<>(labels)
          .entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(java.util.stream.Collectors.joining(", "));
    }

    @Override
    int run(ServerSession server) {
      ServerClient client = server.client();
      Run run = client.run(runId);
      out().print(json() ? RunWatch.json(run) + "\n" : RunTable.runs(List.of(run)));
      if (!json()) {
        RunTable.triggerDetails(run.triggerDetails()).forEach(out()::println);
        if (run.archived()) {
          out().println("Archived: yes (its log is kept)");
        }
        String pool = run.agentPool() == null ? "default" : run.agentPool();
        if (run.agent() != null) {
          out().println("Agent: " + run.agent() + " (pool " + pool + ")");
        } else if (run.queuePosition() != null) {
          out()
              .println(
                  "Queue position: " + run.queuePosition() + " runs ahead of it in pool " + pool);
        }
        if (!run.agentLabels().isEmpty()) {
          out().println("Agent labels asked for: " + labels(run.agentLabels()));
        }
      }
      if (!json() && run.runErrorMessage() != null) {
        out().println("Error: " + run.runErrorMessage());
      }
      return 0;
    }
  }

  @Command(
      name = "update-run",
      description =
          "Marks a run archived or not, as az acr task update-run: an archived run's log is kept"
              + " past the server's log retention (runs themselves are never pruned).",
      footer = {
        "",
        "Examples:",
        "  wharf task update-run --run-id wa1 --no-archive false   keep its log",
        "  wharf task update-run --run-id wa1 --no-archive true    prune it with the others"
      })
  static final class UpdateRun extends ServiceCommand {
    @Option(names = "--run-id", required = true, paramLabel = "ID", description = "The run.")
    String runId;

    @Option(
        names = "--no-archive",
        required = true,
        paramLabel = "true|false",
        arity = "1",
        description = "false archives the run, true unarchives it.")
    boolean noArchive;

    @Override
    int run(ServerSession server) {
      ServerClient client = server.client();
      Run run = client.updateRun(runId, !noArchive);
      out().print(json() ? RunWatch.json(run) + "\n" : RunTable.runs(List.of(run)));
      if (!json()) {
        out().println("Archived: " + (run.archived() ? "yes" : "no"));
      }
      return 0;
    }
  }

  @Command(
      name = "cancel-run",
      description = "Cancels a queued or running run.",
      footer = {"", "Examples:", "  wharf task cancel-run --run-id wa1"})
  static final class CancelRun extends ServiceCommand {
    @Option(names = "--run-id", required = true, paramLabel = "ID", description = "The run.")
    String runId;

    @Override
    int run(ServerSession server) {
      ServerClient client = server.client();
      Run run = client.cancel(runId);
      out().print(json() ? RunWatch.json(run) + "\n" : RunTable.runs(List.of(run)));
      return 0;
    }
  }
}
