package dev.wharf.server.store;

import java.time.Instant;
import java.util.List;

/** The record of one run, as the API shows it (nothing secret in it). */
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
    boolean logPruned) {}
