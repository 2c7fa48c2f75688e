package dev.wharf.template.render;

import dev.wharf.template.alias.Aliases;
import java.util.List;
import java.util.Optional;

/**
 * A rendered task.
 *
 * @param text the rendered text, ready for YAML decoding
 * @param aliases the alias map when the task uses aliases (for command-alias expansion of {@code
 *     cmd} steps), empty otherwise
 * @param secretValues values to mask: {@code --set-secret} values and resolved secrets
 * @param fileLines for each line of {@code text}, its 0-based line in the task file (comment lines
 *     are dropped before rendering, and templates can add or remove lines)
 */
public record RenderResult(
    String text, Optional<Aliases> aliases, List<String> secretValues, List<Integer> fileLines) {

  public RenderResult {
    secretValues = List.copyOf(secretValues);
    fileLines = List.copyOf(fileLines);
  }

  /** The task file's 1-based line for a 1-based line of {@code text} (itself when unknown). */
  public int fileLine(int renderedLine) {
    return renderedLine >= 1 && renderedLine <= fileLines.size()
        ? fileLines.get(renderedLine - 1) + 1
        : renderedLine;
  }
}
