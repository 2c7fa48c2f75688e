package dev.wharf.server.agent;

import dev.wharf.api.RunSpec;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One claimed run as an executor sees it.
 *
 * @param task the task's name, null for a quick run
 * @param spec what to run: task text or file, context, values and secret values, logins
 * @param contextArchive the uploaded tar.gz context, or null when the spec names its context
 * @param trigger what started the run; a commit trigger's commit and branch become {@code .Run}'s
 * @param startTime when the server started the run; the log's "after Ns" counts from it (null: from
 *     the engine's own start)
 */
public record RunJob(
    String runId,
    RunType type,
    String task,
    RunSpec spec,
    Path contextArchive,
    RunTrigger trigger,
    Instant startTime) {
  public RunJob {
    trigger = trigger == null ? RunTrigger.MANUAL : trigger;
  }
}
