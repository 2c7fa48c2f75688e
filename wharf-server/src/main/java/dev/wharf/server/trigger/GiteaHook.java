package dev.wharf.server.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Gitea's and Forgejo's webhooks: {@code X-Gitea-Signature} or {@code X-Forgejo-Signature} is the
 * bare hex HMAC-SHA256 of the body; events and payloads are shaped like GitHub's.
 */
final class GiteaHook implements WebhookFormat {
  @Override
  public String provider() {
    return "gitea";
  }

  @Override
  public boolean verify(UnaryOperator<String> headers, byte[] body, String secret) {
    String expected = WebhookFormat.hmacSha256(secret, body);
    String given = headers.apply("X-Gitea-Signature");
    return WebhookFormat.same(
        expected, given != null ? given : headers.apply("X-Forgejo-Signature"));
  }

  @Override
  public List<ForgeEvent> events(UnaryOperator<String> headers, JsonNode body) {
    String event = headers.apply("X-Gitea-Event");
    return GitHubHook.githubLike(
        provider(), event != null ? event : headers.apply("X-Forgejo-Event"), body);
  }

  @Override
  public String deliveryId(UnaryOperator<String> headers, JsonNode body) {
    String id = headers.apply("X-Gitea-Delivery");
    return id != null ? id : headers.apply("X-Forgejo-Delivery");
  }
}
