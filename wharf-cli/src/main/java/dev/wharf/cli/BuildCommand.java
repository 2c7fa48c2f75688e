package dev.wharf.cli;

import dev.wharf.task.QuickTask;
import dev.wharf.task.docker.ContextKind;
import dev.wharf.task.docker.ContextSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wharf build}: builds one Dockerfile and pushes the image, as {@code az acr build} — a
 * build step and a push step run like any task.
 */
@Command(
    name = "build",
    header = "Build an image from a Dockerfile and push it (az acr build).",
    description = {
      "Builds an image from a Dockerfile and pushes it (az acr build): -t tags are templated"
          + " ({{.Run.ID}}) and get the --registry in front unless they name a registry.",
      "",
      "CONTEXT is a local folder, a git URL or an http(s) tarball URL, as for 'wharf run'."
    },
    footer = {
      "",
      "Examples:",
      "  wharf build -r 127.0.0.1:5000 -t hello:{{.Run.ID}} examples/hello",
      "  wharf build -t app:dev --no-push -f ci/Dockerfile --build-arg VERSION=1.2 .",
      "",
      "Exit status: as 'wharf run'."
    })
final class BuildCommand implements Callable<Integer> {

  /** Where a Dockerfile from outside the context is put in the workspace. */
  static final String OUTSIDE_DOCKERFILE = ".wharf/Dockerfile";

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CONTEXT", description = "The build context.")
  String context;

  @Option(
      names = {"-t", "--image"},
      paramLabel = "TAG",
      description = "Image to build and push (repeatable; templated).")
  List<String> images = new ArrayList<>();

  @Option(
      names = {"-f", "--file"},
      paramLabel = "DOCKERFILE",
      description = "Dockerfile, relative to the current folder; may lie outside the context.")
  String dockerfile;

  @Option(names = "--build-arg", paramLabel = "NAME=VALUE", description = "Build argument.")
  List<String> buildArgs = new ArrayList<>();

  @Option(
      names = "--secret-build-arg",
      paramLabel = "NAME=VALUE",
      description = "Build argument whose value is masked in the output.")
  List<String> secretBuildArgs = new ArrayList<>();

  @Option(names = "--target", paramLabel = "STAGE", description = "Stage to build.")
  String target;

  @Option(names = "--platform", paramLabel = "OS/ARCH", description = "Platform to build for.")
  String platform;

  @Option(names = "--no-push", description = "Build only.")
  boolean noPush;

  @Option(names = "--no-cache", description = "Do not use the build cache.")
  boolean noCache;

  @Option(
      names = {"-r", "--registry"},
      paramLabel = "HOST",
      description = "Registry for tags without one; .Run.Registry.")
  String registry;

  @Option(names = "--id", paramLabel = "ID", description = ".Run.ID (default: generated).")
  String id;

  @Option(names = "--values", paramLabel = "FILE", description = "Values file (YAML).")
  String valuesFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Sets a value.")
  List<String> set = new ArrayList<>();

  @Option(
      names = "--credential",
      paramLabel = "CREDENTIAL",
      description = "Registry login: REGISTRY=USER:PASSWORD or acb's JSON (repeatable).")
  List<String> credentials = new ArrayList<>();

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Deadline of the build.")
  Integer timeout;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json.")
  String output = "text";

  @Mixin RemoteOptions remote = new RemoteOptions();

  @Override
  public Integer call() throws IOException {
    RunCommand run = new RunCommand();
    run.main = main;
    run.spec = spec;
    run.remote = remote;
    run.options = new RenderOptions();
    run.options.registry = registry;
    run.options.id = id;
    run.options.valuesFile = valuesFile;
    run.options.set = set;
    run.context = context;
    run.credentials = credentials;
    run.timeout = timeout;
    run.output = output;
    run.extraSecrets = secretBuildArgs.stream().map(BuildCommand::value).toList();

    String inContext = "";
    if (dockerfile != null) {
      Path file = main.workingDirectory().resolve(dockerfile).normalize();
      Path folder = main.workingDirectory().resolve(context).normalize();
      if (isLocal(context) && !file.startsWith(folder)) {
        if (!Files.isRegularFile(file)) {
          spec.commandLine().getErr().println("Error: the Dockerfile " + file + " does not exist");
          return Main.EXIT_BAD_INPUT;
        }
        run.extraFiles = Map.of(OUTSIDE_DOCKERFILE, Files.readAllBytes(file));
        inContext = OUTSIDE_DOCKERFILE;
      } else {
        inContext = isLocal(context) ? folder.relativize(file).toString() : dockerfile;
        run.dockerfile = isLocal(context) ? inContext : null;
      }
    }
    List<String> tags = images.stream().map(tag -> QuickTask.registryTag(tag, registry)).toList();
    run.build =
        new QuickTask.Build(
            tags,
            inContext,
            buildArgs,
            secretBuildArgs,
            target,
            platform,
            noCache,
            false,
            ".",
            !noPush);
    return run.call();
  }

  private static boolean isLocal(String context) {
    return ContextSpec.parse(context).kind() == ContextKind.LOCAL;
  }

  private static String value(String nameEqualsValue) {
    int eq = nameEqualsValue.indexOf('=');
    return eq < 0 ? nameEqualsValue : nameEqualsValue.substring(eq + 1);
  }
}
