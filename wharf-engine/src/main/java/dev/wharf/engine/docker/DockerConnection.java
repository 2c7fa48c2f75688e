package dev.wharf.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.EngineUnreachableException;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * A lazily opened, version-negotiated docker-java client for one engine address.
 *
 * <p>Nothing is loaded or dialled until {@link #client()} is first called, so commands that never
 * touch the engine pay nothing for it.
 */
public final class DockerConnection implements AutoCloseable {

  /**
   * httpclient5 prints every request header at DEBUG, and {@code X-Registry-Auth} carries registry
   * passwords; applications must hold {@code org.apache.hc} at INFO or above.
   */
  public static final String HEADER_LOGGER = "org.apache.hc.client5.http.headers";

  private static final String WIRE_LOGGER = "org.apache.hc.client5.http.wire";

  private final DefaultDockerClientConfig.Builder config;
  private final String address;
  private DockerHttpClient http;
  private DockerClient client;
  private Version version;
  private String apiVersion;

  private DockerConnection(DefaultDockerClientConfig.Builder config, String address) {
    this.config = config;
    this.address = address;
  }

  /**
   * The engine named by {@code DOCKER_HOST} ({@code unix://} or {@code tcp://}, with {@code
   * DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}), else the local socket.
   */
  public static DockerConnection fromEnvironment() {
    DefaultDockerClientConfig.Builder config =
        DefaultDockerClientConfig.createDefaultConfigBuilder();
    String host = System.getenv("DOCKER_HOST");
    return new DockerConnection(
        config, host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host);
  }

  /** The engine at {@code dockerHost}, e.g. {@code unix:///run/podman/podman.sock}. */
  public static DockerConnection to(String dockerHost) {
    return new DockerConnection(
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost),
        dockerHost);
  }

  /** The engine's address as configured. */
  public String address() {
    return address;
  }

  /** The client, connecting and negotiating the API version on first use. */
  public synchronized DockerClient client() throws EngineException {
    if (client == null) {
      connect();
    }
    return client;
  }

  /** The negotiated Engine API version, e.g. {@code 1.41}. */
  public synchronized String apiVersion() throws EngineException {
    client();
    return apiVersion;
  }

  synchronized Version version() throws EngineException {
    client();
    return version;
  }

  private void connect() throws EngineException {
    String action = "connect to the Docker engine at " + address;
    refuseHeaderLogging(action, name -> LoggerFactory.getLogger(name).isDebugEnabled());
    DefaultDockerClientConfig unversioned = config.build();
    DockerHttpClient transport =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(unversioned.getDockerHost())
            .sslConfig(unversioned.getSSLConfig())
            .maxConnections(100)
            .connectionTimeout(Duration.ofSeconds(30))
            .build();
    try {
      // Unversioned paths make the engine answer in its own version (docs/behaviour.md#engine-api).
      Version reported = DockerClientImpl.getInstance(unversioned, transport).versionCmd().exec();
      String chosen =
          ApiVersions.negotiate(address, reported.getApiVersion(), reported.getMinAPIVersion());
      DefaultDockerClientConfig versioned = config.withApiVersion(chosen).build();
      this.client = DockerClientImpl.getInstance(versioned, transport);
      this.http = transport;
      this.version = reported;
      this.apiVersion = chosen;
    } catch (RuntimeException e) {
      closeQuietly(transport);
      EngineException failure = DockerErrors.failure(action, e);
      if (failure instanceof EngineUnreachableException) {
        throw new EngineUnreachableException(
            action,
            "nothing answers there ("
                + DockerErrors.describe(e)
                + "); start the engine or set DOCKER_HOST",
            e);
      }
      throw failure;
    } catch (EngineException e) {
      closeQuietly(transport);
      throw e;
    }
  }

  /** Refuses to connect when httpclient5 would log request headers, which carry passwords. */
  static void refuseHeaderLogging(String action, Predicate<String> debugEnabled)
      throws EngineException {
    if (debugEnabled.test(HEADER_LOGGER) || debugEnabled.test(WIRE_LOGGER)) {
      throw new EngineException(
          action,
          "DEBUG logging is on for "
              + HEADER_LOGGER
              + ", which would print registry passwords; set the org.apache.hc loggers to INFO");
    }
  }

  private static void closeQuietly(DockerHttpClient transport) {
    try {
      transport.close();
    } catch (IOException ignored) {
      // Nothing was sent over it that needs an orderly goodbye.
    }
  }

  @Override
  public synchronized void close() {
    if (http != null) {
      closeQuietly(http);
      http = null;
      client = null;
    }
  }
}
