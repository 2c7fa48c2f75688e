package dev.wharf.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.Json;
import dev.wharf.api.RegistryCredential;
import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.Task;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskRunOverrides;
import dev.wharf.api.TaskStatus;
import dev.wharf.server.auth.Role;
import dev.wharf.server.auth.WebSessions.WebSession;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.TaskStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tasks list and a task's page: definition (secrets only as "set"), triggers, runs, run. */
final class TasksPage {
  private static final int RECENT_RUNS = 10;

  /** Task fields the page shows in its own way; any other is shown as it is (e.g. triggers). */
  private static final Set<String> SHOWN =
      Set.of(
          "name",
          "status",
          "context",
          "file",
          "taskText",
          "platform",
          "timeoutSeconds",
          "agentPool",
          "agentLabels",
          "valueNames",
          "secretValueNames",
          "credentialLoginServers",
          "createTime",
          "updateTime");

  private final TaskStore tasks;
  private final RunStore runs;
  private final RunQueue queue;
  private final Clock clock;

  TasksPage(TaskStore tasks, RunStore runs, RunQueue queue, Clock clock) {
    this.tasks = tasks;
    this.runs = runs;
    this.queue = queue;
    this.clock = clock;
  }

  void register(RoutesConfig routes, WebAuth auth) {
    routes.get("/tasks", auth.page(Role.read, this::list));
    routes.get("/tasks/{name}", auth.page(Role.read, this::show));
    routes.post("/tasks/{name}/run", auth.page(Role.run, this::run));
  }

  private void list(Context ctx) {
    WebSession session = WebAuth.session(ctx);
    List<Task> all = tasks.list();
    Html html = new Html().raw("<h1>Tasks</h1>");
    if (all.isEmpty()) {
      html.raw(
          "<p class=\"empty\">No tasks yet. Create one with <code>wharf task create</code>.</p>");
    } else {
      html.raw("<table><thead><tr><th scope=\"col\">Task</th><th scope=\"col\">Status</th>")
          .raw(
              "<th scope=\"col\">Last run</th><th scope=\"col\">Started</th><th scope=\"col\">Context</th></tr></thead><tbody>");
      for (Task task : all) {
        html.raw("<tr><td><a")
            .attr("href", "/tasks/" + task.name())
            .raw(">")
            .text(task.name())
            .raw("</a></td><td>")
            .text(task.status())
            .raw("</td>");
        List<Run> last = runs.list(new RunFilter(task.name(), null, null, 1));
        if (last.isEmpty()) {
          html.raw("<td><span class=\"none\">never run</span></td><td></td>");
        } else {
          Run run = last.get(0);
          html.raw("<td><a")
              .attr("href", "/runs/" + run.runId())
              .raw(">")
              .text(run.runId())
              .raw("</a> ");
          Formats.badge(html, run.status());
          html.raw("</td><td>");
          Formats.time(html, run.startTime() != null ? run.startTime() : run.createTime());
          html.raw("</td>");
        }
        html.raw("<td><code>")
            .text(task.taskText() != null ? "(inline task)" : task.context())
            .raw("</code></td></tr>");
      }
      html.raw("</tbody></table>");
    }
    ctx.html(Layout.page("Tasks", "tasks", session, html.toString()));
  }

  private void show(Context ctx) {
    WebSession session = WebAuth.session(ctx);
    String name = ctx.pathParam("name");
    Task task = tasks.show(name).orElseThrow(() -> WebException.notFound("Task " + name));
    TaskDefinition definition =
        tasks.definition(name).orElseThrow(() -> WebException.notFound("Task " + name));
    Html html = new Html();
    html.raw("<div class=\"title\"><h1>Task ").text(task.name()).raw("</h1> ");
    Formats.badge(html, task.status());
    html.raw("</div>");
    if (Layout.may(session, Role.run) && task.status() == TaskStatus.Enabled) {
      runForm(html, task, session);
    }
    html.raw(
        "<section aria-labelledby=\"def-heading\"><h2 id=\"def-heading\">Definition</h2><dl class=\"facts\">");
    fact(html, "Context", task.context());
    fact(html, "File", task.file());
    fact(html, "Platform", task.platform());
    fact(html, "Timeout", task.timeoutSeconds() + " s");
    fact(html, "Agent pool", task.agentPool());
    fact(
        html,
        "Agent labels",
        task.agentLabels().isEmpty()
            ? null
            : task.agentLabels().entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue())
                .collect(java.util.stream.Collectors.joining(", ")));
    html.raw("</dl>");
    if (task.taskText() != null) {
      html.raw("<h3>Task file (inline)</h3><pre class=\"task-text\">")
          .text(task.taskText())
          .raw("</pre>");
    }
    html.raw("<h3>Values</h3>");
    if (definition.values().isEmpty() && definition.secretValues().isEmpty()) {
      html.raw("<p class=\"empty\">None.</p>");
    } else {
      html.raw(
          "<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Value</th></tr></thead><tbody>");
      definition.values().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  html.raw("<tr><td>")
                      .text(e.getKey())
                      .raw("</td><td><code>")
                      .text(e.getValue())
                      .raw("</code></td></tr>"));
      for (String secret : task.secretValueNames()) {
        html.raw("<tr><td>")
            .text(secret)
            .raw("</td><td><span class=\"secret\">set (secret)</span></td></tr>");
      }
      html.raw("</tbody></table>");
    }
    if (!definition.credentials().isEmpty()) {
      html.raw("<h3>Registry logins</h3><ul>");
      for (RegistryCredential credential : definition.credentials()) {
        html.raw("<li>")
            .text(credential.loginServer())
            .raw(" – user ")
            .text(credential.username())
            .raw(", password <span class=\"secret\">set</span></li>");
      }
      html.raw("</ul>");
    }
    html.raw("</section>");
    triggers(html, task);
    html.raw("<section aria-labelledby=\"runs-heading\"><h2 id=\"runs-heading\">Recent runs</h2>");
    List<Run> recent = runs.list(new RunFilter(name, null, null, RECENT_RUNS));
    if (recent.isEmpty()) {
      html.raw("<p class=\"empty\">No runs yet.</p>");
    } else {
      html.raw(
              "<table><thead><tr><th scope=\"col\">Run ID</th><th scope=\"col\">Status</th><th scope=\"col\">Trigger</th>")
          .raw("<th scope=\"col\">Started</th><th scope=\"col\">Duration</th></tr></thead><tbody>");
      for (Run run : recent) {
        html.raw("<tr><td><a")
            .attr("href", "/runs/" + run.runId())
            .raw(">")
            .text(run.runId())
            .raw("</a></td><td>");
        Formats.badge(html, run.status());
        html.raw("</td><td>").text(run.trigger()).raw("</td><td>");
        Formats.time(html, run.startTime());
        html.raw("</td><td>").text(Formats.duration(run, clock.instant())).raw("</td></tr>");
      }
      html.raw("</tbody></table><p><a")
          .attr("href", "/runs?task=" + name)
          .raw(">All runs of this task</a></p>");
    }
    html.raw("</section>");
    ctx.html(Layout.page("Task " + name, "tasks", session, html.toString()));
  }

  /**
   * Whatever the task record carries beyond its definition: its triggers, as the server has them.
   */
  private static void triggers(Html html, Task task) {
    JsonNode node = Json.mapper().valueToTree(task);
    html.raw(
        "<section aria-labelledby=\"triggers-heading\"><h2 id=\"triggers-heading\">Triggers</h2>");
    boolean any = false;
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      if (SHOWN.contains(field.getKey())
          || value.isNull()
          || (value.isContainerNode() && value.isEmpty())) {
        continue;
      }
      any = true;
      html.raw("<h3>").text(RunPage.label(field.getKey())).raw("</h3>");
      JsonView.render(html, value);
    }
    if (!any) {
      html.raw("<p class=\"empty\">Manual runs only.</p>");
    }
    html.raw("</section>");
  }

  private static void runForm(Html html, Task task, WebSession session) {
    html.raw(
            "<details class=\"run-form\" open><summary>Run this task</summary><form method=\"post\"")
        .attr("action", "/tasks/" + task.name() + "/run")
        .raw(">");
    Layout.csrfField(html, session);
    html.raw("<label>Context <input name=\"context\" autocomplete=\"off\"")
        .attr("placeholder", task.context() == null ? "" : task.context())
        .raw("></label>");
    html.raw("<label>File <input name=\"file\" autocomplete=\"off\"")
        .attr("placeholder", task.file() == null ? "" : task.file())
        .raw("></label>");
    html.raw(
        "<label>Values (one <code>name=value</code> a line) <textarea name=\"values\" rows=\"3\"></textarea></label>");
    html.raw("<button type=\"submit\" id=\"run-task\">Run</button></form></details>");
  }

  private void run(Context ctx) {
    String name = ctx.pathParam("name");
    TaskDefinition task =
        tasks.definition(name).orElseThrow(() -> WebException.notFound("Task " + name));
    if (task.status() == TaskStatus.Disabled) {
      throw new WebException(409, "Task " + name + " is disabled.");
    }
    Map<String, String> values = new LinkedHashMap<>();
    String text = String.valueOf(ctx.formParam("values") == null ? "" : ctx.formParam("values"));
    if (text.length() > 64 * 1024) {
      throw new WebException(400, "Values are at most 64 KiB.");
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new WebException(400, "A value is name=value: " + line.strip());
      }
      values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    TaskRunOverrides overrides =
        new TaskRunOverrides(
            blankToNull(ctx.formParam("context")),
            null,
            blankToNull(ctx.formParam("file")),
            values,
            null);
    boolean admin = Layout.may(WebAuth.session(ctx), Role.admin);
    Run run = queue.enqueue(task, RunTrigger.MANUAL, task.runSpec(overrides, admin));
    ctx.redirect("/runs/" + run.runId(), HttpStatus.SEE_OTHER);
  }

  private static void fact(Html html, String name, Object value) {
    html.raw("<div><dt>")
        .text(name)
        .raw("</dt><dd>")
        .text(value == null ? "–" : value)
        .raw("</dd></div>");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
