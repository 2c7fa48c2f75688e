package dev.wharf.engine.docker;

import dev.wharf.engine.container.RegistryLogin;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An image name split the way the Engine API wants it: repository, and tag or digest.
 *
 * @param repository everything before the tag, e.g. {@code 127.0.0.1:5000/team/app}
 * @param tag the tag ({@code latest} when none was written); empty when {@code digest} is set
 * @param digest the digest after {@code @}; empty when none was written
 */
record ImageName(String repository, String tag, String digest) {

  private static final String DOCKER_HUB = "docker.io";
  private static final Set<String> DOCKER_HUB_ALIASES =
      Set.of(DOCKER_HUB, "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

  static ImageName parse(String image) {
    int at = image.indexOf('@');
    if (at >= 0) {
      return new ImageName(image.substring(0, at), "", image.substring(at + 1));
    }
    int colon = image.lastIndexOf(':');
    if (colon > image.lastIndexOf('/')) {
      return new ImageName(image.substring(0, colon), image.substring(colon + 1), "");
    }
    return new ImageName(image, "latest", "");
  }

  /**
   * The registry host, by Docker's rule: a first component with a dot or colon, or {@code
   * localhost}, is a registry; anything else lives on Docker Hub.
   */
  String registry() {
    int slash = repository.indexOf('/');
    if (slash < 0) {
      return DOCKER_HUB;
    }
    String first = repository.substring(0, slash);
    boolean isHost = first.contains(".") || first.contains(":") || first.equals("localhost");
    return isHost && !DOCKER_HUB_ALIASES.contains(first) ? first : DOCKER_HUB;
  }

  /** The login for this image's registry, if any was given. */
  Optional<RegistryLogin> loginFrom(List<RegistryLogin> logins) {
    String registry = registry();
    return logins.stream().filter(l -> registry.equals(normalise(l.registry()))).findFirst();
  }

  /** The address docker-java sends with the credentials for {@code registry}. */
  static String serverAddress(String registry) {
    return DOCKER_HUB.equals(normalise(registry)) ? "https://index.docker.io/v1/" : registry;
  }

  private static String normalise(String registry) {
    String host = registry.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
    return DOCKER_HUB_ALIASES.contains(host) ? DOCKER_HUB : host;
  }

  /** The name with its tag or digest, e.g. {@code app:latest}. */
  String reference() {
    return digest.isEmpty() ? repository + ":" + tag : repository + "@" + digest;
  }
}
