package dev.wharf.server.api;

import dev.wharf.server.trigger.RegistryHookReceiver;
import dev.wharf.server.trigger.WebhookReceiver;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The forges' webhooks, {@code POST /api/v1/hooks/{provider}}: no API token, each delivery is
 * verified with the webhook secret of the tasks following its repository; and the registries'
 * notifications, {@code POST /api/v1/hooks/registry}, verified by the server's configured header.
 */
final class HookRoutes {
  private final WebhookReceiver receiver;
  private final RegistryHookReceiver registry;

  HookRoutes(WebhookReceiver receiver, RegistryHookReceiver registry) {
    this.receiver = receiver;
    this.registry = registry;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/v1/hooks/{provider}", this::receive);
  }

  private void receive(Context ctx) {
    String provider = ctx.pathParam("provider");
    byte[] body;
    try {
      body = RequestBodies.bytes(ctx, WebhookReceiver.MAX_BODY_BYTES, "a webhook payload");
    } catch (ApiException tooLarge) {
      ctx.status(413).json(Map.of("error", "a webhook payload is at most 1 MiB"));
      return;
    }
    WebhookReceiver.Delivery delivery =
        "registry".equals(provider)
            ? registry.receive(ctx::header, body)
            : receiver.receive(provider, ctx::header, body);
    if (delivery.status() >= 400) {
      ctx.status(delivery.status()).json(Map.of("error", delivery.message()));
    } else {
      ctx.status(delivery.status())
          .json(Map.of("message", delivery.message(), "runIds", delivery.runIds()));
    }
  }
}
