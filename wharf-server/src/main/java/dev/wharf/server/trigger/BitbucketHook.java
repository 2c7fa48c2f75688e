package dev.wharf.server.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Bitbucket Cloud's webhooks: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256>}, the event in
 * {@code X-Event-Key} ({@code repo:push}, {@code pullrequest:created|updated}), delivery id in
 * {@code X-Request-UUID}.
 */
final class BitbucketHook implements WebhookFormat {
  @Override
  public String provider() {
    return "bitbucket";
  }

  @Override
  public boolean verify(UnaryOperator<String> headers, byte[] body, String secret) {
    return WebhookFormat.same(
        "sha256=" + WebhookFormat.hmacSha256(secret, body), headers.apply("X-Hub-Signature"));
  }

  @Override
  public List<ForgeEvent> events(UnaryOperator<String> headers, JsonNode body) {
    List<String> urls = WebhookFormat.texts(body, "/repository/links/html/href");
    String key = String.valueOf(headers.apply("X-Event-Key"));
    List<ForgeEvent> events = new ArrayList<>();
    if (key.equals("repo:push")) {
      for (JsonNode change : body.at("/push/changes")) {
        JsonNode pushed = change.path("new");
        if ("branch".equals(pushed.path("type").asText())) {
          events.add(
              ForgeEvent.push(
                  provider(),
                  urls,
                  pushed.path("name").asText(),
                  pushed.at("/target/hash").asText()));
        }
      }
    } else if (key.equals("pullrequest:created") || key.equals("pullrequest:updated")) {
      JsonNode pr = body.path("pullrequest");
      events.add(
          ForgeEvent.pullRequest(
              provider(),
              urls,
              pr.at("/source/branch/name").asText(),
              pr.at("/destination/branch/name").asText(),
              pr.at("/source/commit/hash").asText(),
              pr.path("id").asLong()));
    }
    return events;
  }

  @Override
  public String deliveryId(UnaryOperator<String> headers, JsonNode body) {
    return headers.apply("X-Request-UUID");
  }
}
