package dev.wharf.server.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Azure DevOps service hooks: basic authentication whose password is the secret, {@code eventType}
 * {@code git.push} or {@code git.pullrequest.created|updated}, the notification's {@code id} as
 * delivery id.
 */
final class AzureDevOpsHook implements WebhookFormat {
  @Override
  public String provider() {
    return "azure-devops";
  }

  @Override
  public boolean verify(UnaryOperator<String> headers, byte[] body, String secret) {
    String authorization = headers.apply("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String pair;
    try {
      pair =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = pair.indexOf(':');
    return colon >= 0 && WebhookFormat.same(secret, pair.substring(colon + 1));
  }

  @Override
  public List<ForgeEvent> events(UnaryOperator<String> headers, JsonNode body) {
    JsonNode resource = body.path("resource");
    List<String> urls = WebhookFormat.texts(resource, "/repository/remoteUrl");
    String type = body.path("eventType").asText();
    List<ForgeEvent> events = new ArrayList<>();
    if (type.equals("git.push")) {
      for (JsonNode update : resource.path("refUpdates")) {
        String ref = update.path("name").asText("");
        String commit = update.path("newObjectId").asText("");
        if (ref.startsWith("refs/heads/") && !commit.matches("0*")) {
          events.add(ForgeEvent.push(provider(), urls, ref, commit));
        }
      }
    } else if (type.equals("git.pullrequest.created") || type.equals("git.pullrequest.updated")) {
      events.add(
          ForgeEvent.pullRequest(
              provider(),
              urls,
              resource.path("sourceRefName").asText(),
              resource.path("targetRefName").asText(),
              resource.at("/lastMergeSourceCommit/commitId").asText(),
              resource.path("pullRequestId").asLong()));
    }
    return events;
  }

  @Override
  public String deliveryId(UnaryOperator<String> headers, JsonNode body) {
    String id = body.path("id").asText("");
    return id.isEmpty() ? null : id;
  }
}
