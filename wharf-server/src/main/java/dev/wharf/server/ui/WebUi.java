package dev.wharf.server.ui;

import dev.wharf.api.AgentWire;
import dev.wharf.server.auth.WebSessions;
import dev.wharf.server.logs.LogHub;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.TaskStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The web UI served by the server at {@code /}: sign-in, runs, a run's page, tasks, agents and
 * queue. Pages are rendered here; the browser loads htmx and its SSE extension from their WebJars
 * and one small script and style sheet of ours, all from the class path.
 */
public final class WebUi {
  private final WebAuth auth;
  private final RunsPage runsPage;
  private final RunPage runPage;
  private final TasksPage tasksPage;
  private final AgentsPage agentsPage;

  /** The UI over the server's own stores, queue and logs. */
  public WebUi(
      WebSessions sessions,
      RunQueue queue,
      RunStore runs,
      TaskStore tasks,
      LogHub logs,
      Supplier<List<AgentWire.AgentInfo>> agents,
      Clock clock) {
    this.auth = new WebAuth(sessions);
    this.runsPage = new RunsPage(runs, tasks, clock);
    this.runPage = new RunPage(runs, queue, logs, clock);
    this.tasksPage = new TasksPage(tasks, runs, queue, clock);
    this.agentsPage = new AgentsPage(runs, agents);
  }

  /** Adds the pages, the assets and the error page to a server being configured. */
  public void configure(JavalinConfig config) {
    config.staticFiles.enableWebjars();
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/static";
          files.directory = "/wharf-ui";
          files.location = Location.CLASSPATH;
        });
    var routes = config.routes;
    routes.before(
        ctx -> {
          if (!ctx.path().startsWith("/api/")) {
            ctx.header("Content-Security-Policy", Layout.CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "same-origin");
          }
        });
    routes.get("/", ctx -> ctx.redirect("/runs"));
    routes.get("/login", ctx -> ctx.html(LoginPage.form(ctx.queryParam("next"), null)));
    routes.post("/login", this::signIn);
    routes.post(
        "/logout",
        ctx -> {
          auth.signOut(ctx);
          ctx.redirect("/login", HttpStatus.SEE_OTHER);
        });
    runsPage.register(routes, auth);
    runPage.register(routes, auth);
    tasksPage.register(routes, auth);
    agentsPage.register(routes, auth);
    routes.exception(
        WebException.class,
        (e, ctx) -> {
          ctx.status(e.status());
          if (ctx.header("HX-Request") != null) {
            ctx.html(
                new Html()
                    .raw("<p class=\"error\" role=\"alert\">")
                    .text(e.getMessage())
                    .raw("</p>")
                    .toString());
          } else {
            ctx.html(LoginPage.error(e.status(), e.getMessage()));
          }
        });
  }

  private void signIn(Context ctx) {
    String next = WebAuth.safeNext(ctx.formParam("next"));
    String token = ctx.formParam("token");
    if (token == null || token.length() > 200 || !auth.signIn(ctx, token)) {
      ctx.status(401).html(LoginPage.form(next, "That token is not known to this server."));
      return;
    }
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }
}
