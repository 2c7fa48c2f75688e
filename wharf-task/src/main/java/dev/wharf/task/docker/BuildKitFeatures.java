package dev.wharf.task.docker;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What in a Dockerfile only BuildKit builds (docs/buildkit.md#when): a {@code # syntax=} directive,
 * {@code RUN --mount}, {@code --network} or {@code --security}, {@code COPY}/{@code ADD} {@code
 * --link}, {@code --chmod} and the newer copy flags, and heredocs. The engine's classic builder
 * refuses each of them, so a build whose Dockerfile uses one is given to BuildKit.
 *
 * @param uses each use, as a user would look for it: {@code RUN --mount (line 3)}
 * @param frontend the frontend image that a {@code # syntax=} directive names, "" for none
 */
public record BuildKitFeatures(List<String> uses, String frontend) {

  private static final Map<String, Set<String>> FLAGS =
      Map.of(
          "RUN", Set.of("mount", "network", "security"),
          "COPY", Set.of("link", "chmod", "parents", "exclude"),
          "ADD", Set.of("link", "chmod", "checksum", "keep-git-dir", "exclude"));

  public BuildKitFeatures {
    uses = List.copyOf(uses);
    requireNonNull(frontend, "frontend cannot be null");
  }

  /** Reads the Dockerfile as BuildKit does (directives, continuations, heredoc bodies). */
  public static BuildKitFeatures of(String dockerfileText) throws DockerParseException {
    requireNonNull(dockerfileText, "dockerfileText cannot be null");
    Dockerfile dockerfile = Dockerfile.parse(dockerfileText);
    List<String> uses = new ArrayList<>();
    if (!dockerfile.syntax().isEmpty()) {
      uses.add("# syntax=" + dockerfile.syntax());
    }
    for (Dockerfile.Instruction instruction : dockerfile.instructions()) {
      Set<String> flags = FLAGS.getOrDefault(instruction.keyword(), Set.of());
      for (String word : instruction.args().split("\\s+")) {
        if (!word.startsWith("--")) {
          break;
        }
        int eq = word.indexOf('=');
        String flag = word.substring(2, eq < 0 ? word.length() : eq).toLowerCase(Locale.ROOT);
        if (flags.contains(flag)) {
          add(uses, instruction.keyword() + " --" + flag, instruction);
        }
      }
      if (Dockerfile.opensHeredoc(instruction)) {
        add(uses, instruction.keyword() + " <<heredoc", instruction);
      }
    }
    return new BuildKitFeatures(uses, dockerfile.syntax());
  }

  /** Whether the Dockerfile needs BuildKit at all. */
  public boolean any() {
    return !uses.isEmpty();
  }

  private static void add(List<String> uses, String use, Dockerfile.Instruction instruction) {
    uses.add(use + " (line " + instruction.line() + ")");
  }
}
