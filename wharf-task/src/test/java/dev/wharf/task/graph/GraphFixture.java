package dev.wharf.task.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A textual DAG fixture: lines like {@code a -> b, c} (a runs before b and c), turned into the task
 * file that declares exactly these dependencies with {@code when}.
 */
final class GraphFixture {

  private final Map<String, List<String>> parents = new LinkedHashMap<>();

  private GraphFixture() {}

  static GraphFixture parse(String text) {
    GraphFixture fixture = new GraphFixture();
    for (String line : text.strip().split("[\n;]")) {
      String[] sides = line.split("->");
      String from = sides[0].strip();
      fixture.parents.computeIfAbsent(from, id -> new ArrayList<>());
      if (sides.length > 1) {
        for (String to : sides[1].split(",")) {
          fixture.parents.computeIfAbsent(to.strip(), id -> new ArrayList<>()).add(from);
        }
      }
    }
    return fixture;
  }

  /** Step ids in order of first mention. */
  List<String> ids() {
    return List.copyOf(parents.keySet());
  }

  List<String> parents(String id) {
    return parents.get(id);
  }

  /** A task file where every step says its parents in `when`, or `-` when it has none. */
  String taskYaml() {
    StringBuilder yaml = new StringBuilder("steps:\n");
    parents.forEach(
        (id, after) -> {
          String when = after.isEmpty() ? "\"-\"" : String.join(", ", after);
          yaml.append("  - id: ").append(id).append("\n    cmd: x\n");
          yaml.append("    when: [").append(when).append("]\n");
        });
    return yaml.toString();
  }
}
