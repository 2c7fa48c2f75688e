package dev.wharf.server.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.Json;
import dev.wharf.api.RegistryCredential;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a registry which digest a tag points to, as the Docker Registry HTTP API v2 answers a {@code
 * HEAD /v2/<repository>/manifests/<tag>} in {@code Docker-Content-Digest}: with the Accept headers
 * of v2 manifests, manifest lists and OCI manifests and indexes, and the task's registry credential
 * as basic authentication or for a bearer token, as the registry's challenge asks. Registries on
 * loopback are asked over plain HTTP, others over HTTPS.
 */
final class ManifestDigests {
  private static final String ACCEPT =
      String.join(
          ", ",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json");
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  /** The digest {@code image} points to; throws saying why when the registry did not say. */
  String digest(ImageTag image, RegistryCredential credential)
      throws IOException, InterruptedException {
    URI manifest =
        URI.create(
            base(image)
                + "/v2/"
                + image.repository()
                + "/manifests/"
                + URLEncoder.encode(image.tag(), StandardCharsets.UTF_8));
    HttpResponse<Void> response = head(manifest, null);
    if (response.statusCode() == 401) {
      String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
      response = head(manifest, authorization(challenge, image, credential));
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "the registry answered "
              + response.statusCode()
              + " for the manifest of "
              + image
              + (response.statusCode() == 401 ? " (no or wrong registry credential)" : ""));
    }
    return response
        .headers()
        .firstValue("Docker-Content-Digest")
        .orElseThrow(() -> new IOException("the registry sent no Docker-Content-Digest"));
  }

  private HttpResponse<Void> head(URI uri, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .header("Accept", ACCEPT);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
  }

  /** The Authorization header that answers {@code challenge}. */
  private String authorization(String challenge, ImageTag image, RegistryCredential credential)
      throws IOException, InterruptedException {
    String basic =
        credential == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (credential.username() + ":" + credential.password())
                            .getBytes(StandardCharsets.UTF_8));
    if (!challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return basic;
    }
    Map<String, String> params = new LinkedHashMap<>();
    Matcher param = PARAM.matcher(challenge);
    while (param.find()) {
      params.put(param.group(1).toLowerCase(java.util.Locale.ROOT), param.group(2));
    }
    String realm = params.get("realm");
    if (realm == null) {
      throw new IOException("the registry's bearer challenge has no realm");
    }
    StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
    if (params.containsKey("service")) {
      url.append("service=")
          .append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8))
          .append('&');
    }
    url.append("scope=")
        .append(
            URLEncoder.encode(
                "repository:" + image.repository() + ":pull", StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url.toString())).timeout(TIMEOUT);
    if (basic != null) {
      request.header("Authorization", basic);
    }
    HttpResponse<String> token =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (token.statusCode() != 200) {
      throw new IOException("the registry's token service answered " + token.statusCode());
    }
    JsonNode answer = Json.read(token.body(), JsonNode.class);
    String value = answer.path("token").asText(answer.path("access_token").asText(""));
    if (value.isEmpty()) {
      throw new IOException("the registry's token service sent no token");
    }
    return "Bearer " + value;
  }

  /** Where the registry's API is: Docker Hub's at registry-1.docker.io. */
  private static String base(ImageTag image) {
    if (image.registry().equals(ImageTag.DOCKER_HUB)) {
      return "https://registry-1.docker.io";
    }
    if (image.isLoopback()) {
      // "localhost" may resolve to ::1 first, where a registry started for 127.0.0.1 is not
      return "http://127.0.0.1" + image.registry().substring("localhost".length());
    }
    return "https://" + image.registry();
  }
}
