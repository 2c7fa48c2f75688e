package dev.wharf.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.Json;
import dev.wharf.api.QuickRunRequest;
import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import dev.wharf.api.Upload;
import dev.wharf.server.auth.Role;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.BlobStore;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.UploadLimits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/** Quick runs, uploads, and the runs list, show, cancel and update (archived or not). */
final class RunRoutes {
  private final RunQueue queue;
  private final RunStore runs;
  private final BlobStore blobs;
  private final UploadLimits uploads;

  RunRoutes(RunQueue queue, RunStore runs, BlobStore blobs, UploadLimits uploads) {
    this.queue = queue;
    this.runs = runs;
    this.blobs = blobs;
    this.uploads = uploads;
  }

  void register(RoutesConfig routes, Guard guard) {
    routes.post("/api/v1/uploads", guard.require(Role.run, this::upload));
    routes.post("/api/v1/runs", guard.require(Role.run, this::queueQuickRun));
    routes.get("/api/v1/runs", guard.require(Role.read, this::list));
    routes.get("/api/v1/runs/{runId}", guard.require(Role.read, this::show));
    routes.post("/api/v1/runs/{runId}/cancel", guard.require(Role.run, this::cancel));
    routes.patch("/api/v1/runs/{runId}", guard.require(Role.admin, this::update));
  }

  private void upload(Context ctx) {
    String what = "an upload";
    long max = Math.min(uploads.maxBytes(), blobs.largestUpload());
    RequestBodies.refuseDeclared(ctx, max, what);
    String id;
    try {
      id = blobs.putUpload(RequestBodies.limited(ctx.bodyInputStream(), max, what));
    } catch (UncheckedIOException e) {
      RequestBodies.TooLarge tooLarge = RequestBodies.tooLarge(e);
      if (tooLarge != null) {
        throw tooLarge.refusal();
      }
      throw e;
    }
    ctx.status(201).json(new Upload(id));
  }

  private void queueQuickRun(Context ctx) {
    QuickRunRequest request = Json.read(RequestBodies.json(ctx), QuickRunRequest.class);
    if (request == null || request.spec() == null) {
      throw new ApiException(400, "the body needs a spec");
    }
    RunType type = request.type() == null ? RunType.QuickRun : request.type();
    if (type != RunType.QuickRun && type != RunType.QuickBuild) {
      throw new ApiException(400, "a quick run is QuickRun or QuickBuild, not " + type);
    }
    RunSpec spec = request.spec();
    if (spec.trusted()) {
      throw new ApiException(
          400,
          "a quick run is never trusted; an admin marks a saved task trusted instead"
              + " (wharf task update NAME --trusted true)");
    }
    ContextCredentials.refuseIn(spec.context());
    if (spec.upload() != null && !blobs.hasUpload(spec.upload())) {
      throw new ApiException(400, "unknown upload " + spec.upload());
    }
    if (spec.taskText() == null && spec.upload() == null && spec.context() == null) {
      throw new ApiException(400, "a run needs task text, an uploaded context or a context");
    }
    AgentLabelLimits.check(request.agentLabels());
    Run run =
        queue.enqueue(
            type, null, RunTrigger.MANUAL, spec, request.agentPool(), request.agentLabels());
    ctx.status(201).json(run);
  }

  private void list(Context ctx) {
    String status = ctx.queryParam("status");
    String top = ctx.queryParam("top");
    RunFilter filter;
    try {
      filter =
          new RunFilter(
              ctx.queryParam("task"),
              status == null ? null : RunStatus.valueOf(status),
              ctx.queryParam("image"),
              top == null ? 0 : Integer.parseInt(top));
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "bad filter: " + e.getMessage());
    }
    ctx.json(runs.list(filter));
  }

  private void show(Context ctx) {
    Run run = find(ctx.pathParam("runId"));
    ctx.json(
        run.status() == RunStatus.Queued
            ? run.withQueuePosition(runs.queuePosition(run.runId()))
            : run);
  }

  private void cancel(Context ctx) {
    String runId = ctx.pathParam("runId");
    ctx.json(queue.cancel(runId).orElseThrow(() -> ApiException.notFound("run " + runId)));
  }

  /** {@code az acr task update-run}: only whether the run is archived can change. */
  private void update(Context ctx) {
    String runId = ctx.pathParam("runId");
    JsonNode patch = Json.read(RequestBodies.json(ctx), JsonNode.class);
    if (patch == null || !patch.path("archived").isBoolean()) {
      throw new ApiException(400, "a PATCH body is {\"archived\": true|false}");
    }
    if (!runs.setArchived(runId, patch.get("archived").asBoolean())) {
      throw ApiException.notFound("run " + runId);
    }
    ctx.json(find(runId));
  }

  private Run find(String runId) {
    return runs.find(runId).orElseThrow(() -> ApiException.notFound("run " + runId));
  }
}
