package dev.wharf.server.api;

import dev.wharf.api.AgentProtocolException;
import dev.wharf.api.AgentWire.Assignment;
import dev.wharf.api.AgentWire.Cleaned;
import dev.wharf.api.AgentWire.Finish;
import dev.wharf.api.AgentWire.Heartbeat;
import dev.wharf.api.AgentWire.LogBatch;
import dev.wharf.api.AgentWire.Registration;
import dev.wharf.api.Json;
import dev.wharf.server.agent.AgentService;
import dev.wharf.server.auth.Role;
import dev.wharf.server.store.BlobStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The agent protocol over HTTP ({@code /api/v1/agents/…}), for agents holding an {@code agent}
 * token, and the agent list for readers. Agents only ever call the server, so they need no inbound
 * port.
 */
final class AgentRoutes {
  private final AgentService agents;

  AgentRoutes(AgentService agents) {
    this.agents = agents;
  }

  void register(RoutesConfig routes, Guard guard) {
    routes.get("/api/v1/agents", guard.require(Role.read, ctx -> ctx.json(agents.list())));
    routes.post(
        "/api/v1/agents",
        guard.require(
            Role.agent,
            ctx -> ctx.status(201).json(agents.register(body(ctx, Registration.class)))));
    routes.post(
        "/api/v1/agents/{agentId}/claim",
        guard.require(
            Role.agent,
            ctx -> {
              Optional<Assignment> claimed = agents.claim(agentId(ctx), waitMillis(ctx));
              if (claimed.isPresent()) {
                ctx.json(claimed.get());
              } else {
                ctx.status(204);
              }
            }));
    routes.post(
        "/api/v1/agents/{agentId}/heartbeat",
        guard.require(
            Role.agent,
            ctx -> ctx.json(agents.heartbeat(agentId(ctx), body(ctx, Heartbeat.class)))));
    routes.post(
        "/api/v1/agents/{agentId}/runs/{runId}/running",
        guard.require(
            Role.agent,
            ctx -> {
              agents.running(agentId(ctx), ctx.pathParam("runId"));
              ctx.status(204);
            }));
    routes.post(
        "/api/v1/agents/{agentId}/runs/{runId}/log",
        guard.require(
            Role.agent,
            ctx -> {
              agents.appendLog(agentId(ctx), ctx.pathParam("runId"), body(ctx, LogBatch.class));
              ctx.status(204);
            }));
    routes.post(
        "/api/v1/agents/{agentId}/runs/{runId}/finish",
        guard.require(
            Role.agent,
            ctx ->
                ctx.json(
                    Map.of(
                        "recorded",
                        agents.finish(
                            agentId(ctx), ctx.pathParam("runId"), body(ctx, Finish.class))))));
    routes.post(
        "/api/v1/agents/{agentId}/cleaned",
        guard.require(
            Role.agent,
            ctx -> {
              agents.cleaned(agentId(ctx), body(ctx, Cleaned.class).runIds());
              ctx.status(204);
            }));
    routes.get(
        "/api/v1/uploads/{uploadId}",
        guard.require(
            Role.agent,
            ctx -> {
              String id = ctx.pathParam("uploadId");
              try {
                BlobStore.checkUploadId(id);
              } catch (IllegalArgumentException e) {
                throw new ApiException(400, e.getMessage());
              }
              Path file = agents.upload(id);
              InputStream in;
              try {
                in = Files.newInputStream(file);
              } catch (NoSuchFileException e) {
                // deleted (pruned) between the look-up and the read
                throw new AgentProtocolException(404, "no upload " + id);
              }
              ctx.contentType("application/gzip");
              try (in) {
                in.transferTo(ctx.outputStream());
              }
            }));
    routes.exception(
        AgentProtocolException.class,
        (e, ctx) ->
            ctx.status(e.status() == 0 ? 503 : e.status()).json(Map.of("error", e.getMessage())));
  }

  private static String agentId(Context ctx) {
    String id = ctx.pathParam("agentId");
    if (!id.matches("[0-9a-f]{32}")) {
      throw new ApiException(400, "not an agent id: " + id);
    }
    return id;
  }

  private static long waitMillis(Context ctx) {
    String wait = ctx.queryParam("waitMillis");
    try {
      return wait == null ? 0 : Long.parseLong(wait);
    } catch (NumberFormatException e) {
      throw new ApiException(400, "waitMillis is a number of milliseconds: " + wait);
    }
  }

  private static <T> T body(Context ctx, Class<T> type) {
    T value;
    try {
      value =
          Json.read(
              RequestBodies.text(
                  ctx, RequestBodies.MAX_AGENT_JSON_BYTES, "an agent's request body"),
              type);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ApiException(
          400, "the body is not a " + type.getSimpleName() + ": " + e.getMessage());
    }
    if (value == null) {
      throw new ApiException(400, "the body needs a " + type.getSimpleName());
    }
    return value;
  }
}
