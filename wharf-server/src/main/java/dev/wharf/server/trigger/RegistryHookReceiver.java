package dev.wharf.server.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.Json;
import dev.wharf.api.Run;
import dev.wharf.server.store.TriggerStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a registry's notifications ({@code POST /api/v1/hooks/registry}): CNCF Distribution's
 * envelopes, {@code {"events":[{"action":"push","target":{"mediaType","digest","repository","tag"},
 * "request":{"host"}}]}}, verified by the configured header. Each manifest push of a tag records
 * the tag's new digest; the tasks built on that tag are then run once per new digest.
 */
public final class RegistryHookReceiver {
  /** The source of a digest learnt from a notification. */
  public static final String NOTIFICATION = "notification";

  private static final Logger LOG = LoggerFactory.getLogger(RegistryHookReceiver.class);

  /** Manifests and indexes; blob pushes, which come first, are not a new image yet. */
  private static final Set<String> MANIFESTS =
      Set.of(
          "application/vnd.docker.distribution.manifest.v2+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.docker.distribution.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v1+prettyjws",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.oci.image.index.v1+json");

  private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+:[a-f0-9]{32,128}");

  private final RegistryHookHeader header;
  private final TriggerStore state;
  private final BaseImageUpdates updates;
  private final Clock clock;

  /** A receiver accepting notifications that carry {@code header} (null: refusing them all). */
  public RegistryHookReceiver(
      RegistryHookHeader header, TriggerStore state, BaseImageUpdates updates, Clock clock) {
    this.header = header;
    this.state = state;
    this.updates = updates;
    this.clock = clock;
  }

  /**
   * Handles one envelope.
   *
   * @param headers looks a request header up by name (case-insensitive), null when absent
   */
  public WebhookReceiver.Delivery receive(UnaryOperator<String> headers, byte[] body) {
    if (header == null) {
      LOG.warn("refused a registry notification: the server has no --registry-hook-header");
      return new WebhookReceiver.Delivery(
          401,
          List.of(),
          "this server takes no registry notifications (no --registry-hook-header)");
    }
    if (!header.verifies(headers)) {
      LOG.warn("refused a registry notification without the configured {} header", header.name());
      return new WebhookReceiver.Delivery(
          401, List.of(), "the notification does not carry the configured " + header.name());
    }
    if (body.length > WebhookReceiver.MAX_BODY_BYTES) {
      return new WebhookReceiver.Delivery(413, List.of(), "a notification is at most 1 MiB");
    }
    JsonNode envelope;
    try {
      envelope = Json.read(new String(body, StandardCharsets.UTF_8), JsonNode.class);
    } catch (IllegalArgumentException e) {
      return new WebhookReceiver.Delivery(400, List.of(), "the envelope is not JSON");
    }
    if (envelope == null || !envelope.path("events").isArray()) {
      return new WebhookReceiver.Delivery(400, List.of(), "the envelope has no events array");
    }
    int pushes = 0;
    for (JsonNode event : envelope.path("events")) {
      JsonNode target = event.path("target");
      String digest = target.path("digest").asText("");
      String repository = target.path("repository").asText("");
      String tag = target.path("tag").asText("");
      String host = host(event);
      if (!"push".equals(event.path("action").asText())
          || !MANIFESTS.contains(target.path("mediaType").asText())
          || tag.isEmpty()
          || repository.isEmpty()
          || host.isEmpty()
          || !DIGEST.matcher(digest).matches()) {
        continue;
      }
      ImageTag image = ImageTag.of(host, repository, tag);
      state.tagSeen(
          image.registry(), image.repository(), image.tag(), digest, when(event), NOTIFICATION);
      LOG.info("registry notification: {} is now {}", image, digest);
      pushes++;
    }
    List<String> queued = updates.check().stream().map(Run::runId).toList();
    return new WebhookReceiver.Delivery(
        202,
        queued,
        pushes == 0
            ? "accepted; no manifest push of a tag in it"
            : queued.isEmpty() ? "accepted; nothing to run" : "queued");
  }

  /** The registry's host as the pushing client named it, else the host of the target's URL. */
  private static String host(JsonNode event) {
    String host = event.path("request").path("host").asText("");
    if (!host.isEmpty()) {
      return host;
    }
    try {
      URI url = URI.create(event.path("target").path("url").asText(""));
      return url.getAuthority() == null ? "" : url.getAuthority();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** When the registry says the push happened (so a replay cannot move a tag back), else now. */
  private Instant when(JsonNode event) {
    try {
      return OffsetDateTime.parse(event.path("timestamp").asText("")).toInstant();
    } catch (DateTimeParseException e) {
      return clock.instant();
    }
  }
}
