package dev.wharf.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Task files for the quick commands: {@code wharf run --cmd} (one {@code cmd} step, as {@code az
 * acr run --cmd}) and {@code wharf build} (a build step and a push step, as {@code az acr build}
 * and docs/behaviour.md#quick-tasks). The text goes through the same render pipeline as a file, so
 * templates and aliases ({@code $Registry}, {@code {{.Run.ID}}}) work in the flags.
 */
public final class QuickTask {

  /** acb's timeouts for the build task's two steps. */
  static final int BUILD_TIMEOUT = 28800;

  static final int PUSH_TIMEOUT = 3600;

  private QuickTask() {}

  /** The one-step task of {@code --cmd "IMAGE ARGS"}. */
  public static String command(String cmd) {
    Objects.requireNonNull(cmd, "cmd cannot be null");
    return "version: v1.1.0\nsteps:\n  - cmd: " + quoted(cmd) + "\n";
  }

  /**
   * What {@code wharf build} builds: {@code tags} already carry their registry (see {@link
   * #registryTag}); no push step when {@code push} is false or there is no tag.
   */
  public record Build(
      List<String> tags,
      String dockerfile,
      List<String> buildArgs,
      List<String> secretBuildArgs,
      String target,
      String platform,
      boolean noCache,
      boolean pull,
      String context,
      boolean push) {

    public Build {
      tags = List.copyOf(tags);
      buildArgs = List.copyOf(buildArgs);
      secretBuildArgs = List.copyOf(secretBuildArgs);
      dockerfile = dockerfile == null || dockerfile.isEmpty() ? "Dockerfile" : dockerfile;
      Objects.requireNonNull(context, "context cannot be null");
    }
  }

  /** The build task: acb's build string order (§4.10), then a push of every tag. */
  public static String build(Build build) {
    List<String> words = new ArrayList<>();
    if (build.pull()) {
      words.add("--pull");
    }
    if (build.noCache()) {
      words.add("--no-cache");
    }
    words.add("-f");
    words.add(shellQuoted(build.dockerfile()));
    for (String tag : build.tags()) {
      words.add("-t");
      words.add(shellQuoted(tag));
    }
    for (String arg : build.buildArgs()) {
      words.add("--build-arg");
      words.add(shellQuoted(arg));
    }
    for (String arg : build.secretBuildArgs()) {
      words.add("--build-arg");
      words.add(shellQuoted(arg));
    }
    if (build.target() != null && !build.target().isEmpty()) {
      words.add("--target");
      words.add(shellQuoted(build.target()));
    }
    if (build.platform() != null && !build.platform().isEmpty()) {
      words.add("--platform");
      words.add(shellQuoted(build.platform()));
    }
    words.add(shellQuoted(build.context()));
    StringBuilder task = new StringBuilder("version: v1.1.0\nsteps:\n");
    task.append("  - id: build\n    build: ")
        .append(quoted(String.join(" ", words)))
        .append("\n    timeout: ")
        .append(BUILD_TIMEOUT)
        .append('\n');
    if (build.push() && !build.tags().isEmpty()) {
      task.append("  - id: push\n    push:\n");
      for (String tag : build.tags()) {
        task.append("      - ").append(quoted(tag)).append('\n');
      }
      task.append("    timeout: ").append(PUSH_TIMEOUT).append("\n    when: [build]\n");
    }
    return task.toString();
  }

  /**
   * A {@code -t} value with the registry in front unless it already names one: the registry itself,
   * a host with a dot, a colon or {@code localhost} in its first component
   * (docs/behaviour.md#image-references), or {@code library/}.
   */
  public static String registryTag(String tag, String registry) {
    if (registry == null
        || registry.isEmpty()
        || tag.startsWith(registry + "/")
        || namesRegistry(tag)) {
      return tag;
    }
    return registry + "/" + tag;
  }

  /**
   * Whether a {@code -t} value names its registry: a host with a dot, a colon or {@code localhost}
   * in its first component, or {@code library/} (an image of the default registry).
   */
  public static boolean namesRegistry(String tag) {
    int slash = tag.indexOf('/');
    if (slash > 0) {
      String first = tag.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        return true;
      }
    }
    return tag.startsWith("library/");
  }

  /** A YAML double-quoted scalar. */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** A word for a {@code build} string, single-quoted when it has blanks or quotes. */
  private static String shellQuoted(String word) {
    if (!word.isEmpty() && word.chars().noneMatch(c -> " \t\n'\"\\".indexOf(c) >= 0)) {
      return word;
    }
    return "'" + word.replace("'", "'\"'\"'") + "'";
  }
}
