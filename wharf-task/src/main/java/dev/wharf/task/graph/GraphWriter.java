package dev.wharf.task.graph;

import dev.wharf.task.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a step graph for {@code wharf graph -o text|dot|mermaid|json}. */
public final class GraphWriter {

  private GraphWriter() {}

  /**
   * One line per step in run order, saying what it waits for, e.g. {@code build-foo after
   * build-qux}.
   */
  public static String text(StepGraph graph) {
    int width = graph.ids().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String id : graph.order()) {
      List<String> parents = graph.parents(id);
      out.append(id)
          .append(" ".repeat(width - id.length() + 2))
          .append(parents.isEmpty() ? "starts at once" : "after " + String.join(", ", parents))
          .append('\n');
    }
    return out.toString();
  }

  public static String dot(StepGraph graph) {
    StringBuilder out = new StringBuilder("digraph task {\n  rankdir=LR;\n");
    for (String id : graph.ids()) {
      out.append("  ").append(quoted(id)).append(";\n");
    }
    for (String id : graph.ids()) {
      for (String parent : graph.parents(id)) {
        out.append("  ").append(quoted(parent)).append(" -> ").append(quoted(id)).append(";\n");
      }
    }
    return out.append("}\n").toString();
  }

  public static String mermaid(StepGraph graph) {
    Map<String, String> names = new LinkedHashMap<>();
    graph.ids().forEach(id -> names.put(id, "s" + names.size()));
    StringBuilder out = new StringBuilder("flowchart TD\n");
    for (String id : graph.ids()) {
      String label = id.replace("\"", "#quot;");
      out.append("  ").append(names.get(id)).append("[\"").append(label).append("\"]\n");
    }
    for (String id : graph.ids()) {
      for (String parent : graph.parents(id)) {
        out.append("  ")
            .append(names.get(parent))
            .append(" --> ")
            .append(names.get(id))
            .append('\n');
      }
    }
    return out.toString();
  }

  /** {@code {"order": [...], "steps": [{"id", "after", "children"}]}}. */
  public static String json(StepGraph graph) {
    List<Object> steps = new ArrayList<>();
    for (String id : graph.ids()) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("id", id);
      step.put("after", graph.parents(id));
      step.put("children", graph.children(id));
      steps.add(step);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("order", graph.order());
    out.put("steps", steps);
    return JsonWriter.write(out) + "\n";
  }

  private static String quoted(String id) {
    return '"' + id.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
