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
 */
public record RenderResult(String text, Optional<Aliases> aliases, List<String> secretValues) {

  public RenderResult {
    secretValues = List.copyOf(secretValues);
  }
}
