package dev.wharf.server.ui;

import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunStatus;
import dev.wharf.server.auth.Role;
import dev.wharf.server.auth.WebSessions.WebSession;
import dev.wharf.server.store.RunStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Agents with the runs they execute now, and the queue of runs waiting for one. */
final class AgentsPage {
  private static final int SHOWN = 500;

  private final RunStore runs;

  AgentsPage(RunStore runs) {
    this.runs = runs;
  }

  void register(RoutesConfig routes, WebAuth auth) {
    routes.get("/agents", auth.page(Role.read, this::page));
  }

  private void page(Context ctx) {
    WebSession session = WebAuth.session(ctx);
    Map<String, List<Run>> byAgent = new TreeMap<>();
    for (RunStatus status : List.of(RunStatus.Started, RunStatus.Running)) {
      for (Run run : runs.list(new RunFilter(null, status, null, SHOWN))) {
        byAgent.computeIfAbsent(String.valueOf(run.agent()), a -> new ArrayList<>()).add(run);
      }
    }
    Html html = new Html().raw("<h1>Agents and queue</h1>");
    html.raw(
        "<section aria-labelledby=\"agents-heading\"><h2 id=\"agents-heading\">Agents at work</h2>");
    if (byAgent.isEmpty()) {
      html.raw("<p class=\"empty\">No agent is executing a run.</p>");
    } else {
      html.raw(
          "<table><thead><tr><th scope=\"col\">Agent</th><th scope=\"col\">Runs in progress</th></tr></thead><tbody>");
      byAgent.forEach(
          (agent, list) -> {
            html.raw("<tr><td>").text(agent).raw("</td><td>");
            for (Run run : list) {
              html.raw("<a")
                  .attr("href", "/runs/" + run.runId())
                  .raw(">")
                  .text(run.runId())
                  .raw("</a>")
                  .text(run.task() == null ? " " : " (" + run.task() + ") ");
            }
            html.raw("</td></tr>");
          });
      html.raw("</tbody></table>");
    }
    html.raw("</section>");
    List<Run> queued =
        new ArrayList<>(runs.list(new RunFilter(null, RunStatus.Queued, null, SHOWN)));
    Collections.reverse(queued);
    html.raw("<section aria-labelledby=\"queue-heading\"><h2 id=\"queue-heading\">Queue</h2>");
    if (queued.isEmpty()) {
      html.raw("<p class=\"empty\">No run is waiting.</p>");
    } else {
      html.raw(
              "<table><thead><tr><th scope=\"col\">Position</th><th scope=\"col\">Run ID</th><th scope=\"col\">Task</th>")
          .raw("<th scope=\"col\">Platform</th><th scope=\"col\">Queued</th></tr></thead><tbody>");
      int position = 1;
      for (Run run : queued) {
        html.raw("<tr><td>")
            .text(position++)
            .raw("</td><td><a")
            .attr("href", "/runs/" + run.runId())
            .raw(">")
            .text(run.runId())
            .raw("</a></td><td>")
            .text(run.task() == null ? "(quick run)" : run.task())
            .raw("</td><td>")
            .text(run.platform())
            .raw("</td><td>");
        Formats.time(html, run.createTime());
        html.raw("</td></tr>");
      }
      html.raw("</tbody></table>");
    }
    html.raw("</section>");
    ctx.html(Layout.page("Agents and queue", "agents", session, html.toString()));
  }
}
