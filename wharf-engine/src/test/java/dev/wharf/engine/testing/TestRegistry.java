package dev.wharf.engine.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Removes what tests pushed to the two test registries ({@link LocalDocker#REGISTRY}, {@link
 * LocalDocker#AUTH_REGISTRY}): the engine forgets an image when it is removed, a registry keeps the
 * tag until its manifest is deleted.
 */
public final class TestRegistry {

  private static final String ACCEPT =
      String.join(
          ", ",
          "application/vnd.docker.distribution.manifest.v2+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.oci.image.index.v1+json");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private TestRegistry() {}

  /**
   * Deletes the manifest {@code image} ({@code 127.0.0.1:5000/repository:tag}) names, and with it
   * every tag of that repository on the same manifest; nothing when the tag is not there.
   */
  public static void delete(String image) throws IOException, InterruptedException {
    int slash = image.indexOf('/');
    int colon = image.lastIndexOf(':');
    if (slash < 0 || colon < slash) {
      throw new IllegalArgumentException("not registry/repository:tag: " + image);
    }
    String host = image.substring(0, slash);
    String manifests =
        "http://" + host + "/v2/" + image.substring(slash + 1, colon) + "/manifests/";
    HttpResponse<Void> head =
        HTTP.send(
            request(host, manifests + image.substring(colon + 1))
                .header("Accept", ACCEPT)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (head.statusCode() == 404) {
      return;
    }
    String digest =
        head.headers()
            .firstValue("Docker-Content-Digest")
            .orElseThrow(() -> new IOException(image + ": no digest (" + head.statusCode() + ")"));
    HttpResponse<String> deleted =
        HTTP.send(
            request(host, manifests + digest).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
    if (deleted.statusCode() != 202 && deleted.statusCode() != 404) {
      throw new IOException(
          "deleting " + image + ": " + deleted.statusCode() + " " + deleted.body());
    }
  }

  private static HttpRequest.Builder request(String host, String url) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (host.equals(LocalDocker.AUTH_REGISTRY)) {
      String login = LocalDocker.USERNAME + ":" + LocalDocker.PASSWORD;
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }
}
