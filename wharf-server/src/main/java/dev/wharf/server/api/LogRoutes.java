package dev.wharf.server.api;

import dev.wharf.api.Run;
import dev.wharf.api.RunStatus;
import dev.wharf.server.auth.Role;
import dev.wharf.server.logs.LogHub;
import dev.wharf.server.store.RunStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs of a run or of a task's last run: the stored text, or followed live as plain chunked text or
 * as server-sent events ({@code Accept: text/event-stream}; event ids are byte offsets, so {@code
 * Last-Event-ID} resumes).
 */
final class LogRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(LogRoutes.class);
  private final LogHub logs;
  private final RunStore runs;

  LogRoutes(LogHub logs, RunStore runs) {
    this.logs = logs;
    this.runs = runs;
  }

  void register(RoutesConfig routes, Guard guard) {
    routes.get(
        "/api/v1/runs/{runId}/logs",
        guard.require(Role.read, ctx -> serve(ctx, find(ctx.pathParam("runId")))));
    routes.get(
        "/api/v1/tasks/{name}/logs",
        guard.require(
            Role.read,
            ctx -> {
              String task = ctx.pathParam("name");
              Run last =
                  runs.lastOfTask(task)
                      .orElseThrow(() -> ApiException.notFound("a run of task " + task));
              serve(ctx, last);
            }));
  }

  private Run find(String runId) {
    return runs.find(runId).orElseThrow(() -> ApiException.notFound("run " + runId));
  }

  private void serve(Context ctx, Run run) throws IOException, InterruptedException {
    if (run.logPruned()) {
      throw new ApiException(410, "the log of " + run.runId() + " is past its retention");
    }
    long offset = offset(ctx);
    boolean sse = String.valueOf(ctx.header("Accept")).contains("text/event-stream");
    boolean follow = sse || "true".equals(ctx.queryParam("follow"));
    HttpServletResponse response = ctx.res();
    response.setHeader("Wharf-Run-Id", run.runId());
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Accel-Buffering", "no");
    if (!follow) {
      ctx.contentType("text/plain; charset=utf-8").result(logs.read(run.runId(), offset));
      return;
    }
    response.setStatus(200);
    response.setContentType(sse ? "text/event-stream; charset=utf-8" : "text/plain; charset=utf-8");
    OutputStream out = response.getOutputStream();
    response.flushBuffer();
    try {
      stream(run.runId(), offset, sse, response, out);
    } catch (IOException gone) {
      // the follower hung up; following is optional for the run, so this is no error
      LOG.debug("log follower of {} went away: {}", run.runId(), gone.toString());
    }
  }

  private void stream(
      String runId, long offset, boolean sse, HttpServletResponse response, OutputStream out)
      throws IOException, InterruptedException {
    Optional<RunStatus> status;
    if (sse) {
      long[] position = {offset};
      status =
          logs.follow(
              runId,
              offset,
              (lines, next) -> {
                position[0] = writeEvents(out, lines, position[0]);
                response.flushBuffer();
              });
      String end = "event: end\ndata: " + status.map(Enum::name).orElse("") + "\n\n";
      out.write(end.getBytes(StandardCharsets.UTF_8));
    } else {
      logs.follow(
          runId,
          offset,
          (lines, next) -> {
            out.write(lines);
            response.flushBuffer();
          });
    }
    response.flushBuffer();
  }

  private static long writeEvents(OutputStream out, byte[] lines, long start) throws IOException {
    long position = start;
    int from = 0;
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i] == '\n') {
        String line = new String(lines, from, i - from, StandardCharsets.UTF_8);
        position += i + 1 - from;
        events.append("id: ").append(position).append("\ndata: ").append(line).append("\n\n");
        from = i + 1;
      }
    }
    out.write(events.toString().getBytes(StandardCharsets.UTF_8));
    return position;
  }

  private static long offset(Context ctx) {
    String value = ctx.header("Last-Event-ID");
    if (value == null) {
      value = ctx.queryParam("offset");
    }
    if (value == null) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      throw new ApiException(400, "the log offset is a byte count: " + value);
    }
  }
}
