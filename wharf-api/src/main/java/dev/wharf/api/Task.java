package dev.wharf.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A saved task as the API shows it: values, secrets and logins by name only.
 *
 * @param agentLabels labels an agent must all have to take the task's runs
 * @param triggers the task's triggers, the webhook secret left out
 * @param triggerState what the triggers last did (last poll and delivery, next timer occurrences,
 *     tracked base images); filled when one task is shown, null in lists
 * @param build a Dockerfile task's tags and build flags, secret arguments without their values
 * @param trusted whether an admin marked the task trusted (docs/security.md)
 */
public record Task(
    String name,
    TaskStatus status,
    String context,
    String file,
    String taskText,
    String platform,
    int timeoutSeconds,
    String agentPool,
    Map<String, String> agentLabels,
    List<String> valueNames,
    List<String> secretValueNames,
    List<String> credentialLoginServers,
    Instant createTime,
    Instant updateTime,
    TaskTriggers triggers,
    TriggerState triggerState,
    String valuesFile,
    DockerBuildStep build,
    boolean trusted) {
  public Task {
    agentLabels = agentLabels == null ? Map.of() : Map.copyOf(agentLabels);
  }

  /** This task with its trigger state. */
  public Task withTriggerState(TriggerState state) {
    return new Task(
        name,
        status,
        context,
        file,
        taskText,
        platform,
        timeoutSeconds,
        agentPool,
        agentLabels,
        valueNames,
        secretValueNames,
        credentialLoginServers,
        createTime,
        updateTime,
        triggers,
        state,
        valuesFile,
        build,
        trusted);
  }
}
