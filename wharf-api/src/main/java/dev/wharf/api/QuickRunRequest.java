package dev.wharf.api;

/**
 * The body of {@code POST /api/v1/runs}: a quick run or build of {@code spec}.
 *
 * @param agentPool the pool of agents to run it on, null for the default pool
 */
public record QuickRunRequest(RunType type, RunSpec spec, String agentPool) {}
