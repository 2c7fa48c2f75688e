package dev.wharf.engine.testing;

import com.github.dockerjava.api.DockerClient;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.RegistryLogin;
import java.util.Map;
import java.util.UUID;

/**
 * The Docker engine, registries and base images that {@code scripts/setup-docker.sh} prepares, as
 * one test class sees them: everything made through {@link #engine()} carries {@link #labels()}.
 *
 * @param engine the engine; it labels what it creates with {@code dev.wharf.test=<testId>}
 * @param client the raw docker-java client, for checking what the engine did
 * @param testId the id in this class's {@code dev.wharf.test} label
 */
public record LocalDocker(ContainerEngine engine, DockerClient client, String testId) {

  /** The label key on everything tests create; the extension removes it all after each class. */
  public static final String TEST_LABEL = "dev.wharf.test";

  /** A registry without authentication. */
  public static final String REGISTRY = "127.0.0.1:5000";

  /** A registry with htpasswd authentication ({@link #USERNAME}, {@link #PASSWORD}). */
  public static final String AUTH_REGISTRY = "127.0.0.1:5001";

  public static final String USERNAME = "wharf";
  public static final String PASSWORD = "wharf-secret";

  /** A busybox image imported offline; build tests use only {@code FROM} this image. */
  public static final String BUSYBOX = "wharf-test/busybox:latest";

  /** A static bash on busybox, imported offline. */
  public static final String BASH = "wharf-test/bash:latest";

  /** The label to put on images and other things not made through {@link #engine()}. */
  public Map<String, String> labels() {
    return Map.of(TEST_LABEL, testId);
  }

  /** The right credentials for {@link #AUTH_REGISTRY}. */
  public RegistryLogin authRegistryLogin() {
    return new RegistryLogin(AUTH_REGISTRY, USERNAME, PASSWORD);
  }

  /** A name no other test (or concurrent run) uses, e.g. {@code net-3f2a…}. */
  public String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }
}
