package dev.wharf.server.store;

import dev.wharf.api.RunSpec;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import java.util.Map;

/**
 * A run to queue: what {@link RunStore} writes as a new {@code Queued} row.
 *
 * @param prefix the run ID's prefix (the server's)
 * @param task the saved task's name, or null for a quick run
 * @param sealedSpec {@code spec} as stored: sealed, secrets included
 * @param agentPool the pool whose agents may claim it
 * @param agentLabels the labels an agent must have to claim it
 * @param now the creation time, epoch milliseconds
 */
public record NewRun(
    String prefix,
    RunType type,
    String task,
    RunTrigger trigger,
    RunSpec spec,
    String sealedSpec,
    String agentPool,
    Map<String, String> agentLabels,
    long now) {
  public NewRun {
    agentLabels = agentLabels == null ? Map.of() : Map.copyOf(agentLabels);
  }
}
