package dev.wharf.engine.step;

import dev.wharf.engine.RunEvent;
import dev.wharf.engine.StepAction;
import dev.wharf.engine.StepContext;
import dev.wharf.engine.StepOutcome;
import dev.wharf.engine.container.BuildRequest;
import dev.wharf.engine.container.EngineException;
import dev.wharf.task.Step;
import dev.wharf.task.docker.BuildArgs;
import dev.wharf.task.docker.ContextKind;
import dev.wharf.task.docker.DependencyScanner;
import dev.wharf.task.docker.DockerParseException;
import dev.wharf.task.docker.FlagValue;
import dev.wharf.task.docker.ImageDependencies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code build} step: the context folder is read from the workspace volume and streamed into the
 * engine's build; the Dockerfile is scanned for the dependencies report.
 */
final class BuildStep implements StepAction {
  /** The {@code docker build} flags the engine's builder honours. */
  private static final Set<String> SUPPORTED_FLAGS =
      Set.of(
          "add-host",
          "build-arg",
          "file",
          "label",
          "network",
          "no-cache",
          "platform",
          "pull",
          "tag",
          "target",
          "rm",
          "force-rm",
          "quiet",
          "compress",
          "stream",
          "disable-content-trust");

  private final Step step;
  private final RunEnvironment env;
  private volatile List<ImageDependencies> dependencies = List.of();

  BuildStep(Step step, RunEnvironment env) {
    this.step = step;
    this.env = env;
  }

  /** The images this build produces, as written after {@code -t}; empty when unparseable. */
  static List<String> tags(Step step) {
    try {
      return BuildArgs.parse(step.build()).tags();
    } catch (DockerParseException e) {
      return List.of();
    }
  }

  /** The dependencies of the last successful build, empty before. */
  List<ImageDependencies> dependencies() {
    return dependencies;
  }

  @Override
  public StepOutcome execute(StepContext context, int attempt) throws Exception {
    dev.wharf.task.docker.BuildRequest parsed = BuildArgs.parse(step.build());
    if (parsed.needsBuildKit()) {
      return StepOutcome.failure(
          "the build flags "
              + String.join(", ", parsed.buildKitFlags())
              + " need BuildKit, which Wharf does not drive yet; remove them from step "
              + step.id());
    }
    for (FlagValue flag : parsed.flags()) {
      if (!SUPPORTED_FLAGS.contains(flag.name())) {
        return StepOutcome.failure(
            "the docker build flag --" + flag.name() + " is not supported by Wharf yet");
      }
    }
    if (parsed.contextSpec().kind() != ContextKind.LOCAL) {
      return StepOutcome.failure(
          "the build context "
              + parsed.context()
              + " is remote; Wharf builds only from folders of the workspace for now");
    }
    String workdir = step.containerDirectory();
    String contextPath = clean(join(workdir, parsed.context()));
    String dockerfile = dockerfileInContext(parsed.dockerfile(), workdir, contextPath);
    List<String> buildArgs = resolvedBuildArgs(parsed.buildArgs());

    context.message("Scanning for dependencies...");
    String dockerfileText = readFile(clean(contextPath + "/" + dockerfile));
    List<ImageDependencies> found =
        DependencyScanner.dependencies(
            dockerfileText, buildArgs, parsed.target(), parsed.tags(), "");
    context.message("Successfully scanned dependencies");

    BuildRequest.Builder request =
        BuildRequest.builder()
            .dockerfile(dockerfile)
            .target(parsed.target())
            .noCache(parsed.enabled("no-cache"))
            .pull(parsed.enabled("pull"))
            .platform(parsed.value("platform"));
    parsed.tags().forEach(request::tag);
    for (String arg : buildArgs) {
      int eq = arg.indexOf('=');
      request.buildArg(arg.substring(0, eq), arg.substring(eq + 1));
    }
    for (String label : parsed.values("label")) {
      int eq = label.indexOf('=');
      request.label(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
    }
    if (!parsed.value("network").isEmpty()) {
      request.network(env.network(parsed.value("network")));
    }
    parsed.values("add-host").forEach(request::extraHost);
    env.logins().forEach(request::login);

    try (InputStream tar = env.engine().downloadArchive(env.contextReader(), contextPath + "/.")) {
      env.engine()
          .build(request.build(), tar, line -> context.output(RunEvent.Stream.STDOUT, line + "\n"));
    }
    dependencies = found;
    return StepOutcome.success();
  }

  /** The Dockerfile's path inside the context, as the engine's build needs it. */
  private String dockerfileInContext(String flag, String workdir, String contextPath) {
    if (flag.isEmpty()) {
      return "Dockerfile";
    }
    // As the docker CLI: -f is relative to the current folder, not to the context.
    String path = clean(join(workdir, flag));
    String root = contextPath.equals("/") ? "/" : contextPath + "/";
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException(
          "the Dockerfile " + flag + " of step " + step.id() + " lies outside its build context");
    }
    return path.substring(root.length());
  }

  /** {@code K=V} build args; a bare {@code K} takes the step's env value, as the CLI's env. */
  private List<String> resolvedBuildArgs(List<String> args) {
    List<String> resolved = new ArrayList<>();
    for (String arg : args) {
      if (arg.contains("=")) {
        resolved.add(arg);
        continue;
      }
      for (String entry : step.env()) {
        if (entry.startsWith(arg + "=")) {
          resolved.add(entry);
        }
      }
    }
    return resolved;
  }

  private String readFile(String path) throws EngineException, IOException {
    try (InputStream tar = env.engine().downloadArchive(env.contextReader(), path)) {
      byte[] header = tar.readNBytes(512);
      if (header.length < 512) {
        throw new IOException("the Dockerfile " + path + " is empty or missing");
      }
      String size = new String(header, 124, 12, StandardCharsets.US_ASCII).trim();
      long length = Long.parseLong(size.replace("\0", "").trim(), 8);
      return new String(tar.readNBytes((int) length), StandardCharsets.UTF_8);
    }
  }

  private static String join(String directory, String path) {
    return path.startsWith("/") ? path : directory + "/" + path;
  }

  /** Go's {@code path.Clean} for absolute paths. */
  static String clean(String absolute) {
    List<String> parts = new ArrayList<>();
    for (String part : absolute.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}
