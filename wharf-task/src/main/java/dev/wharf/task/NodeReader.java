package dev.wharf.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads composed YAML nodes into Java values the way yaml.v2 unmarshals into acb's Go structs, with
 * acb's type-error texts and the node's position.
 */
final class NodeReader {

  /** One key of a mapping after merge keys are applied; {@code merged} when it came from `<<`. */
  record Field(String key, Node keyNode, Node value, boolean merged) {}

  /**
   * Bounds the keys and items read: aliases let a small file name the same large node many times
   * (and `<<` merges can nest), which must not turn into unbounded work.
   */
  private static final int MAX_VISITS = 1_000_000;

  private static final int MAX_MERGE_DEPTH = 32;

  private final String file;
  private final List<Warning> warnings;
  private int visits;

  NodeReader(String file, List<Warning> warnings) {
    this.file = file;
    this.warnings = warnings;
  }

  static Position position(Node node) {
    return node.getStartMark()
        .map(mark -> new Position(mark.getLine() + 1, mark.getColumn() + 1))
        .orElse(Position.START);
  }

  void warn(Node node, String message) {
    warnings.add(new Warning(file, position(node), message));
  }

  /** A mapping's keys, `<<` merges applied, the last of duplicate keys winning as in acb. */
  List<Field> fields(Node node, String goType) throws TaskException {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof MappingNode mapping)) {
      throw typeError(node, goType, "write a mapping of keys to values here");
    }
    List<Field> flat = new ArrayList<>();
    flatten(mapping, flat, false, 0);
    Map<String, Field> byKey = new LinkedHashMap<>();
    for (Field field : flat) {
      Field earlier = byKey.put(field.key(), field);
      if (earlier != null && !earlier.merged() && !field.merged()) {
        warn(field.keyNode(), "duplicate key `" + field.key() + "`: the last value wins");
      }
    }
    return new ArrayList<>(byKey.values());
  }

  private void flatten(MappingNode mapping, List<Field> out, boolean merged, int depth)
      throws TaskException {
    if (depth > MAX_MERGE_DEPTH) {
      throw error(mapping, "merge keys (`<<`) nest too deeply", "remove the recursive `<<` merge");
    }
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = tuple.getKeyNode();
      if (!(key instanceof ScalarNode scalarKey)) {
        throw error(key, "mapping keys must be plain text", "write the key as a word");
      }
      if (scalarKey.isPlain() && scalarKey.getValue().equals("<<")) {
        merge(tuple.getValueNode(), out, depth);
        continue;
      }
      visit(key);
      out.add(new Field(scalarKey.getValue(), key, tuple.getValueNode(), merged));
    }
  }

  private void merge(Node value, List<Field> out, int depth) throws TaskException {
    String problem = "map merge requires map or sequence of maps as the value";
    if (value instanceof MappingNode mapping) {
      flatten(mapping, out, true, depth + 1);
    } else if (value instanceof SequenceNode sequence) {
      // yaml.v2 merges the list from the end, so the first map listed wins.
      List<Node> maps = sequence.getValue();
      for (int i = maps.size() - 1; i >= 0; i--) {
        if (!(maps.get(i) instanceof MappingNode mapping)) {
          throw error(maps.get(i), problem, "merge anchors of mappings: `<<: [*a, *b]`");
        }
        flatten(mapping, out, true, depth + 1);
      }
    } else {
      throw error(value, problem, "merge an anchored mapping: `<<: *common`");
    }
  }

  private void visit(Node node) throws TaskException {
    if (++visits > MAX_VISITS) {
      throw error(
          node,
          "the task is too large once its aliases are expanded",
          "use fewer `*alias` references to large nodes");
    }
  }

  String string(Node node) throws TaskException {
    if (node instanceof ScalarNode scalar) {
      return Scalars.isNull(scalar) ? "" : scalar.getValue();
    }
    throw typeError(node, "string", "write a single value here, not a list or mapping");
  }

  int integer(Node node) throws TaskException {
    if (!(node instanceof ScalarNode scalar)) {
      throw typeError(node, "int", "write a whole number");
    }
    String tag = Scalars.tag(scalar);
    if (tag.equals(Scalars.NULL)) {
      return 0;
    }
    if (tag.equals(Scalars.INT)) {
      long value = Scalars.integer(scalar.getValue());
      if (value == (int) value) {
        return (int) value;
      }
    } else if (tag.equals(Scalars.FLOAT)) {
      double value = Scalars.floating(scalar.getValue());
      // yaml.v2 truncates a float that fits the integer type.
      if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
        return (int) value;
      }
    }
    throw typeError(node, "int", "write a whole number without quotes");
  }

  boolean bool(Node node) throws TaskException {
    if (node instanceof ScalarNode scalar) {
      String tag = Scalars.tag(scalar);
      if (tag.equals(Scalars.NULL)) {
        return false;
      }
      if (tag.equals(Scalars.BOOL)) {
        return Scalars.isTrue(scalar.getValue());
      }
    }
    throw typeError(node, "bool", "write true or false (yes/no and on/off work too)");
  }

  List<String> strings(Node node) throws TaskException {
    List<String> out = new ArrayList<>();
    for (Node item : items(node, "[]string")) {
      out.add(string(item));
    }
    return out;
  }

  List<Integer> integers(Node node) throws TaskException {
    List<Integer> out = new ArrayList<>();
    for (Node item : items(node, "[]int")) {
      out.add(integer(item));
    }
    return out;
  }

  /** A sequence's items; null is an empty list, anything else fails as in yaml.v2. */
  List<Node> items(Node node, String goType) throws TaskException {
    if (isNull(node)) {
      return List.of();
    }
    if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        visit(item);
      }
      return sequence.getValue();
    }
    throw typeError(node, goType, "write a list: `[a, b]` or one `- a` line per item");
  }

  Map<String, String> stringMap(Node node) throws TaskException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Field field : fields(node, "map[string]string")) {
      out.put(string(field.keyNode()), string(field.value()));
    }
    return out;
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && Scalars.isNull(scalar);
  }

  private TaskException typeError(Node node, String goType, String hint) {
    String what =
        node instanceof ScalarNode scalar
            ? Scalars.tag(scalar) + " `" + scalar.getValue() + "`"
            : node instanceof SequenceNode ? "!!seq" : "!!map";
    return error(node, "cannot unmarshal " + what + " into " + goType, hint);
  }

  TaskException error(Node node, String problem, String hint) {
    return new TaskException(
        file,
        position(node),
        "failed to deserialize task and validate: yaml: unmarshal errors: line "
            + position(node).line()
            + ": "
            + problem,
        hint);
  }
}
