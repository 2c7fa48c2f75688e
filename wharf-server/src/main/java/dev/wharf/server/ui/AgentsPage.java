package dev.wharf.server.ui;

import dev.wharf.api.AgentWire;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Agents with the runs they execute now, and the queue of runs waiting for one. */
final class AgentsPage {
  private static final int SHOWN = 500;

  private final RunStore runs;
  private final Supplier<List<AgentWire.AgentInfo>> agents;

  AgentsPage(RunStore runs, Supplier<List<AgentWire.AgentInfo>> agents) {
    this.runs = runs;
    this.agents = agents;
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
    registered(html, byAgent);
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
          .raw("<th scope=\"col\">Pool</th><th scope=\"col\">Platform</th>")
          .raw("<th scope=\"col\">Queued</th></tr></thead><tbody>");
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
            .text(run.agentPool() == null ? "default" : run.agentPool())
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

  /** The registered agents: pool, labels, version, platform, last seen and what they run now. */
  private void registered(Html html, Map<String, List<Run>> byAgent) {
    List<AgentWire.AgentInfo> known = agents.get();
    html.raw(
        "<section aria-labelledby=\"registered-heading\"><h2 id=\"registered-heading\">Agents</h2>");
    if (known.isEmpty()) {
      html.raw("<p class=\"empty\">No agent is registered.</p></section>");
      return;
    }
    html.raw("<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Pool</th>")
        .raw("<th scope=\"col\">Labels</th><th scope=\"col\">Version</th>")
        .raw("<th scope=\"col\">Platform</th><th scope=\"col\">Last seen</th>")
        .raw("<th scope=\"col\">Running</th></tr></thead><tbody>");
    for (AgentWire.AgentInfo agent : known) {
      html.raw("<tr><td>")
          .text(agent.name())
          .raw("</td><td>")
          .text(agent.pool() == null ? "default" : agent.pool())
          .raw("</td><td>")
          .text(
              agent.labels().entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .sorted()
                  .collect(Collectors.joining(", ")))
          .raw("</td><td>")
          .text(agent.version() == null ? "" : agent.version())
          .raw("</td><td>")
          .text(agent.platform() == null ? "" : agent.platform())
          .raw("</td><td>");
      Formats.time(html, agent.lastSeen());
      html.raw("</td><td>").text(agent.running());
      for (Run run : byAgent.getOrDefault(agent.name(), List.of())) {
        html.raw(" <a").attr("href", "/runs/" + run.runId()).raw(">").text(run.runId()).raw("</a>");
      }
      html.raw("</td></tr>");
    }
    html.raw("</tbody></table></section>");
  }
}
