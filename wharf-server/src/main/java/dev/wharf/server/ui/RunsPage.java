package dev.wharf.server.ui;

import dev.wharf.api.OutputImage;
import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunStatus;
import dev.wharf.api.Task;
import dev.wharf.server.auth.Role;
import dev.wharf.server.auth.WebSessions.WebSession;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.TaskStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs page: newest first, filtered by task, status, trigger and image, in pages of {@link
 * #PAGE_SIZE}; an event stream tells the page when any run changed, and the page then fetches its
 * table again.
 */
final class RunsPage {
  static final int PAGE_SIZE = 50;
  private static final long WATCH_MILLIS = 1000;
  private static final long WATCH_LIMIT_MILLIS = 5 * 60 * 1000;

  private final RunStore runs;
  private final TaskStore tasks;
  private final Clock clock;

  RunsPage(RunStore runs, TaskStore tasks, Clock clock) {
    this.runs = runs;
    this.tasks = tasks;
    this.clock = clock;
  }

  void register(RoutesConfig routes, WebAuth auth) {
    routes.get("/runs", auth.page(Role.read, this::page));
    routes.get("/runs/table", auth.page(Role.read, ctx -> ctx.html(table(Query.of(ctx)))));
    routes.get("/runs/events", auth.page(Role.read, this::events));
  }

  /** The filters and page of one request. */
  record Query(String task, RunStatus status, String trigger, String image, String before) {
    static Query of(Context ctx) {
      String status = blankToNull(ctx.queryParam("status"));
      RunStatus parsed;
      try {
        parsed = status == null ? null : RunStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new WebException(400, "There is no run status " + status + ".");
      }
      return new Query(
          bounded(ctx.queryParam("task")),
          parsed,
          bounded(ctx.queryParam("trigger")),
          bounded(ctx.queryParam("image")),
          bounded(ctx.queryParam("before")));
    }

    /** The query string of these filters, with another {@code before}. */
    String queryString(String newBefore) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("task", task);
      params.put("status", status == null ? null : status.name());
      params.put("trigger", trigger);
      params.put("image", image);
      params.put("before", newBefore);
      List<String> parts = new ArrayList<>();
      params.forEach(
          (k, v) -> {
            if (v != null) {
              parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
          });
      return String.join("&", parts);
    }

    private static String bounded(String value) {
      String v = blankToNull(value);
      if (v != null && v.length() > 300) {
        throw new WebException(400, "A filter is at most 300 characters.");
      }
      return v;
    }
  }

  private void page(Context ctx) {
    WebSession session = WebAuth.session(ctx);
    Query query = Query.of(ctx);
    Html html = new Html();
    html.raw("<h1>Runs</h1>");
    filters(html, query);
    html.raw("<div hx-ext=\"sse\" sse-connect=\"/runs/events\">");
    html.raw("<div id=\"runs-table\"")
        .attr("hx-get", "/runs/table?" + query.queryString(query.before()))
        .raw(" hx-trigger=\"sse:changed\" hx-swap=\"innerHTML\" aria-live=\"polite\">")
        .raw(table(query))
        .raw("</div></div>");
    ctx.html(Layout.page("Runs", "runs", session, html.toString()));
  }

  private void filters(Html html, Query query) {
    html.raw(
        "<form class=\"filters\" method=\"get\" action=\"/runs\" role=\"search\" aria-label=\"Filter runs\">");
    html.raw("<label>Task <input name=\"task\" list=\"task-names\" autocomplete=\"off\"")
        .attr("value", query.task() == null ? "" : query.task())
        .raw("></label><datalist id=\"task-names\">");
    for (Task task : tasks.list()) {
      html.raw("<option").attr("value", task.name()).raw(">");
    }
    html.raw("</datalist>");
    html.raw("<label>Status <select name=\"status\"><option value=\"\">any</option>");
    for (RunStatus status : RunStatus.values()) {
      html.raw("<option").attr("value", status.name());
      if (status == query.status()) {
        html.raw(" selected");
      }
      html.raw(">").text(status.name()).raw("</option>");
    }
    html.raw("</select></label>");
    html.raw("<label>Trigger <select name=\"trigger\"><option value=\"\">any</option>");
    for (String kind : runs.triggerKinds()) {
      html.raw("<option").attr("value", kind);
      if (kind.equals(query.trigger())) {
        html.raw(" selected");
      }
      html.raw(">").text(kind).raw("</option>");
    }
    html.raw("</select></label>");
    html.raw("<label>Image <input name=\"image\" placeholder=\"repo:tag or repo@sha256:…\"")
        .attr("value", query.image() == null ? "" : query.image())
        .raw("></label>");
    html.raw("<button type=\"submit\">Filter</button> <a href=\"/runs\">Clear</a></form>");
  }

  /** The table of one page of runs, with the links to the newest and the next older page. */
  String table(Query query) {
    List<Run> page =
        runs.page(
            new RunFilter(query.task(), query.status(), query.image(), PAGE_SIZE + 1),
            query.trigger(),
            query.before());
    boolean more = page.size() > PAGE_SIZE;
    if (more) {
      page = page.subList(0, PAGE_SIZE);
    }
    Html html = new Html();
    if (page.isEmpty()) {
      return html.raw("<p class=\"empty\">No runs match.</p>").toString();
    }
    html.raw(
            "<table class=\"runs\"><caption class=\"visually-hidden\">Runs, newest first</caption><thead><tr>")
        .raw(
            "<th scope=\"col\">Run ID</th><th scope=\"col\">Task</th><th scope=\"col\">Status</th>")
        .raw(
            "<th scope=\"col\">Trigger</th><th scope=\"col\">Image</th><th scope=\"col\">Started</th>")
        .raw("<th scope=\"col\">Duration</th></tr></thead><tbody>");
    for (Run run : page) {
      html.raw("<tr")
          .attr("data-run", run.runId())
          .raw("><td><a")
          .attr("href", "/runs/" + run.runId())
          .raw(">")
          .text(run.runId())
          .raw("</a></td><td>");
      if (run.task() != null) {
        html.raw("<a").attr("href", "/tasks/" + run.task()).raw(">").text(run.task()).raw("</a>");
      } else {
        html.raw("<span class=\"none\">").text(run.runType()).raw("</span>");
      }
      html.raw("</td><td>");
      Formats.badge(html, run.status());
      html.raw("</td><td>").text(run.trigger()).raw("</td><td class=\"images\">");
      for (OutputImage image : run.outputImages()) {
        html.raw("<span>")
            .text(image.repository() + (image.tag() == null ? "" : ":" + image.tag()))
            .raw("</span> ");
      }
      html.raw("</td><td>");
      Formats.time(html, run.startTime() != null ? run.startTime() : run.createTime());
      html.raw("</td><td>").text(Formats.duration(run, clock.instant())).raw("</td></tr>");
    }
    html.raw("</tbody></table><nav class=\"pages\" aria-label=\"Pages of runs\">");
    if (query.before() != null) {
      html.raw("<a").attr("href", "/runs?" + query.queryString(null)).raw(">Newest</a>");
    }
    if (more) {
      html.raw("<a rel=\"next\"")
          .attr("href", "/runs?" + query.queryString(page.get(page.size() - 1).runId()))
          .raw(">Older runs</a>");
    }
    return html.raw("</nav>").toString();
  }

  /**
   * Sends {@code changed} whenever a run was queued, started, finished or otherwise updated; the
   * stream ends after a few minutes and the browser reconnects, so no request is held forever.
   */
  private void events(Context ctx) throws IOException, InterruptedException {
    var response = ctx.res();
    response.setStatus(200);
    response.setContentType("text/event-stream; charset=utf-8");
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Accel-Buffering", "no");
    OutputStream out = response.getOutputStream();
    out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
    response.flushBuffer();
    long seen = runs.lastChange();
    long until = System.currentTimeMillis() + WATCH_LIMIT_MILLIS;
    try {
      while (System.currentTimeMillis() < until) {
        Thread.sleep(WATCH_MILLIS);
        long now = runs.lastChange();
        String event = now != seen ? "event: changed\ndata: " + now + "\n\n" : ": idle\n\n";
        seen = now;
        out.write(event.getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
      }
    } catch (IOException gone) {
      // the page was closed; watching is over
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
