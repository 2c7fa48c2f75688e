package dev.wharf.task.docker;

import static dev.wharf.task.docker.Flag.bool;
import static dev.wharf.task.docker.Flag.valued;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses a build step's {@code build} string as {@code docker build} parses its arguments. */
public final class BuildArgs {
  private static final FlagSet FLAGS =
      new FlagSet(
          "docker build",
          "a build step accepts the flags of 'docker build' (see 'docker build --help')",
          List.of(
              valued("add-host"),
              valued("build-arg"),
              valued("cache-from"),
              valued("cgroup-parent"),
              bool("compress"),
              valued("cpu-period"),
              valued("cpu-quota"),
              valued("cpu-shares", 'c'),
              valued("cpuset-cpus"),
              valued("cpuset-mems"),
              bool("disable-content-trust"),
              valued("file", 'f'),
              bool("force-rm"),
              valued("iidfile"),
              valued("isolation"),
              valued("label"),
              valued("memory", 'm'),
              valued("memory-swap"),
              valued("network"),
              bool("no-cache"),
              valued("platform"),
              bool("pull"),
              bool("quiet", 'q'),
              bool("rm"),
              valued("security-opt"),
              valued("shm-size"),
              bool("squash"),
              bool("stream"),
              valued("tag", 't'),
              valued("target"),
              valued("ulimit"),
              valued("allow").buildKit(),
              valued("annotation").buildKit(),
              valued("attest").buildKit(),
              valued("build-context").buildKit(),
              valued("builder").buildKit(),
              valued("cache-to").buildKit(),
              valued("call").buildKit(),
              bool("check").buildKit(),
              bool("load").buildKit(),
              valued("metadata-file").buildKit(),
              valued("no-cache-filter").buildKit(),
              valued("output", 'o').buildKit(),
              valued("progress").buildKit(),
              valued("provenance").buildKit(),
              bool("push").buildKit(),
              valued("sbom").buildKit(),
              valued("secret").buildKit(),
              valued("ssh").buildKit()),
          Map.of());

  private BuildArgs() {}

  /** Parses {@code build}, e.g. {@code -t app:v1 --build-arg A=1 .}. */
  public static BuildRequest parse(String build) throws DockerParseException {
    requireNonNull(build, "build cannot be null");
    FlagSet.Parsed parsed = FLAGS.parse(ShellWords.split(build), true);
    if (parsed.positionals().size() != 1) {
      throw new DockerParseException(
          "\"docker build\" requires exactly 1 argument (the context), got "
              + parsed.positionals().size()
              + (parsed.positionals().isEmpty() ? "" : ": " + parsed.positionals()),
          "put the context (a folder such as '.', or a git or archive URL) last, once");
    }
    List<String> tags = new ArrayList<>();
    List<String> buildArgs = new ArrayList<>();
    List<String> buildKitFlags = new ArrayList<>();
    String dockerfile = "";
    String target = "";
    for (FlagValue flag : parsed.flags()) {
      switch (flag.name()) {
        case "tag" -> tags.add(flag.value());
        case "build-arg" -> buildArgs.add(flag.value());
        case "file" -> dockerfile = flag.value();
        case "target" -> target = flag.value();
        default -> {
          // The rest are carried through flags() for the engine.
        }
      }
      if (FLAGS.isBuildKitOnly(flag.name()) && !buildKitFlags.contains(flag.name())) {
        buildKitFlags.add(flag.name());
      }
    }
    return new BuildRequest(
        tags,
        buildArgs,
        dockerfile,
        target,
        parsed.positionals().get(0),
        parsed.flags(),
        buildKitFlags);
  }
}
