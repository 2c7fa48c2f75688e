package dev.wharf.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real CNCF Distribution registry ({@code docker-registry}, Debian's package, as
 * scripts/setup-docker.sh runs it) on a free loopback port with its data in a test's folder,
 * notifying {@code notifyUrl} with {@code header} on every event when given one. {@link #push}
 * uploads a small image of its own (a config and a random layer) over the registry's HTTP API.
 */
public final class DistributionRegistry implements AutoCloseable {
  private static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private DistributionRegistry(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts a registry keeping its data under {@code dir}.
   *
   * @param notifyUrl where it posts its notification envelopes, null for none
   * @param headerName the header it adds to them (e.g. {@code Authorization})
   * @param headerValue that header's value
   */
  public static DistributionRegistry start(
      Path dir, String notifyUrl, String headerName, String headerValue) throws Exception {
    return start(dir, freePort(), notifyUrl, headerName, headerValue);
  }

  /** A loopback port free now, for a registry whose address must be known before it starts. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Starts a registry on {@code port}, keeping its data under {@code dir}. */
  public static DistributionRegistry start(
      Path dir, int port, String notifyUrl, String headerName, String headerValue)
      throws Exception {
    Files.createDirectories(dir.resolve("data"));
    StringBuilder config =
        new StringBuilder()
            .append("version: 0.1\n")
            .append("log: {level: warn}\n")
            .append("storage: {filesystem: {rootdirectory: ")
            .append(dir.resolve("data"))
            .append("}, delete: {enabled: true}}\n")
            .append("http: {addr: 127.0.0.1:")
            .append(port)
            .append("}\n");
    if (notifyUrl != null) {
      config
          .append("notifications:\n  endpoints:\n    - name: wharf\n      url: ")
          .append(notifyUrl)
          .append("\n      headers: {")
          .append(headerName)
          .append(": [\"")
          .append(headerValue)
          .append("\"]}\n      timeout: 2s\n      threshold: 2\n      backoff: 500ms\n")
          .append("      ignoredmediatypes: [application/octet-stream]\n");
    }
    Path file = dir.resolve("config.yml");
    Files.writeString(file, config.toString());
    Process process =
        new ProcessBuilder("docker-registry", "serve", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("registry.log").toFile())
            .start();
    DistributionRegistry registry = new DistributionRegistry(process, port);
    Instant deadline = Instant.now().plusSeconds(20);
    while (!registry.answers()) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        registry.close();
        throw new IllegalStateException(
            "docker-registry did not start: " + Files.readString(dir.resolve("registry.log")));
      }
      Thread.sleep(50);
    }
    return registry;
  }

  /** {@code 127.0.0.1:PORT}. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  private boolean answers() {
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Pushes a new small image as {@code repository:tag}; answers its manifest's digest. */
  public String push(String repository, String tag) throws Exception {
    byte[] layer = ("layer " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\""
                + digest(layer)
                + "\"]},\"config\":{}}")
            .getBytes(StandardCharsets.UTF_8);
    upload(repository, layer);
    upload(repository, config);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MANIFEST_V2
            + "\",\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\","
            + "\"size\":"
            + config.length
            + ",\"digest\":\""
            + digest(config)
            + "\"},\"layers\":[{\"mediaType\":"
            + "\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":"
            + layer.length
            + ",\"digest\":\""
            + digest(layer)
            + "\"}]}";
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + host() + "/v2/" + repository + "/manifests/" + tag))
                .header("Content-Type", MANIFEST_V2)
                .PUT(HttpRequest.BodyPublishers.ofString(manifest))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (put.statusCode() != 201) {
      throw new IOException("pushing the manifest: " + put.statusCode() + " " + put.body());
    }
    return digest(manifest.getBytes(StandardCharsets.UTF_8));
  }

  /** The digest the registry serves for {@code repository:tag} now, as a build pulling it sees. */
  public String digestOf(String repository, String tag) throws Exception {
    HttpResponse<Void> head =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + host() + "/v2/" + repository + "/manifests/" + tag))
                .header("Accept", MANIFEST_V2)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return head.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }

  private void upload(String repository, byte[] blob) throws Exception {
    HttpResponse<Void> start =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + host() + "/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    String location = start.headers().firstValue("Location").orElseThrow();
    URI upload = URI.create("http://" + host()).resolve(location);
    String separator = upload.getQuery() == null ? "?" : "&";
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(URI.create(upload + separator + "digest=" + digest(blob)))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (put.statusCode() != 201) {
      throw new IOException("uploading a blob: " + put.statusCode() + " " + put.body());
    }
  }

  /** {@code sha256:<hex>} of {@code bytes}. */
  public static String digest(byte[] bytes) throws NoSuchAlgorithmException {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Stops the registry (its data folder is the test's to remove). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
