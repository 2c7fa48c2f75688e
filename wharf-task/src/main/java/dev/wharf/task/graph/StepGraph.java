package dev.wharf.task.graph;

import dev.wharf.task.Step;
import dev.wharf.task.TaskException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The steps' dependency graph: who waits for whom, by acb's `when` rules
 * (docs/behaviour.md#step-graph), with duplicate dependencies collapsed and forward references
 * allowed unless they form a cycle.
 */
public final class StepGraph {

  /** acb's synthetic root vertex; no step may use this id. */
  public static final String ROOT = "acb_root";

  private final List<String> ids;
  private final Map<String, List<String>> parents;
  private final Map<String, List<String>> children;
  private final List<String> order;

  private StepGraph(
      List<String> ids, Map<String, List<String>> parents, Map<String, List<String>> children) {
    this.ids = List.copyOf(ids);
    this.parents = parents;
    this.children = children;
    this.order = new ArrayList<>();
  }

  /** Builds the graph of already validated steps, in file order. */
  public static StepGraph of(List<Step> steps, String file) throws TaskException {
    Builder builder = new Builder(file);
    for (Step step : steps) {
      builder.add(step);
    }
    return builder.build();
  }

  /** Adds steps one by one, so that callers can interleave their own per-step checks like acb. */
  public static final class Builder {
    private final String file;
    private final Map<String, Step> steps = new LinkedHashMap<>();

    public Builder(String file) {
      this.file = file;
    }

    /** Adds a step as a vertex; fails on the reserved root id or an id already added. */
    public Builder add(Step step) throws TaskException {
      if (step.id().equals(ROOT)) {
        throw new TaskException(
            file,
            step.at("id"),
            "acb_root is a reserved ID, it can't be used",
            "choose another id for this step");
      }
      if (steps.putIfAbsent(step.id(), step) != null) {
        throw new TaskException(
            file,
            step.at("id"),
            step.id() + " already exists as a vertex",
            "step ids must be unique; steps without an id are named acb_step_<position>");
      }
      return this;
    }

    /** Resolves every step's parents and checks that they form no cycle. */
    public StepGraph build() throws TaskException {
      List<String> ids = new ArrayList<>(steps.keySet());
      Map<String, List<String>> parents = new LinkedHashMap<>();
      Map<String, List<String>> children = new LinkedHashMap<>();
      ids.forEach(id -> children.put(id, new ArrayList<>()));
      String previous = null;
      for (Step step : steps.values()) {
        List<String> after = new ArrayList<>(resolve(step, previous));
        parents.put(step.id(), Collections.unmodifiableList(after));
        after.forEach(parent -> children.get(parent).add(step.id()));
        previous = step.id();
      }
      children.replaceAll((id, list) -> Collections.unmodifiableList(list));
      StepGraph graph = new StepGraph(ids, parents, children);
      graph.sort(file, steps);
      return graph;
    }

    private Set<String> resolve(Step step, String previous) throws TaskException {
      Set<String> after = new LinkedHashSet<>();
      if (step.when().isEmpty()) {
        if (previous != null) {
          after.add(previous);
        }
        return after;
      }
      for (int i = 0; i < step.when().size(); i++) {
        String dependency = step.when().get(i);
        if (dependency.equals(Step.IMMEDIATE)) {
          continue;
        }
        if (!steps.containsKey(dependency)) {
          throw new TaskException(
              file,
              step.at("when." + i),
              dependency
                  + " does not exist as a vertex [from: "
                  + dependency
                  + ", to: "
                  + step.id()
                  + "]",
              unknownDependencyHint(dependency, steps.keySet()));
        }
        after.add(dependency);
      }
      return after;
    }
  }

  /** Suggests the id one or two typos away, else lists the ids `when` may name. */
  static String unknownDependencyHint(String dependency, Collection<String> ids) {
    String closest = null;
    // A suggestion must be close in proportion too: `c` is one edit from `a` but no typo of it.
    int best = Math.min(3, (dependency.length() + 1) / 2);
    for (String id : ids) {
      int distance = editDistance(dependency, id);
      if (distance < best) {
        best = distance;
        closest = id;
      }
    }
    if (closest != null) {
      return "did you mean `" + closest + "`?";
    }
    List<String> some = ids.stream().limit(10).toList();
    return "`when` names step ids of this file: "
        + String.join(", ", some)
        + (ids.size() > some.size() ? ", …" : "");
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** Kahn's algorithm, taking ready steps in file order; leftovers mean a cycle. */
  private void sort(String file, Map<String, Step> steps) throws TaskException {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> waiting = new HashMap<>();
    PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> index.get(a) - index.get(b));
    for (String id : ids) {
      index.put(id, index.size());
      waiting.put(id, parents.get(id).size());
      if (parents.get(id).isEmpty()) {
        ready.add(id);
      }
    }
    while (!ready.isEmpty()) {
      String id = ready.poll();
      order.add(id);
      for (String child : children.get(id)) {
        if (waiting.merge(child, -1, Integer::sum) == 0) {
          ready.add(child);
        }
      }
    }
    if (order.size() < ids.size()) {
      List<String> cycle = findCycle(waiting);
      Step first = steps.get(cycle.get(0));
      throw new TaskException(
          file,
          first.at("when." + first.when().indexOf(cycle.get(cycle.size() - 2))),
          "steps wait for each other in a cycle: " + String.join(" -> ", cycle),
          "each arrow means `runs before`; remove one of these `when` dependencies");
    }
  }

  /** Follows unfinished parents from an unfinished step until one repeats. */
  private List<String> findCycle(Map<String, Integer> waiting) {
    String current = ids.stream().filter(id -> waiting.get(id) > 0).findFirst().orElseThrow();
    List<String> path = new ArrayList<>();
    while (!path.contains(current)) {
      path.add(current);
      current =
          parents.get(current).stream().filter(p -> waiting.get(p) > 0).findFirst().orElseThrow();
    }
    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
    Collections.reverse(cycle);
    // Start the report at the cycle's first step in the file, where the error points.
    String first = ids.stream().filter(cycle::contains).findFirst().orElseThrow();
    Collections.rotate(cycle, -cycle.indexOf(first));
    cycle.add(first);
    return cycle;
  }

  /** Step ids in file order. */
  public List<String> ids() {
    return ids;
  }

  /** The steps {@code id} waits for; empty when it starts at once. */
  public List<String> parents(String id) {
    return lookup(parents, id);
  }

  /** The steps that wait for {@code id}. */
  public List<String> children(String id) {
    return lookup(children, id);
  }

  /** The steps that start at once. */
  public List<String> roots() {
    return ids.stream().filter(id -> parents.get(id).isEmpty()).toList();
  }

  /** A topological order: every step after its parents, ties broken by file order. */
  public List<String> order() {
    return Collections.unmodifiableList(order);
  }

  private static List<String> lookup(Map<String, List<String>> map, String id) {
    List<String> found = map.get(id);
    if (found == null) {
      throw new IllegalArgumentException("Unknown step id: " + id);
    }
    return found;
  }
}
