package dev.wharf.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.Json;
import dev.wharf.api.OutputImage;
import dev.wharf.api.Run;
import dev.wharf.api.RunStatus;
import dev.wharf.api.StepTiming;
import dev.wharf.server.auth.Role;
import dev.wharf.server.auth.WebSessions.WebSession;
import dev.wharf.server.logs.LogHub;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.RunStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's page: header, the step graph with timings and the critical path, the step table, the log
 * (its last page, earlier pages on request, and live lines while the run goes on), cancel and
 * re-run for those allowed.
 */
final class RunPage {
  /** Run record fields the header shows in its own way; any other field is listed as it is. */
  private static final Set<String> SHOWN =
      Set.of(
          "runId",
          "status",
          "runType",
          "task",
          "trigger",
          "platform",
          "timeoutSeconds",
          "createTime",
          "startTime",
          "finishTime",
          "lastUpdatedTime",
          "agent",
          "runErrorMessage",
          "outputImages",
          "baseImageDependencies",
          "steps",
          "logPruned",
          "queuePosition");

  private final RunStore runs;
  private final RunQueue queue;
  private final LogHub logs;
  private final Clock clock;

  RunPage(RunStore runs, RunQueue queue, LogHub logs, Clock clock) {
    this.runs = runs;
    this.queue = queue;
    this.logs = logs;
    this.clock = clock;
  }

  void register(RoutesConfig routes, WebAuth auth) {
    routes.get("/runs/{runId}", auth.page(Role.read, this::page));
    routes.get(
        "/runs/{runId}/summary",
        auth.page(Role.read, ctx -> ctx.html(summary(find(ctx), WebAuth.session(ctx)))));
    routes.get("/runs/{runId}/log", auth.page(Role.read, this::earlier));
    routes.get("/runs/{runId}/log.txt", auth.page(Role.read, this::raw));
    routes.get("/runs/{runId}/log/events", auth.page(Role.read, this::events));
    routes.post("/runs/{runId}/cancel", auth.page(Role.run, this::cancel));
    routes.post("/runs/{runId}/rerun", auth.page(Role.run, this::rerun));
  }

  private Run find(Context ctx) {
    String runId = ctx.pathParam("runId");
    Run run = runs.find(runId).orElseThrow(() -> WebException.notFound("Run " + runId));
    return run.status() == RunStatus.Queued
        ? run.withQueuePosition(runs.queuePosition(run.runId()))
        : run;
  }

  private void page(Context ctx) {
    Run run = find(ctx);
    WebSession session = WebAuth.session(ctx);
    Html html = new Html();
    html.raw(summary(run, session));
    html.raw(
            "<section class=\"log-section\" aria-labelledby=\"log-heading\"><div class=\"log-head\">")
        .raw("<h2 id=\"log-heading\">Log</h2><a")
        .attr("href", "/runs/" + run.runId() + "/log.txt")
        .raw(">Whole log as text</a></div>");
    if (run.logPruned()) {
      html.raw("<p>This run's log is past its retention and was removed.</p></section>");
      ctx.html(Layout.page("Run " + run.runId(), "runs", session, html.toString()));
      return;
    }
    byte[] log = logs.read(run.runId(), 0);
    LogView.Window window = LogView.before(log, log.length, LogView.PAGE_LINES);
    boolean live = !run.status().isTerminal();
    if (live) {
      html.raw("<div hx-ext=\"sse\" sse-close=\"end\"")
          .attr("sse-connect", "/runs/" + run.runId() + "/log/events?offset=" + window.end())
          .raw(">");
      html.raw("<div hidden")
          .attr("hx-get", "/runs/" + run.runId() + "/summary")
          .raw(
              " hx-trigger=\"sse:progress, sse:end\" hx-target=\"#run-summary\" hx-swap=\"outerHTML\"></div>");
    }
    html.raw("<div id=\"log\" class=\"log\" role=\"log\" tabindex=\"0\" aria-label=\"Run log\"")
        .attr("data-live", live)
        .raw(live ? " sse-swap=\"line\" hx-swap=\"beforeend\"" : "")
        .raw(">");
    earlierButton(html, run.runId(), window.start());
    html.raw(window.html()).raw("</div>");
    if (live) {
      html.raw("</div>");
    }
    html.raw("</section>");
    ctx.html(Layout.page("Run " + run.runId(), "runs", session, html.toString()));
  }

  private static void earlierButton(Html html, String runId, long before) {
    if (before <= 0) {
      return;
    }
    html.raw("<button type=\"button\" class=\"earlier\" hx-swap=\"outerHTML\"")
        .attr("hx-get", "/runs/" + runId + "/log?before=" + before)
        .raw(">Show earlier lines</button>");
  }

  private void earlier(Context ctx) {
    Run run = find(ctx);
    long before;
    try {
      before = Long.parseLong(String.valueOf(ctx.queryParam("before")));
    } catch (NumberFormatException e) {
      throw new WebException(400, "before is a byte offset in the log.");
    }
    byte[] log = logs.read(run.runId(), 0);
    LogView.Window window = LogView.before(log, before, LogView.PAGE_LINES);
    Html html = new Html();
    earlierButton(html, run.runId(), window.start());
    ctx.html(html.raw(window.html()).toString());
  }

  private void raw(Context ctx) {
    Run run = find(ctx);
    if (run.logPruned()) {
      throw new WebException(410, "The log of " + run.runId() + " is past its retention.");
    }
    ctx.contentType("text/plain; charset=utf-8").result(logs.read(run.runId(), 0));
  }

  /** The header, actions, graph and step table; fetched again as the run moves on. */
  String summary(Run run, WebSession session) {
    Html html = new Html();
    html.raw("<div id=\"run-summary\"").attr("data-status", run.status()).raw(">");
    html.raw("<div class=\"title\"><h1>Run ").text(run.runId()).raw("</h1> ");
    Formats.badge(html, run.status());
    actions(html, run, session);
    html.raw("</div>");
    header(html, run);
    steps(html, run);
    return html.raw("</div>").toString();
  }

  private void actions(Html html, Run run, WebSession session) {
    if (!Layout.may(session, Role.run)) {
      return;
    }
    html.raw("<div class=\"actions\">");
    if (!run.status().isTerminal()) {
      html.raw("<form method=\"post\"").attr("action", "/runs/" + run.runId() + "/cancel").raw(">");
      Layout.csrfField(html, session);
      html.raw("<button type=\"submit\" class=\"danger\" id=\"cancel\">Cancel run</button></form>");
    } else {
      html.raw("<form method=\"post\"").attr("action", "/runs/" + run.runId() + "/rerun").raw(">");
      Layout.csrfField(html, session);
      html.raw("<button type=\"submit\" id=\"rerun\">Run again</button></form>");
    }
    html.raw("</div>");
  }

  private void header(Html html, Run run) {
    html.raw("<dl class=\"facts\">");
    fact(
        html,
        "Task",
        run.task() == null ? "(quick run)" : run.task(),
        run.task() == null ? null : "/tasks/" + run.task());
    fact(html, "Type", run.runType(), null);
    fact(html, "Trigger", run.trigger(), null);
    fact(html, "Platform", run.platform(), null);
    fact(html, "Agent", run.agent() == null ? "–" : run.agent(), null);
    if (run.queuePosition() != null) {
      fact(
          html,
          "Queue position",
          run.queuePosition() == 0 ? "next" : run.queuePosition() + " ahead",
          null);
    }
    html.raw("<div><dt>Queued</dt><dd>");
    Formats.time(html, run.createTime());
    html.raw("</dd></div><div><dt>Started</dt><dd>");
    Formats.time(html, run.startTime());
    html.raw("</dd></div><div><dt>Finished</dt><dd>");
    Formats.time(html, run.finishTime());
    html.raw("</dd></div>");
    fact(html, "Duration", Formats.duration(run, clock.instant()), null);
    extraFields(html, run);
    html.raw("</dl>");
    if (run.runErrorMessage() != null) {
      html.raw("<p class=\"error\" role=\"status\">").text(run.runErrorMessage()).raw("</p>");
    }
    if (!run.outputImages().isEmpty()) {
      html.raw(
          "<h2>Output images</h2><table><thead><tr><th scope=\"col\">Image</th><th scope=\"col\">Digest</th></tr></thead><tbody>");
      for (OutputImage image : run.outputImages()) {
        String name =
            (image.registry() == null || image.registry().isEmpty() ? "" : image.registry() + "/")
                + image.repository()
                + (image.tag() == null ? "" : ":" + image.tag());
        html.raw("<tr><td>")
            .text(name)
            .raw("</td><td><code>")
            .text(image.digest())
            .raw("</code></td></tr>");
      }
      html.raw("</tbody></table>");
    }
    if (!run.baseImageDependencies().isEmpty()) {
      html.raw(
          "<h2>Base images</h2><table><thead><tr><th scope=\"col\">Image</th><th scope=\"col\">Type</th><th scope=\"col\">Digest</th></tr></thead><tbody>");
      for (BaseImageDependency base : run.baseImageDependencies()) {
        String name =
            (base.registry() == null || base.registry().isEmpty() ? "" : base.registry() + "/")
                + base.repository()
                + (base.tag() == null ? "" : ":" + base.tag());
        html.raw("<tr><td>")
            .text(name)
            .raw("</td><td>")
            .text(base.type())
            .raw("</td><td><code>")
            .text(base.digest())
            .raw("</code></td></tr>");
      }
      html.raw("</tbody></table>");
    }
  }

  /**
   * Fields the run record has beyond those above (trigger details, agent pool, …) as they are, so
   * that what the server records shows without this page knowing it.
   */
  private static void extraFields(Html html, Run run) {
    JsonNode node = Json.mapper().valueToTree(run);
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      if (SHOWN.contains(field.getKey())
          || value.isNull()
          || value.isMissingNode()
          || (value.isEmpty() && value.isContainerNode())) {
        continue;
      }
      fact(
          html, label(field.getKey()), value.isValueNode() ? value.asText() : compact(value), null);
    }
  }

  static String compact(JsonNode value) {
    if (value.isObject()) {
      StringBuilder text = new StringBuilder();
      value
          .properties()
          .forEach(
              e -> {
                if (!e.getValue().isNull()) {
                  text.append(text.length() == 0 ? "" : ", ")
                      .append(label(e.getKey()))
                      .append(": ")
                      .append(
                          e.getValue().isValueNode()
                              ? e.getValue().asText()
                              : compact(e.getValue()));
                }
              });
      return text.toString();
    }
    if (value.isArray()) {
      StringBuilder text = new StringBuilder();
      value.forEach(
          v ->
              text.append(text.length() == 0 ? "" : "; ")
                  .append(v.isValueNode() ? v.asText() : compact(v)));
      return text.toString();
    }
    return value.asText();
  }

  /** {@code agentPool} → {@code Agent pool}. */
  static String label(String camel) {
    String spaced =
        camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    return spaced.isEmpty()
        ? spaced
        : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  private static void fact(Html html, String name, Object value, String href) {
    html.raw("<div><dt>").text(name).raw("</dt><dd>");
    if (href != null) {
      html.raw("<a").attr("href", href).raw(">").text(value).raw("</a>");
    } else {
      html.text(value);
    }
    html.raw("</dd></div>");
  }

  private void steps(Html html, Run run) {
    List<StepTiming> steps = run.steps();
    html.raw("<section aria-labelledby=\"steps-heading\"><h2 id=\"steps-heading\">Steps</h2>");
    if (steps.isEmpty()) {
      List<String> started =
          run.status() == RunStatus.Queued || run.logPruned()
              ? List.of()
              : LogView.startedSteps(new String(logs.read(run.runId(), 0), StandardCharsets.UTF_8));
      if (started.isEmpty()) {
        html.raw("<p class=\"empty\">")
            .text(run.status().isTerminal() ? "No steps ran." : "No step has started yet.")
            .raw("</p></section>");
        return;
      }
      html.raw(
          "<p>Started so far (the graph and timings show when the run ends):</p><ol class=\"started\">");
      for (String id : started) {
        html.raw("<li><a").attr("href", "#log-" + id).raw(">").text(id).raw("</a></li>");
      }
      html.raw("</ol></section>");
      return;
    }
    StepGraphView graph = new StepGraphView(steps);
    List<String> critical = graph.criticalPath();
    html.raw("<div class=\"graph-box\">").raw(graph.svg()).raw("</div>");
    html.raw("<p class=\"legend\"><span class=\"crit-key\"></span> critical path: ")
        .text(String.join(" → ", critical))
        .raw("</p>");
    html.raw(
            "<table class=\"steps\"><thead><tr><th scope=\"col\">Step</th><th scope=\"col\">Status</th>")
        .raw("<th scope=\"col\">Duration</th><th scope=\"col\">Waits for</th></tr></thead><tbody>");
    for (StepTiming step : steps) {
      html.raw("<tr").attr("id", "step-" + step.id());
      if (critical.contains(step.id())) {
        html.raw(" class=\"critical\"");
      }
      html.raw("><td><a").attr("href", "#log-" + step.id()).raw(">").text(step.id()).raw("</a>");
      if (critical.contains(step.id())) {
        html.raw(" <span class=\"crit\">critical</span>");
      }
      html.raw("</td><td>");
      Formats.badge(html, step.status());
      html.raw("</td><td>")
          .text(StepGraphView.seconds(step.seconds()))
          .raw("</td><td>")
          .text(step.dependsOn().isEmpty() ? "–" : String.join(", ", step.dependsOn()))
          .raw("</td></tr>");
    }
    html.raw("</tbody></table></section>");
  }

  private void cancel(Context ctx) {
    String runId = ctx.pathParam("runId");
    if (queue.cancel(runId).isEmpty()) {
      throw WebException.notFound("Run " + runId);
    }
    ctx.redirect("/runs/" + runId, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void rerun(Context ctx) {
    Run original = find(ctx);
    if (!original.status().isTerminal()) {
      throw new WebException(409, "Run " + original.runId() + " is still going; cancel it first.");
    }
    Run run =
        queue
            .rerun(original.runId())
            .orElseThrow(() -> WebException.notFound("Run " + original.runId()));
    ctx.redirect("/runs/" + run.runId(), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /**
   * The log from {@code offset} (or {@code Last-Event-ID}) as events: {@code line} with HTML lines
   * (its id the byte offset after them), {@code progress} when a step started, {@code end} once the
   * run has ended and its whole log was sent.
   */
  private void events(Context ctx) throws Exception {
    Run run = find(ctx);
    long offset = offset(ctx);
    var response = ctx.res();
    response.setStatus(200);
    response.setContentType("text/event-stream; charset=utf-8");
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Accel-Buffering", "no");
    var out = response.getOutputStream();
    response.flushBuffer();
    long[] position = {offset};
    try {
      var status =
          logs.follow(
              run.runId(),
              offset,
              (lines, next) -> {
                String html = LogView.lines(lines, 0, lines.length, position[0]);
                StringBuilder event = new StringBuilder();
                event
                    .append("id: ")
                    .append(next)
                    .append("\nevent: line\ndata: ")
                    .append(html)
                    .append("\n\n");
                if (html.contains(" section\"")) {
                  event.append("event: progress\ndata: step\n\n");
                }
                position[0] = next;
                out.write(event.toString().getBytes(StandardCharsets.UTF_8));
                response.flushBuffer();
              });
      String end = "event: end\ndata: " + status.map(Enum::name).orElse("") + "\n\n";
      out.write(end.getBytes(StandardCharsets.UTF_8));
      response.flushBuffer();
    } catch (java.io.IOException gone) {
      // the page was closed; following is over
    }
  }

  private static long offset(Context ctx) {
    String value = ctx.header("Last-Event-ID");
    if (value == null) {
      value = ctx.queryParam("offset");
    }
    try {
      return value == null ? 0 : Math.max(0, Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      throw new WebException(400, "offset is a byte count.");
    }
  }
}
