package dev.wharf.cli;

import dev.wharf.api.BuildArgument;
import dev.wharf.api.DockerBuildStep;
import dev.wharf.api.RegistryCredential;
import dev.wharf.api.ServerClient;
import dev.wharf.api.Task;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskStatus;
import dev.wharf.task.QuickTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wharf task}: saved tasks and their runs on a Wharf server, as {@code az acr task}. */
@Command(
    name = "task",
    header = "Saved tasks and runs on a Wharf server (az acr task).",
    description = "Saved tasks and runs on a Wharf server (az acr task).",
    footer = {
      "",
      "Examples:",
      "  wharf task create -n hello-task -c https://host/repo.git -f acb.yaml --set greeting=hi",
      "  wharf task create -n private-task -c https://host/private.git --git-access-token \"$TOKEN\"",
      "  wharf task run -n hello-task",
      "  wharf task list-runs --top 5",
      "  wharf task logs --run-id wa3",
      "  wharf task credential add -n hello-task --login-server 127.0.0.1:5001 -u wharf -p \"$P\"",
      "  wharf task create -n app-ci -c http://git.example/app.git -f acb.yaml \\",
      "      --commit-trigger-enabled true --branch main --schedule '0 21 * * *'",
      "",
      "The server comes from --server or WHARF_SERVER, the token from --token or WHARF_TOKEN.",
      "Exit status: 0 success (for runs: Succeeded), 1 run not Succeeded, 2 bad input,"
          + " 3 server unreachable or refusing."
    },
    subcommands = {
      SavedTaskCommand.Create.class,
      SavedTaskCommand.Update.class,
      SavedTaskCommand.Show.class,
      SavedTaskCommand.ListTasks.class,
      SavedTaskCommand.Delete.class,
      TaskRunCommands.RunTask.class,
      TaskRunCommands.Logs.class,
      TaskRunCommands.ListRuns.class,
      TaskRunCommands.ShowRun.class,
      TaskRunCommands.CancelRun.class,
      TaskRunCommands.UpdateRun.class,
      TimerCommand.class,
      CredentialCommand.class
    })
final class SavedTaskCommand implements Runnable {

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The fields create and update share; unset ones are left out. */
  abstract static class Definition extends ServiceCommand {
    @ParentCommand SavedTaskCommand parent;

    @Option(
        names = {"-n", "--name"},
        required = true,
        paramLabel = "NAME",
        description = "Task name.")
    String name;

    @Option(
        names = {"-c", "--context"},
        paramLabel = "URL",
        description = "git URL, tarball URL or /dev/null.")
    String context;

    @Option(
        names = {"-f", "--file"},
        paramLabel = "FILE",
        description =
            "Task file in the context (with -c /dev/null a local file sent inline), or a"
                + " Dockerfile: a file not ending .yaml, .yml or another task file type is built.")
    String file;

    @Option(
        names = {"-t", "--image"},
        paramLabel = "TAG",
        description =
            "Dockerfile task: an image to build and push (repeatable; templated, the run's"
                + " registry put in front unless it names one).")
    List<String> images = new ArrayList<>();

    @Option(
        names = "--arg",
        paramLabel = "K=V",
        description = "Dockerfile task: a build argument (repeatable).")
    List<String> args = new ArrayList<>();

    @Option(
        names = "--secret-arg",
        paramLabel = "K=V",
        description = "Dockerfile task: a build argument, write-only, masked in logs (repeatable).")
    List<String> secretArgs = new ArrayList<>();

    @Option(names = "--target", paramLabel = "STAGE", description = "Dockerfile task: the stage.")
    String target;

    @Option(
        names = "--no-push",
        arity = "0..1",
        fallbackValue = "true",
        paramLabel = "true|false",
        description = "Dockerfile task: build only, push nothing.")
    Boolean noPush;

    @Option(
        names = "--no-cache",
        arity = "0..1",
        fallbackValue = "true",
        paramLabel = "true|false",
        description = "Dockerfile task: do not use the build cache.")
    Boolean noCache;

    @Option(names = "--cmd", paramLabel = "'IMAGE ARGS'", description = "A one-command task.")
    String cmd;

    @Option(
        names = "--values",
        paramLabel = "FILE",
        description = "A values file in the task's context, read at each run.")
    String valuesFile;

    @Option(names = "--set", paramLabel = "K=V", description = "A value (repeatable).")
    List<String> set = new ArrayList<>();

    @Option(
        names = "--set-secret",
        paramLabel = "K=V",
        description = "A secret value: write-only, masked in logs (repeatable).")
    List<String> setSecret = new ArrayList<>();

    @Option(
        names = "--credential",
        paramLabel = "REGISTRY=USER:PASSWORD",
        description = "A registry login (repeatable; write-only).")
    List<String> credentials = new ArrayList<>();

    @Option(
        names = "--git-access-token",
        paramLabel = "TOKEN",
        description =
            "Token for a private git context (write-only, sealed, never shown); a token written"
                + " into the -c URL is moved here.")
    String gitAccessToken;

    @Option(names = "--status", paramLabel = "STATUS", description = "Enabled or Disabled.")
    String status;

    @Option(names = "--platform", paramLabel = "OS/ARCH", description = "Default linux/amd64.")
    String platform;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Run timeout (≤ 28800).")
    Integer timeout;

    @Option(
        names = "--agent-pool",
        paramLabel = "NAME",
        description = "Run the task on agents of this pool (default: the default pool).")
    String agentPool;

    @Option(
        names = "--agent-label",
        paramLabel = "KEY=VALUE",
        description =
            "Run the task only on agents started with --label KEY=VALUE; repeatable (an agent"
                + " needs them all). On update the labels given replace the task's;"
                + " --agent-label '' removes them all.")
    List<String> agentLabels = new ArrayList<>();

    @Mixin TriggerOptions triggers = new TriggerOptions();

    /** The agent labels given, the empty {@code --agent-label ''} standing for none. */
    Map<String, String> agentLabelMap() throws BadInputException {
      return LabelFlags.parse(
          "--agent-label", agentLabels.stream().filter(label -> !label.isEmpty()).toList());
    }

    /**
     * Inline task text from {@code --cmd} or a local {@code -f} with a {@code /dev/null} context.
     */
    String taskText() throws BadInputException {
      if (cmd != null && file != null) {
        throw new BadInputException("--cmd and -f are mutually exclusive; give one of them");
      }
      if (cmd != null) {
        return QuickTask.command(cmd);
      }
      if (file != null && "/dev/null".equals(context)) {
        Path path = parent.main.workingDirectory().resolve(file);
        try {
          return Files.readString(path);
        } catch (IOException e) {
          throw new BadInputException("cannot read the task file " + path + ": " + e.getMessage());
        }
      }
      return null;
    }

    /** Whether any flag of a Dockerfile task is given. */
    boolean buildFlags() {
      return !images.isEmpty()
          || !args.isEmpty()
          || !secretArgs.isEmpty()
          || target != null
          || noPush != null
          || noCache != null;
    }

    /** {@code --arg} then {@code --secret-arg}, as build arguments. */
    List<BuildArgument> arguments() throws BadInputException {
      List<BuildArgument> arguments = new ArrayList<>();
      for (String arg : args) {
        arguments.add(argument("--arg", arg, false));
      }
      for (String arg : secretArgs) {
        arguments.add(argument("--secret-arg", arg, true));
      }
      return arguments;
    }

    private static BuildArgument argument(String flag, String text, boolean secret)
        throws BadInputException {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        throw new BadInputException(
            flag + " takes NAME=VALUE, not " + (secret ? "a value without a name" : text));
      }
      return new BuildArgument(text.substring(0, eq), text.substring(eq + 1), secret);
    }

    List<RegistryCredential> logins() throws BadInputException {
      List<RegistryCredential> logins = new ArrayList<>();
      for (String credential : credentials) {
        int eq = credential.indexOf('=');
        int colon = credential.indexOf(':', eq + 1);
        if (eq <= 0 || colon < 0) {
          throw new BadInputException(
              "--credential takes REGISTRY=USER:PASSWORD, not " + credential.split("=")[0] + "=…");
        }
        logins.add(
            new RegistryCredential(
                credential.substring(0, eq),
                credential.substring(eq + 1, colon),
                credential.substring(colon + 1)));
      }
      return logins;
    }

    void print(Object task) {
      out().print(json() ? RunWatch.json(task) + "\n" : RunTable.tasks(List.of((Task) task)));
    }
  }

  @Command(
      name = "create",
      description = {
        "Creates a task.",
        "",
        "A task whose -f is a Dockerfile (any file not ending .yaml, .yml or another task file"
            + " type), or that has -t, --arg, --secret-arg, --target, --no-push or --no-cache,"
            + " builds that Dockerfile and pushes its -t images to the run's registry, as"
            + " 'wharf build' does (-f defaults to Dockerfile then)."
      },
      footer = {
        "",
        "Examples:",
        "  wharf task create -n hello -c https://host/org/repo.git#main -f acb.yaml --set greeting=hi",
        "  wharf task create -n hello-build -c https://host/org/repo.git#main -f Dockerfile \\",
        "      -t 'hello:{{.Run.ID}}' -t hello:latest --arg VERSION=1 --secret-arg TOKEN=\"$T\"",
        "  wharf task create -n hello-cmd -c /dev/null --cmd 'wharf-test/busybox echo hello $ID'",
        "  wharf task create -n local -c /dev/null -f acb.yaml   the local file, sent inline",
        "  wharf task create -n on-ssd -c https://host/org/repo.git -f acb.yaml \\",
        "      --agent-pool arm --agent-label disk=ssd   its runs go only to such agents"
      })
  static final class Create extends Definition {
    @Option(
        names = "--schedule",
        paramLabel = "[NAME:]CRON",
        description = "A timer: 5-field cron in UTC, named t1, t2, … unless NAME: (repeatable).")
    List<String> schedules = new ArrayList<>();

    @Override
    int run(ServerSession server) throws BadInputException {
      ServerClient client = server.client();
      String text = taskText();
      String taskFile = text != null ? null : file != null ? file : defaultFile();
      DockerBuildStep build = null;
      if (buildFlags() || (text == null && !TaskDefinition.isTaskFile(taskFile))) {
        build =
            new DockerBuildStep(
                images,
                arguments(),
                target,
                platform,
                Boolean.TRUE.equals(noPush),
                Boolean.TRUE.equals(noCache));
      }
      TaskDefinition task;
      try {
        task =
            TaskDefinition.builder()
                .name(name)
                .context(text != null && context == null ? "/dev/null" : context)
                .file(taskFile)
                .taskText(text)
                .values(ValueFlags.parse(set))
                .secretValues(ValueFlags.parse(setSecret))
                .credentials(logins())
                .status(status == null ? null : TaskStatus.valueOf(status))
                .platform(platform)
                .timeoutSeconds(timeout == null ? 0 : timeout)
                .agentPool(agentPool)
                .agentLabels(agentLabelMap())
                .triggers(triggers.forCreate(schedules))
                .valuesFile(valuesFile)
                .gitAccessToken(gitAccessToken)
                .dockerBuild(build)
                .build();
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      print(client.createTask(task));
      return 0;
    }

    /** With -t and no -f the task builds ./Dockerfile, as az acr task create; else acb.yaml. */
    private String defaultFile() {
      return buildFlags() ? "Dockerfile" : "acb.yaml";
    }
  }

  @Command(
      name = "update",
      description = "Changes the given fields of a task.",
      footer = {
        "",
        "Examples:",
        "  wharf task update -n hello --set greeting=bonjour",
        "  wharf task update -n hello-build -t 'hello:{{.Run.ID}}' --arg VERSION=2 --no-push false",
        "  wharf task update -n hello --status Disabled",
        "  wharf task update -n hello --agent-label disk=ssd --agent-label gpu=yes",
        "  wharf task update -n hello --agent-label ''   any agent of the pool again",
        "  wharf task update -n deploy --trusted true   its runs may use the whole engine (admin;"
            + " on an agent or server started with --allow-raw-engine-socket)"
      })
  static final class Update extends Definition {
    @Option(
        names = "--trusted",
        paramLabel = "true|false",
        arity = "1",
        description =
            "Mark the task trusted (admin only): runs of its own instructions get the whole engine,"
                + " privileged and host-network steps included, when the agent executing them (the"
                + " server's own, or a wharf agent) was started with --allow-raw-engine-socket;"
                + " otherwise every run is untrusted (docs/security.md).")
    Boolean trusted;

    @Override
    int run(ServerSession server) throws BadInputException {
      ServerClient client = server.client();
      Map<String, Object> fields = new LinkedHashMap<>();
      if (trusted != null) {
        fields.put("trusted", trusted);
      }
      String text = taskText();
      if (context != null) {
        fields.put("context", context);
      }
      if (text != null) {
        fields.put("taskText", text);
        fields.put("file", null);
      } else if (file != null) {
        fields.put("file", file);
        fields.put("taskText", null);
      }
      if (valuesFile != null) {
        fields.put("valuesFile", valuesFile);
      }
      if (!set.isEmpty()) {
        fields.put("values", ValueFlags.parse(set));
      }
      if (!setSecret.isEmpty()) {
        fields.put("secretValues", ValueFlags.parse(setSecret));
      }
      if (!credentials.isEmpty()) {
        fields.put("credentials", logins());
      }
      if (gitAccessToken != null) {
        fields.put("gitAccessToken", gitAccessToken);
      }
      if (buildFlags()) {
        fields.put("build", buildPatch());
      }
      if (status != null) {
        fields.put("status", TaskStatus.valueOf(status));
      }
      if (platform != null) {
        fields.put("platform", platform);
      }
      if (timeout != null) {
        fields.put("timeoutSeconds", timeout);
      }
      if (agentPool != null) {
        fields.put("agentPool", agentPool);
      }
      if (!agentLabels.isEmpty()) {
        fields.put("agentLabels", agentLabelMap());
      }
      Map<String, Object> changedTriggers = triggers.forUpdate();
      if (!changedTriggers.isEmpty()) {
        fields.put("triggers", changedTriggers);
      }
      print(client.updateTask(name, fields));
      return 0;
    }

    /** The build flags given, to merge into the task's build (arguments by name). */
    private Map<String, Object> buildPatch() throws BadInputException {
      Map<String, Object> build = new LinkedHashMap<>();
      if (!images.isEmpty()) {
        build.put("imageNames", images);
      }
      if (!args.isEmpty() || !secretArgs.isEmpty()) {
        build.put("arguments", arguments());
      }
      if (target != null) {
        build.put("target", target);
      }
      if (platform != null) {
        build.put("platform", platform);
      }
      if (noPush != null) {
        build.put("noPush", noPush);
      }
      if (noCache != null) {
        build.put("noCache", noCache);
      }
      return build;
    }
  }

  @Command(
      name = "show",
      description = "Shows a task (secret values by name only).",
      footer = {
        "",
        "Examples:",
        "  wharf task show -n hello",
        "  wharf task show -n hello -o json"
      })
  static final class Show extends ServiceCommand {
    @Option(
        names = {"-n", "--name"},
        required = true,
        paramLabel = "NAME",
        description = "Task name.")
    String name;

    @Override
    int run(ServerSession server) {
      ServerClient client = server.client();
      Task task = client.task(name);
      if (json()) {
        out().println(RunWatch.json(task));
        return 0;
      }
      out().print(RunTable.tasks(List.of(task)));
      out().println();
      out().println("Values:         " + String.join(", ", task.valueNames()));
      out().println("Secret values:  " + String.join(", ", task.secretValueNames()));
      out().println("Credentials:    " + String.join(", ", task.credentialLoginServers()));
      out().println("Timeout:        " + task.timeoutSeconds() + "s");
      out().println("Agent pool:     " + (task.agentPool() == null ? "default" : task.agentPool()));
      out().println("Agent labels:   " + TaskRunCommands.ShowRun.labels(task.agentLabels()));
      out().println("Trusted:        " + (task.trusted() ? "yes" : "no"));
      if (task.build() != null) {
        buildLines(task.build()).forEach(out()::println);
      }
      TriggerLines.of(task).forEach(out()::println);
      if (task.taskText() != null) {
        out().println("Task:");
        out().print(task.taskText());
      }
      return 0;
    }
  }

  /** What a Dockerfile task builds, its secret arguments by name only. */
  static List<String> buildLines(DockerBuildStep build) {
    List<String> lines = new ArrayList<>();
    lines.add("Images:         " + String.join(", ", build.imageNames()));
    lines.add(
        "Build args:     "
            + String.join(
                ", ",
                build.arguments().stream()
                    .map(a -> a.secret() ? a.name() + " (secret)" : a.assignment())
                    .toList()));
    if (build.target() != null) {
      lines.add("Target:         " + build.target());
    }
    lines.add(
        "Push:           "
            + (build.noPush() ? "no" : "yes")
            + (build.noCache() ? ", no cache" : ""));
    return lines;
  }

  @Command(
      name = "list",
      description = "Lists the tasks.",
      footer = {"", "Examples:", "  wharf task list", "  wharf task list -o json"})
  static final class ListTasks extends ServiceCommand {
    @Override
    int run(ServerSession server) {
      ServerClient client = server.client();
      List<Task> tasks = client.tasks();
      out().print(json() ? RunWatch.json(tasks) + "\n" : RunTable.tasks(tasks));
      return 0;
    }
  }

  @Command(
      name = "delete",
      description = "Deletes a task (its runs stay).",
      footer = {"", "Examples:", "  wharf task delete -n hello"})
  static final class Delete extends ServiceCommand {
    @Option(
        names = {"-n", "--name"},
        required = true,
        paramLabel = "NAME",
        description = "Task name.")
    String name;

    @Override
    int run(ServerSession server) {
      ServerClient client = server.client();
      client.deleteTask(name);
      return 0;
    }
  }
}
