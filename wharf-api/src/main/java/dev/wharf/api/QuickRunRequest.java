package dev.wharf.api;

import java.util.Map;

/**
 * The body of {@code POST /api/v1/runs}: a quick run or build of {@code spec}.
 *
 * @param agentPool the pool of agents to run it on, null for the default pool
 * @param agentLabels labels an agent must have (each {@code key=value} among its {@code --label}s)
 *     to take the run; empty for any agent of the pool
 */
public record QuickRunRequest(
    RunType type, RunSpec spec, String agentPool, Map<String, String> agentLabels) {
  public QuickRunRequest {
    agentLabels = agentLabels == null ? Map.of() : Map.copyOf(agentLabels);
  }

  /** A request for any agent of {@code agentPool}. */
  public QuickRunRequest(RunType type, RunSpec spec, String agentPool) {
    this(type, spec, agentPool, Map.of());
  }
}
