package dev.wharf.server.ui;

import dev.wharf.api.StepTiming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A run's steps as a graph: steps that wait for nothing in the top row, each other step one row
 * below the deepest step it waits for, so parallel branches stand side by side; the critical path
 * (the chain of dependent steps whose durations add up to the most) is marked.
 */
final class StepGraphView {
  static final int NODE_WIDTH = 176;
  static final int NODE_HEIGHT = 48;
  private static final int GAP_X = 20;
  private static final int GAP_Y = 36;
  private static final int MARGIN = 10;

  private final Map<String, StepTiming> steps = new LinkedHashMap<>();
  private final Map<String, Integer> rows = new HashMap<>();
  private final Set<String> critical = new HashSet<>();

  StepGraphView(List<StepTiming> timings) {
    timings.forEach(step -> steps.put(step.id(), step));
    steps.keySet().forEach(id -> row(id, new HashSet<>()));
    markCriticalPath();
  }

  /** The steps on the critical path, first step first. */
  List<String> criticalPath() {
    return steps.keySet().stream().filter(critical::contains).toList();
  }

  /** The row of a step: 0 when it waits for nothing. */
  int row(String id) {
    return rows.get(id);
  }

  private int row(String id, Set<String> visiting) {
    Integer known = rows.get(id);
    if (known != null) {
      return known;
    }
    // a cycle cannot come from a validated task; guard anyway so that a bad record still renders
    if (!visiting.add(id)) {
      return 0;
    }
    int row = 0;
    for (String parent : parents(id)) {
      row = Math.max(row, row(parent, visiting) + 1);
    }
    rows.put(id, row);
    return row;
  }

  private List<String> parents(String id) {
    return steps.get(id).dependsOn().stream().filter(steps::containsKey).toList();
  }

  private void markCriticalPath() {
    Map<String, Double> finish = new HashMap<>();
    List<String> byRow = new ArrayList<>(steps.keySet());
    byRow.sort((a, b) -> Integer.compare(rows.get(a), rows.get(b)));
    String last = null;
    for (String id : byRow) {
      double start = parents(id).stream().mapToDouble(finish::get).max().orElse(0);
      finish.put(id, start + steps.get(id).seconds());
      if (last == null || finish.get(id) > finish.get(last)) {
        last = id;
      }
    }
    while (last != null) {
      critical.add(last);
      last =
          parents(last).stream()
              .max((a, b) -> Double.compare(finish.get(a), finish.get(b)))
              .orElse(null);
    }
  }

  /** The graph as inline SVG; each step links to its section of the log. */
  String svg() {
    Map<Integer, List<String>> byRow = new LinkedHashMap<>();
    steps
        .keySet()
        .forEach(id -> byRow.computeIfAbsent(rows.get(id), r -> new ArrayList<>()).add(id));
    int columns = byRow.values().stream().mapToInt(List::size).max().orElse(1);
    int rowCount =
        byRow.isEmpty() ? 1 : byRow.keySet().stream().mapToInt(r -> r).max().orElse(0) + 1;
    int width = 2 * MARGIN + columns * NODE_WIDTH + (columns - 1) * GAP_X;
    int height = 2 * MARGIN + rowCount * NODE_HEIGHT + (rowCount - 1) * GAP_Y;
    Map<String, int[]> at = new HashMap<>();
    byRow.forEach(
        (row, ids) -> {
          int rowWidth = ids.size() * NODE_WIDTH + (ids.size() - 1) * GAP_X;
          int x = (width - rowWidth) / 2;
          for (String id : ids) {
            at.put(id, new int[] {x, MARGIN + row * (NODE_HEIGHT + GAP_Y)});
            x += NODE_WIDTH + GAP_X;
          }
        });
    Html svg = new Html();
    svg.raw("<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\"")
        .attr("viewBox", "0 0 " + width + " " + height)
        .attr("width", width)
        .attr("height", height)
        .raw(" role=\"img\" aria-labelledby=\"graph-title\"><title id=\"graph-title\">")
        .text(
            "Step graph: "
                + steps.size()
                + " steps; critical path "
                + String.join(" → ", criticalPath()))
        .raw("</title>");
    for (String id : steps.keySet()) {
      int[] to = at.get(id);
      for (String parent : parents(id)) {
        int[] from = at.get(parent);
        double x1 = from[0] + NODE_WIDTH / 2.0;
        double y1 = from[1] + NODE_HEIGHT;
        double x2 = to[0] + NODE_WIDTH / 2.0;
        double y2 = to[1];
        double mid = (y1 + y2) / 2;
        boolean hot = critical.contains(id) && critical.contains(parent);
        svg.raw("<path")
            .attr("class", hot ? "edge critical" : "edge")
            .attr(
                "d",
                String.format(
                    Locale.ROOT,
                    "M%.0f %.0f C%.0f %.0f %.0f %.0f %.0f %.0f",
                    x1,
                    y1,
                    x1,
                    mid,
                    x2,
                    mid,
                    x2,
                    y2))
            .raw("/>");
      }
    }
    for (StepTiming step : steps.values()) {
      int[] p = at.get(step.id());
      boolean hot = critical.contains(step.id());
      svg.raw("<a").attr("href", "#step-" + step.id()).raw(">");
      svg.raw("<g")
          .attr("class", "node " + statusClass(step.status()) + (hot ? " critical" : ""))
          .attr("data-step", step.id())
          .raw(">");
      svg.raw("<rect rx=\"6\"")
          .attr("x", p[0])
          .attr("y", p[1])
          .attr("width", NODE_WIDTH)
          .attr("height", NODE_HEIGHT)
          .raw("/>");
      svg.raw("<text class=\"id\"")
          .attr("x", p[0] + 10)
          .attr("y", p[1] + 19)
          .raw(">")
          .text(shorten(step.id(), 22))
          .raw("</text>");
      svg.raw("<text class=\"meta\"")
          .attr("x", p[0] + 10)
          .attr("y", p[1] + 38)
          .raw(">")
          .text(step.status() + " · " + seconds(step.seconds()))
          .raw("</text>");
      svg.raw("</g></a>");
    }
    return svg.raw("</svg>").toString();
  }

  /** The CSS class of a step or run status: ok, fail, run, skip or wait. */
  static String statusClass(String status) {
    String s = status == null ? "" : status.toLowerCase(Locale.ROOT);
    if (s.startsWith("successful") || s.equals("succeeded")) {
      return "ok";
    }
    if (s.startsWith("failed")
        || s.equals("error")
        || s.equals("timeout")
        || s.startsWith("timed")) {
      return "fail";
    }
    if (s.equals("running") || s.equals("started")) {
      return "run";
    }
    if (s.startsWith("cancel") || s.equals("skipped")) {
      return "skip";
    }
    return "wait";
  }

  /** {@code 2.5s}, {@code 1m 05s}. */
  static String seconds(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    long whole = Math.round(seconds);
    return String.format(Locale.ROOT, "%dm %02ds", whole / 60, whole % 60);
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
