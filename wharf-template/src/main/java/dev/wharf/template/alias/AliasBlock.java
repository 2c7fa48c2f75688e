package dev.wharf.template.alias;

import dev.wharf.template.values.BoundedYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The {@code alias:} block of a task after rendering: {@code src} files, inline {@code values} and
 * the {@code directive}; unknown keys are ignored.
 *
 * @param sources {@code src} entries in file order (URLs or paths)
 * @param values inline aliases, scalars as their text
 * @param directive the directive text, or null when not given
 */
public record AliasBlock(List<String> sources, Map<String, String> values, String directive) {

  /** A task without an alias block. */
  public static final AliasBlock NONE = new AliasBlock(List.of(), Map.of(), null);

  public AliasBlock {
    sources = List.copyOf(sources);
    values = Map.copyOf(values);
  }

  /**
   * Reads a rendered alias block ({@code alias:} at the top).
   *
   * @throws AliasException for malformed YAML or a bad directive
   */
  public static AliasBlock parse(String text) throws AliasException {
    Node root = compose(text, "aliasData");
    if (!(root instanceof MappingNode top)) {
      return NONE;
    }
    List<String> sources = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    String directive = null;
    Node alias = child(top, "alias");
    if (alias instanceof MappingNode block) {
      if (child(block, "src") instanceof SequenceNode src) {
        for (Node item : src.getValue()) {
          sources.add(text(item));
        }
      }
      if (child(block, "values") instanceof MappingNode map) {
        values.putAll(stringMap(map));
      }
      if (child(block, "directive") instanceof ScalarNode d) {
        directive = d.getValue();
      }
    }
    Aliases.checkDirective(directive);
    return new AliasBlock(sources, values, directive);
  }

  /** An alias source file: a YAML mapping of names to strings (empty text: no aliases). */
  static Map<String, String> stringMap(String text, String label) throws AliasException {
    Node root = compose(text, label);
    if (root == null) {
      return Map.of();
    }
    if (!(root instanceof MappingNode map)) {
      throw new AliasException(
          "yaml: unmarshal errors:\n  cannot unmarshal !!seq into map[string]string");
    }
    return stringMap(map);
  }

  private static Map<String, String> stringMap(MappingNode map) throws AliasException {
    Map<String, String> out = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (!(t.getValueNode() instanceof ScalarNode)) {
        throw new AliasException("yaml: unmarshal errors:\n  cannot unmarshal into string");
      }
      out.put(text(t.getKeyNode()), text(t.getValueNode()));
    }
    return out;
  }

  private static Node compose(String text, String label) throws AliasException {
    try {
      Optional<Node> root =
          BoundedYaml.compose(
              text,
              BoundedYaml.settings(
                  LoadSettings.builder().setLabel(label).setAllowDuplicateKeys(true)));
      return root.orElse(null);
    } catch (YamlEngineException e) {
      throw new AliasException("yaml: " + e.getMessage(), e);
    }
  }

  private static Node child(MappingNode map, String key) {
    Node found = null;
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        found = t.getValueNode();
      }
    }
    return found;
  }

  private static String text(Node node) {
    if (node instanceof ScalarNode s) {
      String v = s.getValue();
      return s.isPlain() && (v.equals("~") || v.equals("null")) ? "" : v;
    }
    return "";
  }
}
