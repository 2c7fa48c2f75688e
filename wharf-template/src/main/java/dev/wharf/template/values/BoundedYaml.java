package dev.wharf.template.values;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.LoadSettingsBuilder;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Composes YAML from untrusted text within limits, so that a task file or values file cannot
 * exhaust the stack (deep nesting) or the heap (a huge document) of the process reading it. The
 * limits are listed in {@code docs/security.md}.
 */
public final class BoundedYaml {

  /** The most characters (code points) one YAML document may have. */
  public static final int MAX_DOCUMENT_CODE_POINTS = 4 * 1024 * 1024;

  /** The most sequences and mappings one may nest inside another. */
  public static final int MAX_NESTING_DEPTH = 100;

  /** The most nodes reading a document may visit once aliases are expanded. */
  public static final int MAX_EXPANDED_NODES = 1_000_000;

  private BoundedYaml() {}

  /** Settings with the document size limit, starting from {@code builder}'s other settings. */
  public static LoadSettings settings(LoadSettingsBuilder builder) {
    return builder.setCodePointLimit(MAX_DOCUMENT_CODE_POINTS).build();
  }

  /**
   * Composes the single document of {@code text}, refusing documents over the size or nesting
   * limits before building any node tree (the composer recurses once per nesting level).
   *
   * @throws org.snakeyaml.engine.v2.exceptions.YamlEngineException for malformed YAML or a limit
   */
  public static Optional<Node> compose(String text, LoadSettings settings) {
    if (text.length() > MAX_DOCUMENT_CODE_POINTS) {
      throw new ComposerException(
          "the document is larger than " + MAX_DOCUMENT_CODE_POINTS + " characters",
          Optional.empty());
    }
    int depth = 0;
    for (Event event : new Parse(settings).parseString(text)) {
      switch (event.getEventId()) {
        case SequenceStart, MappingStart -> {
          if (++depth > MAX_NESTING_DEPTH) {
            throw new ComposerException(
                "while composing a node",
                Optional.empty(),
                "nesting is deeper than " + MAX_NESTING_DEPTH + " levels",
                event.getStartMark());
          }
        }
        case SequenceEnd, MappingEnd -> depth--;
        default -> {
          // scalars, aliases and document markers do not nest
        }
      }
    }
    return new Compose(settings).composeString(text);
  }
}
