package dev.wharf.server.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * GitLab's webhooks: the secret itself in {@code X-Gitlab-Token}, {@code object_kind} {@code push}
 * or {@code merge_request}, delivery id in {@code X-Gitlab-Event-UUID}.
 */
final class GitLabHook implements WebhookFormat {
  private static final Set<String> MR_ACTIONS = Set.of("open", "update", "reopen");

  @Override
  public String provider() {
    return "gitlab";
  }

  @Override
  public boolean verify(UnaryOperator<String> headers, byte[] body, String secret) {
    return WebhookFormat.same(secret, headers.apply("X-Gitlab-Token"));
  }

  @Override
  public List<ForgeEvent> events(UnaryOperator<String> headers, JsonNode body) {
    List<String> urls =
        WebhookFormat.texts(
            body,
            "/project/git_http_url",
            "/project/web_url",
            "/repository/git_http_url",
            "/repository/homepage");
    String kind = body.path("object_kind").asText();
    if ("push".equals(kind)) {
      String ref = body.path("ref").asText("");
      String after = body.path("checkout_sha").asText(body.path("after").asText(""));
      if (!ref.startsWith("refs/heads/") || after.isEmpty() || after.matches("0+")) {
        return List.of();
      }
      return List.of(ForgeEvent.push(provider(), urls, ref, after));
    }
    JsonNode mr = body.path("object_attributes");
    if ("merge_request".equals(kind) && MR_ACTIONS.contains(mr.path("action").asText())) {
      return List.of(
          ForgeEvent.pullRequest(
              provider(),
              urls,
              mr.path("source_branch").asText(),
              mr.path("target_branch").asText(),
              mr.at("/last_commit/id").asText(),
              mr.path("iid").asLong()));
    }
    return List.of();
  }

  @Override
  public String deliveryId(UnaryOperator<String> headers, JsonNode body) {
    return headers.apply("X-Gitlab-Event-UUID");
  }
}
