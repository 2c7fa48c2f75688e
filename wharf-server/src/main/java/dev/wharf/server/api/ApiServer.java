package dev.wharf.server.api;

import dev.wharf.api.ApiError;
import dev.wharf.api.Json;
import dev.wharf.server.agent.AgentService;
import dev.wharf.server.auth.Role;
import dev.wharf.server.auth.TokenAdmin;
import dev.wharf.server.auth.WebSessions;
import dev.wharf.server.logs.LogHub;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.BlobStore;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.TaskStore;
import dev.wharf.server.store.UploadLimits;
import dev.wharf.server.trigger.Triggers;
import dev.wharf.server.ui.WebUi;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the server: {@code /api/v1}, {@code /healthz}, {@code /metrics} and the web UI
 * at {@code /}.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final Javalin app;

  /** The stores, queue and logs the API serves. */
  public record Parts(
      RunQueue queue,
      RunStore runs,
      TaskStore tasks,
      LogHub logs,
      BlobStore blobs,
      TokenAdmin tokens,
      WebSessions sessions,
      PrometheusMeterRegistry metrics,
      AgentService agents,
      Triggers triggers,
      UploadLimits uploads) {}

  private ApiServer(Javalin app) {
    this.app = app;
  }

  /** Starts serving on {@code host:port} (port 0: any free port). */
  public static ApiServer start(String host, int port, Parts parts) {
    Guard guard = new Guard(parts.tokens());
    String openApi = resource("openapi.json");
    Javalin app =
        Javalin.create(
            config -> {
              config.jetty.host = host;
              config.jetty.port = port;
              // what Javalin reads whole; every route reads its body with its own limit
              config.http.maxRequestSize = RequestBodies.MAX_AGENT_JSON_BYTES;
              config.http.compressionStrategy = CompressionStrategy.NONE;
              config.jsonMapper(new JavalinJackson(Json.mapper(), false));
              config.startup.showJavalinBanner = false;
              new WebUi(
                      parts.sessions(),
                      parts.queue(),
                      parts.runs(),
                      parts.tasks(),
                      parts.logs(),
                      parts.agents()::list,
                      Clock.systemUTC())
                  .configure(config);
              config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
              config.routes.get(
                  "/metrics",
                  guard.require(
                      Role.read,
                      ctx ->
                          ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                              .result(parts.metrics().scrape())));
              config.routes.get(
                  "/api/v1/openapi.json",
                  guard.require(
                      Role.read, ctx -> ctx.contentType("application/json").result(openApi)));
              new RunRoutes(parts.queue(), parts.runs(), parts.blobs(), parts.uploads())
                  .register(config.routes, guard);
              new TaskRoutes(parts.tasks(), parts.queue(), parts.triggers())
                  .register(config.routes, guard);
              new TimerRoutes(parts.tasks(), parts.triggers()).register(config.routes, guard);
              new CredentialRoutes(parts.tasks()).register(config.routes, guard);
              new HookRoutes(parts.triggers().webhooks(), parts.triggers().registryHooks())
                  .register(config.routes);
              new LogRoutes(parts.logs(), parts.runs()).register(config.routes, guard);
              new AgentRoutes(parts.agents()).register(config.routes, guard);
              config.routes.exception(
                  ApiException.class,
                  (e, ctx) -> ctx.status(e.status()).json(new ApiError(e.getMessage())));
              config.routes.exception(
                  IllegalArgumentException.class,
                  (e, ctx) -> ctx.status(400).json(new ApiError(String.valueOf(e.getMessage()))));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                    ctx.status(500)
                        .json(new ApiError("internal error: " + e.getClass().getSimpleName()));
                  });
            });
    app.start();
    return new ApiServer(app);
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private static String resource(String name) {
    try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
