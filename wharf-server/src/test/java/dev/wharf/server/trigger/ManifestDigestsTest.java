package dev.wharf.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.wharf.api.RegistryCredential;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registry that answers as Docker Hub-like registries do: a HEAD without a token gets a bearer
 * challenge, the token service wants the task's credential in basic authentication, and the
 * manifest's digest comes in {@code Docker-Content-Digest} only with the token.
 */
class ManifestDigestsTest {
  private static final String DIGEST = "sha256:" + "c3".repeat(32);
  private HttpServer server;
  private final List<String> accepts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String basic =
        "Basic " + Base64.getEncoder().encodeToString("me:pw".getBytes(StandardCharsets.UTF_8));
    server.createContext(
        "/token",
        exchange -> {
          boolean ok =
              basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                  && exchange.getRequestURI().getQuery().contains("repository:team/base:pull");
          byte[] body = "{\"token\":\"tok-1\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(ok ? 200 : 401, ok ? body.length : -1);
          if (ok) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.createContext(
        "/v2/team/base/manifests/1",
        exchange -> {
          accepts.add(exchange.getRequestHeaders().getFirst("Accept"));
          if ("Bearer tok-1".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().add("Docker-Content-Digest", DIGEST);
            exchange.sendResponseHeaders(200, -1);
          } else {
            exchange
                .getResponseHeaders()
                .add(
                    "WWW-Authenticate",
                    "Bearer realm=\"http://127.0.0.1:"
                        + server.getAddress().getPort()
                        + "/token\",service=\"test\",scope=\"repository:team/base:pull\"");
            exchange.sendResponseHeaders(401, -1);
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ImageTag image() {
    return ImageTag.of("localhost:" + server.getAddress().getPort(), "team/base", "1");
  }

  @Test
  void digest_bearerChallenge_fetchesATokenWithTheCredential() throws Exception {
    String digest =
        new ManifestDigests().digest(image(), new RegistryCredential("127.0.0.1:5000", "me", "pw"));

    assertThat(digest).isEqualTo(DIGEST);
    assertThat(accepts.get(0))
        .contains(
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json");
  }

  @Test
  void digest_wrongCredential_failsWithoutShowingIt() {
    assertThatThrownBy(
            () ->
                new ManifestDigests()
                    .digest(image(), new RegistryCredential("x", "me", "wrong-pw-77")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("401")
        .hasMessageNotContaining("wrong-pw-77");
  }
}
