package dev.wharf.server.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * GitHub's webhooks: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256>}, events in {@code
 * X-GitHub-Event} ({@code push}, {@code pull_request}), delivery id in {@code X-GitHub-Delivery}.
 */
final class GitHubHook implements WebhookFormat {
  /** Pull-request actions that mean new code to build. */
  static final Set<String> PR_ACTIONS = Set.of("opened", "synchronize", "reopened", "edited");

  @Override
  public String provider() {
    return "github";
  }

  @Override
  public boolean verify(UnaryOperator<String> headers, byte[] body, String secret) {
    return WebhookFormat.same(
        "sha256=" + WebhookFormat.hmacSha256(secret, body), headers.apply("X-Hub-Signature-256"));
  }

  @Override
  public List<ForgeEvent> events(UnaryOperator<String> headers, JsonNode body) {
    return githubLike(provider(), headers.apply("X-GitHub-Event"), body);
  }

  @Override
  public String deliveryId(UnaryOperator<String> headers, JsonNode body) {
    return headers.apply("X-GitHub-Delivery");
  }

  /** The push and pull_request payloads GitHub, Gitea and Forgejo share. */
  static List<ForgeEvent> githubLike(String provider, String event, JsonNode body) {
    List<String> urls =
        WebhookFormat.texts(
            body, "/repository/clone_url", "/repository/html_url", "/repository/ssh_url");
    if ("push".equals(event)) {
      String ref = body.path("ref").asText("");
      String after = body.path("after").asText("");
      if (!ref.startsWith("refs/heads/")
          || body.path("deleted").asBoolean(false)
          || after.matches("0+")) {
        return List.of();
      }
      return List.of(ForgeEvent.push(provider, urls, ref, after));
    }
    if ("pull_request".equals(event) && PR_ACTIONS.contains(body.path("action").asText())) {
      JsonNode pr = body.path("pull_request");
      return List.of(
          ForgeEvent.pullRequest(
              provider,
              urls,
              pr.at("/head/ref").asText(),
              pr.at("/base/ref").asText(),
              pr.at("/head/sha").asText(),
              body.path("number").asLong(pr.path("number").asLong())));
    }
    return List.of();
  }
}
