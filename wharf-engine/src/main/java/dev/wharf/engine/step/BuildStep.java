package dev.wharf.engine.step;

import dev.wharf.engine.RunEvent;
import dev.wharf.engine.SecretMasker;
import dev.wharf.engine.StepAction;
import dev.wharf.engine.StepContext;
import dev.wharf.engine.StepOutcome;
import dev.wharf.engine.container.BuildRequest;
import dev.wharf.engine.container.BuildSecret;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.ImageInfo;
import dev.wharf.engine.source.SourceException;
import dev.wharf.task.Step;
import dev.wharf.task.docker.BuildArgs;
import dev.wharf.task.docker.BuildKitFeatures;
import dev.wharf.task.docker.DockerParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a {@code build} step: the {@code build} string parsed as {@code docker build} does
 * (docs/behaviour.md#build-strings), the context read from the workspace volume (or a git or
 * tarball URL), and the classic builder of the Engine API, or the engine's BuildKit when the build
 * needs it (docs/buildkit.md). What the build used is kept for the dependency report.
 */
final class BuildStep implements StepAction {

  /** The BuildKit-only flags the engine's BuildKit honours through its build API. */
  private static final List<String> BUILDKIT_FLAGS = List.of("load", "progress", "secret", "ssh");

  /** The build arg that makes BuildKit write its cache metadata into the image it builds. */
  private static final String INLINE_CACHE = "BUILDKIT_INLINE_CACHE";

  private final Step step;
  private final StepEnvironment env;
  private final dev.wharf.task.docker.BuildRequest build;
  private volatile BuiltImage built;

  BuildStep(Step step, StepEnvironment env) throws DockerParseException {
    this.step = step;
    this.env = env;
    this.build = BuildArgs.parse(step.build());
    build.tags().forEach(env::willBuild);
  }

  BuiltImage built() {
    return built;
  }

  /**
   * A {@code --secret} value as docker build reads it: {@code id=NAME} with {@code src=FILE} (a
   * file of the workspace, relative to the step's working directory) or {@code env=VAR} (the step's
   * environment); with neither, the variable named by the id.
   */
  private BuildSecret secret(String spec) throws IOException, SourceException {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : spec.split(",")) {
      int eq = field.indexOf('=');
      fields.put(
          (eq < 0 ? field : field.substring(0, eq)).strip().toLowerCase(Locale.ROOT),
          eq < 0 ? "" : field.substring(eq + 1).strip());
    }
    String id = fields.getOrDefault("id", "");
    String src = fields.getOrDefault("src", fields.getOrDefault("source", ""));
    String variable = fields.getOrDefault("env", "");
    if (id.isEmpty()) {
      id = src.isEmpty() ? variable : src.substring(src.lastIndexOf('/') + 1);
    }
    if (id.isEmpty()) {
      throw new SourceException("--secret " + spec + " names no id; write id=NAME,src=FILE");
    }
    if (!src.isEmpty() && !"env".equals(fields.get("type"))) {
      return new BuildSecret(id, BuildContext.workspaceFile(env, step.containerDirectory(), src));
    }
    String name = variable.isEmpty() ? (src.isEmpty() ? id : src) : variable;
    for (String entry : step.env()) {
      if (entry.startsWith(name + "=")) {
        return new BuildSecret(
            id, entry.substring(name.length() + 1).getBytes(StandardCharsets.UTF_8));
      }
    }
    throw new SourceException(
        "the secret " + id + " reads the variable " + name + ", which the step's env does not set");
  }

  /**
   * Why this build needs BuildKit (docs/buildkit.md#when): its BuildKit-only flags, what its
   * Dockerfile uses that the classic builder refuses, or what makes acb build with BuildKit ({@code
   * DOCKER_BUILDKIT=1} in the step's environment, {@code cache: enabled}); empty for a classic
   * build.
   */
  private List<String> buildKitUses(BuildKitFeatures features) {
    List<String> uses = new ArrayList<>();
    build.buildKitFlags().forEach(flag -> uses.add("--" + flag));
    uses.addAll(features.uses());
    if (step.usesBuildKit()) {
      uses.add("DOCKER_BUILDKIT=1");
    }
    // acb builds a step with cache: enabled through buildx, that is with BuildKit.
    if (step.cache().equalsIgnoreCase("enabled")) {
      uses.add("cache: enabled");
    }
    return uses;
  }

  /**
   * Why the {@code # syntax=} frontend image cannot be used, "" when it can: it is neither in the
   * engine nor in a registry that the engine reaches (docs/buildkit.md#syntax-directives). Asked
   * before the build, which would fail with a network error that does not say what to do.
   */
  private String frontendProblem(String frontend) throws EngineException {
    if (env.engine().inspectImage(frontend).isPresent()) {
      return "";
    }
    try {
      env.engine().checkInRegistry(frontend, env.logins());
      return "";
    } catch (EngineException e) {
      return "the Dockerfile's # syntax="
          + frontend
          + " names a frontend image that the engine does not have and cannot fetch: "
          + e.getMessage()
          + ". Give the engine network access to that registry, or load the image into the engine"
          + " beforehand (docker save on a machine that has it, docker load on the engine's)."
          + " Heredocs and COPY --link need such a frontend (docker/dockerfile:1.4 or later): the"
          + " one built into Docker 20.10 is older";
    }
  }

  /**
   * The registry cache of a {@code cache: enabled} step, "" when it builds no tag or when its
   * reference is invalid, which is only logged, as acb does (docs/buildkit.md#registry-cache).
   */
  private String registryCache(StepContext context) {
    try {
      return env.buildCache().reference(step.id(), build.tags()).orElse("");
    } catch (DockerParseException e) {
      context.message("error creating build cache command " + e.getMessage());
      return "";
    }
  }

  /**
   * Pushes the built image as the cache tag with the run's logins, then takes the cache tag off the
   * engine's image, and the repository digest that its push added: the cache is no output of the
   * run, and only the run's own push may give its tags a digest (docs/buildkit.md#registry-cache).
   */
  private void exportCache(StepContext context, String cacheRef)
      throws EngineException, InterruptedException {
    ContainerEngine engine = env.engine();
    List<String> before =
        engine.inspectImage(cacheRef).map(ImageInfo::repoDigests).orElse(List.of());
    context.message("Exporting build cache to " + cacheRef);
    try {
      engine.push(cacheRef, env.logins(), line -> {});
    } finally {
      engine.removeImage(cacheRef);
      List<String> after =
          engine.inspectImage(build.tags().get(0)).map(ImageInfo::repoDigests).orElse(List.of());
      for (String digest : after) {
        if (!before.contains(digest)) {
          engine.removeImage(digest);
        }
      }
    }
    context.message("Successfully exported build cache to " + cacheRef);
  }

  @Override
  public StepOutcome execute(StepContext context, int attempt) throws Exception {
    List<String> unsupported = new ArrayList<>(build.buildKitFlags());
    unsupported.removeAll(BUILDKIT_FLAGS);
    if (!unsupported.isEmpty()) {
      return StepOutcome.failure(
          "the build uses flags that the engine's BuildKit does not offer through its build API (--"
              + String.join(", --", unsupported)
              + "); see docs/buildkit.md for what works");
    }
    var spec = build.contextSpec();
    if (spec.context().toLowerCase(java.util.Locale.ROOT).contains("github")
        && !spec.context().toLowerCase(java.util.Locale.ROOT).contains(".git")) {
      context.message(
          "WARNING: "
              + spec.context()
              + " might not be valid context. Valid Git repositories should end with .git.");
    }
    try (BuildContext source =
        BuildContext.of(env, spec, step.containerDirectory(), build.dockerfile())) {
      BuildKitFeatures features = BuildKitFeatures.of(source.dockerfileText());
      List<String> buildKitUses = buildKitUses(features);
      if (!buildKitUses.isEmpty()) {
        context.message("Building with BuildKit for " + String.join(", ", buildKitUses));
      }
      String frontendProblem =
          features.frontend().isEmpty() ? "" : frontendProblem(features.frontend());
      if (!frontendProblem.isEmpty()) {
        return StepOutcome.failure(frontendProblem);
      }
      BuildRequest.Builder request =
          BuildRequest.builder()
              .dockerfile(source.dockerfilePath())
              .target(build.target())
              .buildKit(!buildKitUses.isEmpty());
      String cacheRef = step.cache().equalsIgnoreCase("enabled") ? registryCache(context) : "";
      if (!cacheRef.isEmpty()) {
        // Inline cache: BuildKit writes the cache metadata into the image, which is pushed as
        // the cache tag and read back from the registry by the next build.
        request.buildArg(INLINE_CACHE, "1").cacheFrom(cacheRef).tag(cacheRef);
      }
      build.values("cache-from").forEach(request::cacheFrom);
      build.tags().forEach(request::tag);
      for (String arg : build.buildArgs()) {
        int eq = arg.indexOf('=');
        if (eq > 0) {
          request.buildArg(arg.substring(0, eq), arg.substring(eq + 1));
        }
      }
      for (String label : build.values("label")) {
        int eq = label.indexOf('=');
        request.label(
            eq > 0 ? label.substring(0, eq) : label, eq > 0 ? label.substring(eq + 1) : "");
      }
      request.noCache(build.enabled("no-cache")).pull(build.enabled("pull"));
      // As with docker build, RUN instructions use the engine's default network unless the build
      // string names one.
      String network = build.value("network");
      if (!network.isEmpty()) {
        request.network(env.names().network(network));
      }
      if (!build.value("platform").isEmpty()) {
        request.platform(build.value("platform"));
      }
      build.values("add-host").forEach(request::extraHost);
      env.logins().forEach(request::login);
      List<String> secretValues = new ArrayList<>();
      for (String secret : build.values("secret")) {
        BuildSecret read = secret(secret);
        request.secret(read);
        secretValues.add(new String(read.value(), StandardCharsets.UTF_8));
      }
      // The agents of the machine running the build: untrusted runs are refused --ssh when they
      // are planned (docs/security.md#trusted-and-untrusted-runs).
      SshAgents.of(build.values("ssh"), System.getenv().getOrDefault("SSH_AUTH_SOCK", ""))
          .forEach(request::sshAgent);
      // A secret read from a file of the workspace is not among the run's secrets; what the build
      // prints is masked for it too (docs/buildkit.md#secrets).
      SecretMasker masker = new SecretMasker(secretValues);
      try (InputStream tar = source.stream()) {
        env.engine()
            .build(
                request.build(),
                tar,
                line -> {
                  // The engine sends each "Step n/m" line and its newline as two messages; the
                  // lone newline would print as a blank line that docker build does not show.
                  if (!line.isEmpty()) {
                    context.output(
                        RunEvent.Stream.STDOUT,
                        masker.mask(line.endsWith("\n") ? line : line + "\n"));
                  }
                });
      }
      if (!cacheRef.isEmpty()) {
        exportCache(context, cacheRef);
      }
      built =
          new BuiltImage(
              step.id(),
              source.dockerfileText(),
              build.buildArgs(),
              build.target(),
              build.tags(),
              source.gitCommit());
      return StepOutcome.success();
    } catch (EngineException | SourceException | DockerParseException e) {
      return StepOutcome.failure(e.getMessage());
    }
  }
}
