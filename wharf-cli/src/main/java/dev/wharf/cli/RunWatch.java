package dev.wharf.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.wharf.api.Json;
import dev.wharf.api.Run;
import dev.wharf.api.RunStatus;
import dev.wharf.api.ServerClient;
import java.io.PrintWriter;
import java.util.List;

/**
 * Follows a queued run as {@code az acr run} does: its log live on stderr until it ends, as a local
 * run prints it (or only its end with {@code --no-logs}, or nothing with {@code --no-wait}; the run
 * then prints as a table, or as JSON with {@code -o json}); the exit status is 0 only for {@code
 * Succeeded}. Ctrl-C stops following; the run goes on on the server.
 */
final class RunWatch {
  private static final long POLL_MILLIS = 1000;

  private RunWatch() {}

  static int watch(
      ServerClient client,
      Run queued,
      boolean noWait,
      boolean noLogs,
      boolean json,
      PrintWriter out,
      PrintWriter err)
      throws InterruptedException {
    String runId = queued.runId();
    if (noWait) {
      out.print(json ? json(queued) + "\n" : RunTable.runs(List.of(queued)));
      return 0;
    }
    err.println("Queued a run with ID: " + runId);
    err.println("Waiting for an agent...");
    err.flush();
    Thread hint =
        new Thread(
            () -> {
              err.println();
              err.println(
                  "Stopped following run "
                      + runId
                      + "; it goes on. See it with: wharf task logs --run-id "
                      + runId);
              err.flush();
            });
    Runtime.getRuntime().addShutdownHook(hint);
    try {
      RunStatus status;
      if (noLogs) {
        Run run = queued;
        while (!run.status().isTerminal()) {
          Thread.sleep(POLL_MILLIS);
          run = client.run(runId);
        }
        out.print(json ? json(run) + "\n" : RunTable.runs(List.of(run)));
        status = run.status();
      } else {
        status =
            client.follow(
                runId,
                line -> {
                  err.println(line);
                  err.flush();
                });
      }
      if (status != RunStatus.Succeeded) {
        Run run = client.run(runId);
        err.println(
            "Run "
                + runId
                + " ended as "
                + status
                + (run.runErrorMessage() == null ? "" : ": " + run.runErrorMessage()));
      }
      return status == RunStatus.Succeeded ? 0 : 1;
    } finally {
      out.flush();
      err.flush();
      try {
        Runtime.getRuntime().removeShutdownHook(hint);
      } catch (IllegalStateException e) {
        // Shutting down after Ctrl-C: the hint is being printed.
      }
    }
  }

  static String json(Object value) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON", e);
    }
  }
}
