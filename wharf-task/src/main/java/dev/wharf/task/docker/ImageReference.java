package dev.wharf.task.docker;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;

/**
 * An image reference split as Wharf reports it: Docker's reference grammar and registry rule
 * (docs/behaviour.md#image-references), Docker Hub shown as {@code registry.hub.docker.com} with
 * {@code library/} before single names, and {@code :latest} added when there is neither tag nor
 * digest.
 *
 * @param registry the registry host, with port if any
 * @param repository the path inside the registry
 * @param tag the tag, "" when the reference has only a digest
 * @param digest the digest ({@code sha256:…}), "" when absent
 * @param reference the reference as written, with the added {@code :latest} if any
 */
public record ImageReference(
    String registry, String repository, String tag, String digest, String reference) {
  /** How acb names Docker Hub in its reports. */
  public static final String DOCKER_HUB = "registry.hub.docker.com";

  private static final Set<String> HUB_HOSTS = Set.of("docker.io", "index.docker.io", DOCKER_HUB);
  private static final int MAX_NAME_LENGTH = 255;
  private static final String FORMAT_ERROR =
      "Failed to parse image reference, ensure tags have a valid format: ";

  public ImageReference {
    requireNonNull(registry, "registry cannot be null");
    requireNonNull(repository, "repository cannot be null");
    requireNonNull(tag, "tag cannot be null");
    requireNonNull(digest, "digest cannot be null");
    requireNonNull(reference, "reference cannot be null");
  }

  /** Parses {@code text}, e.g. {@code alpine}, {@code localhost:5000/x:1}, {@code a@sha256:…}. */
  public static ImageReference parse(String text) throws DockerParseException {
    requireNonNull(text, "text cannot be null");
    String problem = ReferenceGrammar.check(text);
    if (problem != null) {
      if (ReferenceGrammar.check(text.toLowerCase(Locale.ROOT)) == null) {
        problem = "repository name must be lowercase";
      }
      throw new DockerParseException(
          FORMAT_ERROR + text + ": " + problem,
          "an image reference is [registry/]repository[:tag][@digest], in lower case");
    }
    int at = text.indexOf('@');
    String digest = at < 0 ? "" : text.substring(at + 1);
    String nameAndTag = at < 0 ? text : text.substring(0, at);
    int colon = nameAndTag.lastIndexOf(':');
    boolean hasTag = colon > nameAndTag.lastIndexOf('/');
    String name = hasTag ? nameAndTag.substring(0, colon) : nameAndTag;
    String tag = hasTag ? nameAndTag.substring(colon + 1) : "";
    if (name.length() > MAX_NAME_LENGTH) {
      throw new DockerParseException(
          FORMAT_ERROR + text + ": repository name must not be more than 255 characters");
    }
    String reference = text;
    if (tag.isEmpty() && digest.isEmpty()) {
      tag = "latest";
      reference = text + ":latest";
    }
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    boolean hasRegistry =
        slash >= 0
            && (first.contains(".") || first.contains(":") || first.equals("localhost"))
            && ReferenceGrammar.isDomain(first);
    String registry = hasRegistry ? first : DOCKER_HUB;
    String repository = hasRegistry ? name.substring(slash + 1) : name;
    if (HUB_HOSTS.contains(registry)) {
      registry = DOCKER_HUB;
      if (!repository.contains("/")) {
        repository = "library/" + repository;
      }
    }
    return new ImageReference(registry, repository, tag, digest, reference);
  }

  /** This reference with its digest set, as found in a registry after a build. */
  public ImageReference withDigest(String newDigest) {
    return new ImageReference(registry, repository, tag, newDigest, reference);
  }
}
