package dev.wharf.server.trigger;

import java.util.Locale;
import java.util.Set;

/**
 * A tag in a registry, as base-image triggers compare them: the registry's host normalised (lower
 * case; Docker Hub's names are one; {@code localhost}, {@code 127.0.0.1} and {@code [::1]} are one
 * loopback host, port kept), so that a notification from {@code 127.0.0.1:5000} matches a task
 * built {@code FROM localhost:5000/base:1}.
 *
 * @param registry the normalised host, {@code docker.io} for Docker Hub
 * @param repository the repository, {@code library/node} for Docker Hub's official images
 * @param tag the tag, {@code latest} when none was named
 */
public record ImageTag(String registry, String repository, String tag) {
  /** Docker Hub, however an image or a notification names it. */
  public static final String DOCKER_HUB = "docker.io";

  private static final Set<String> HUB_HOSTS =
      Set.of("", DOCKER_HUB, "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  /** The tag of {@code repository:tag} in {@code registry}, normalised. */
  public static ImageTag of(String registry, String repository, String tag) {
    String host = host(registry);
    String repo = repository.toLowerCase(Locale.ROOT);
    if (host.equals(DOCKER_HUB) && !repo.contains("/")) {
      repo = "library/" + repo;
    }
    return new ImageTag(host, repo, tag == null || tag.isEmpty() ? "latest" : tag);
  }

  /** A registry host normalised: lower case, one name for Docker Hub and one for loopback. */
  public static String host(String registry) {
    String host = registry == null ? "" : registry.trim().toLowerCase(Locale.ROOT);
    if (HUB_HOSTS.contains(host)) {
      return DOCKER_HUB;
    }
    String port = "";
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(']') < colon) {
      port = host.substring(colon);
      host = host.substring(0, colon);
    }
    if (LOOPBACK.contains(host) || host.startsWith("127.")) {
      host = "localhost";
    }
    return host + port;
  }

  /** Whether the registry is on this machine, where registries serve plain HTTP. */
  public boolean isLoopback() {
    return registry.equals("localhost") || registry.startsWith("localhost:");
  }

  /** {@code registry/repository:tag}. */
  @Override
  public String toString() {
    return registry + "/" + repository + ":" + tag;
  }
}
