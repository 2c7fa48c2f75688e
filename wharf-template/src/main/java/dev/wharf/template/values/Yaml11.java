package dev.wharf.template.values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * YAML read the way Go's {@code gopkg.in/yaml.v2} reads it into {@code interface{}}: YAML 1.1
 * booleans ({@code yes}, {@code on}, {@code y}), Go integer syntax, timestamps kept as text.
 */
public final class Yaml11 {

  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES =
      Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSES =
      Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern GO_INT =
      Pattern.compile("[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)");

  private Yaml11() {}

  /**
   * Parses one YAML document into template values (null, String, Boolean, Long, Double, List, Map);
   * an empty document is null.
   *
   * @throws IllegalArgumentException with the parser's message for malformed YAML
   */
  public static Object load(String text, String label) {
    LoadSettings settings =
        BoundedYaml.settings(LoadSettings.builder().setLabel(label).setAllowDuplicateKeys(true));
    try {
      Optional<Node> root = BoundedYaml.compose(text, settings);
      return root.map(node -> value(node, new int[1])).orElse(null);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException("yaml: " + e.getMessage(), e);
    }
  }

  /** The value of {@code node}; {@code visits} counts the nodes read, aliases expanded. */
  private static Object value(Node node, int[] visits) {
    if (++visits[0] > BoundedYaml.MAX_EXPANDED_NODES) {
      throw new YamlEngineException(
          "the document is too large once its aliases are expanded (more than "
              + BoundedYaml.MAX_EXPANDED_NODES
              + " nodes)");
    }
    if (node instanceof ScalarNode s) {
      return scalar(s);
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      seq.getValue().forEach(item -> out.add(value(item, visits)));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.isPlain() && k.getValue().equals("<<")) {
        mergeInto(out, t.getValueNode(), visits);
        continue;
      }
      out.put(keyText(t.getKeyNode(), visits), value(t.getValueNode(), visits));
    }
    return out;
  }

  /** A {@code <<} merge key: keys of the merged mappings that the mapping does not set itself. */
  @SuppressWarnings("unchecked")
  private static void mergeInto(Map<String, Object> out, Node merged, int[] visits) {
    List<Node> sources = merged instanceof SequenceNode seq ? seq.getValue() : List.of(merged);
    for (Node source : sources) {
      if (value(source, visits) instanceof Map<?, ?> m) {
        ((Map<String, Object>) m).forEach(out::putIfAbsent);
      }
    }
  }

  /**
   * Keys are Go strings: yaml.v2 gives a string key the scalar's raw text ({@code n}, not false).
   */
  private static String keyText(Node key, int[] visits) {
    if (key instanceof ScalarNode s) {
      return s.getValue();
    }
    return dev.wharf.template.GoValues.sprint(value(key, visits));
  }

  private static Object scalar(ScalarNode s) {
    String text = s.getValue();
    return s.isPlain() ? resolvePlain(text) : text;
  }

  /** yaml.v2's resolution of an unquoted scalar. */
  static Object resolvePlain(String text) {
    if (NULLS.contains(text)) {
      return null;
    }
    if (TRUES.contains(text)) {
      return true;
    }
    if (FALSES.contains(text)) {
      return false;
    }
    switch (text) {
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
        return Double.POSITIVE_INFINITY;
      case "-.inf", "-.Inf", "-.INF":
        return Double.NEGATIVE_INFINITY;
      case ".nan", ".NaN", ".NAN":
        return Double.NaN;
      default:
        break;
    }
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    if (!(Character.isDigit(first) || first == '+' || first == '-' || first == '.')) {
      return text;
    }
    String plain = text.replace("_", "");
    Long integer = goInt(plain);
    if (integer != null) {
      return integer;
    }
    if (FLOAT.matcher(plain).matches()) {
      return Double.parseDouble(plain);
    }
    return text;
  }

  private static Long goInt(String s) {
    if (!GO_INT.matcher(s).matches()) {
      return null;
    }
    boolean negative = s.startsWith("-");
    String t = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    int radix = 10;
    if (t.length() > 1 && t.charAt(0) == '0') {
      char p = Character.toLowerCase(t.charAt(1));
      radix = p == 'x' ? 16 : p == 'b' ? 2 : 8;
      t = p == 'x' || p == 'b' || p == 'o' ? t.substring(2) : t.substring(1);
    }
    try {
      java.math.BigInteger v = new java.math.BigInteger(t, radix);
      v = negative ? v.negate() : v;
      return v.bitLength() < 64 ? v.longValue() : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
