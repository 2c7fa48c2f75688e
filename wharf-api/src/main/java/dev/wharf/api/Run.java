package dev.wharf.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The record of one run, as the API shows it (nothing secret in it).
 *
 * @param queuePosition for a queued run shown on its own, how many runs of its agent pool are ahead
 *     of it
 * @param agent the name of the agent that claimed the run
 * @param agentPool the pool of agents the run goes to ({@code default} unless the run names one)
 * @param trigger what started the run as {@code list-runs} shows it: {@code Manual}, {@code
 *     Commit}, {@code Pull Request}, {@code Timer} or {@code Image Update}
 * @param triggerDetails what started the run, with its details (commit, timer, image update)
 * @param agentLabels labels the agent that takes the run must have (empty: any agent of the pool)
 * @param archived whether the run is archived ({@code update-run --no-archive false}, ACR's {@code
 *     isArchiveEnabled}): its log is kept past the server's log retention
 */
public record Run(
    String runId,
    RunStatus status,
    RunType runType,
    String task,
    String trigger,
    String platform,
    int timeoutSeconds,
    Instant createTime,
    Instant startTime,
    Instant finishTime,
    Instant lastUpdatedTime,
    String agent,
    String runErrorMessage,
    List<OutputImage> outputImages,
    List<BaseImageDependency> baseImageDependencies,
    List<StepTiming> steps,
    boolean logPruned,
    Long queuePosition,
    String agentPool,
    RunTrigger triggerDetails,
    Map<String, String> agentLabels,
    boolean archived) {
  public Run {
    agentLabels = agentLabels == null ? Map.of() : Map.copyOf(agentLabels);
  }

  /** A run that is not archived. */
  public Run(
      String runId,
      RunStatus status,
      RunType runType,
      String task,
      String trigger,
      String platform,
      int timeoutSeconds,
      Instant createTime,
      Instant startTime,
      Instant finishTime,
      Instant lastUpdatedTime,
      String agent,
      String runErrorMessage,
      List<OutputImage> outputImages,
      List<BaseImageDependency> baseImageDependencies,
      List<StepTiming> steps,
      boolean logPruned,
      Long queuePosition,
      String agentPool,
      RunTrigger triggerDetails,
      Map<String, String> agentLabels) {
    this(
        runId,
        status,
        runType,
        task,
        trigger,
        platform,
        timeoutSeconds,
        createTime,
        startTime,
        finishTime,
        lastUpdatedTime,
        agent,
        runErrorMessage,
        outputImages,
        baseImageDependencies,
        steps,
        logPruned,
        queuePosition,
        agentPool,
        triggerDetails,
        agentLabels,
        false);
  }

  /** This run with its place in the queue. */
  public Run withQueuePosition(long position) {
    return new Run(
        runId,
        status,
        runType,
        task,
        trigger,
        platform,
        timeoutSeconds,
        createTime,
        startTime,
        finishTime,
        lastUpdatedTime,
        agent,
        runErrorMessage,
        outputImages,
        baseImageDependencies,
        steps,
        logPruned,
        position,
        agentPool,
        triggerDetails,
        agentLabels,
        archived);
  }
}
