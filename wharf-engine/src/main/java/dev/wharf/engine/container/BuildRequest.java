package dev.wharf.engine.container;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image build from a tar context; empty strings mean "the engine's default".
 *
 * @param tags the names to tag the image with
 * @param buildArgs {@code --build-arg} values, in order
 * @param target the stage to stop at ({@code --target})
 * @param dockerfile the Dockerfile's path inside the context ({@code -f}); empty for {@code
 *     Dockerfile}
 * @param labels image labels ({@code --label})
 * @param noCache whether cached layers are ignored
 * @param pull whether base images are always pulled
 * @param network the network for {@code RUN} instructions
 * @param platform the target platform, e.g. {@code linux/amd64}
 * @param extraHosts {@code host:ip} entries for {@code RUN} instructions
 * @param logins credentials for pulling base images
 * @param buildKit whether BuildKit builds the image instead of the classic builder
 *     (docs/buildkit.md)
 * @param cacheFrom images whose layers may serve as cache ({@code --cache-from})
 * @param secrets what {@code RUN --mount=type=secret} may read; BuildKit only
 * @param sshAgents the SSH agents {@code RUN --mount=type=ssh} may use ({@code --ssh}); BuildKit
 *     only
 */
public record BuildRequest(
    List<String> tags,
    Map<String, String> buildArgs,
    String target,
    String dockerfile,
    Map<String, String> labels,
    boolean noCache,
    boolean pull,
    String network,
    String platform,
    List<String> extraHosts,
    List<RegistryLogin> logins,
    boolean buildKit,
    List<String> cacheFrom,
    List<BuildSecret> secrets,
    List<BuildSshAgent> sshAgents) {

  public BuildRequest {
    tags = List.copyOf(tags);
    buildArgs = ordered(buildArgs);
    requireNonNull(target, "target cannot be null");
    requireNonNull(dockerfile, "dockerfile cannot be null");
    labels = ordered(labels);
    requireNonNull(network, "network cannot be null");
    requireNonNull(platform, "platform cannot be null");
    extraHosts = List.copyOf(extraHosts);
    logins = List.copyOf(logins);
    cacheFrom = List.copyOf(cacheFrom);
    secrets = List.copyOf(secrets);
    sshAgents = List.copyOf(sshAgents);
  }

  /** Starts a request with every option at the engine's default. */
  public static Builder builder() {
    return new Builder();
  }

  // Build args keep their order (and allow no nulls) so that the request is predictable.
  private static Map<String, String> ordered(Map<String, String> map) {
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(requireNonNull(k, "key cannot be null"), requireNonNull(v, k)));
    return Collections.unmodifiableMap(copy);
  }

  /** Collects a {@link BuildRequest} option by option. */
  public static final class Builder {
    private final List<String> tags = new ArrayList<>();
    private final Map<String, String> buildArgs = new LinkedHashMap<>();
    private String target = "";
    private String dockerfile = "";
    private final Map<String, String> labels = new LinkedHashMap<>();
    private boolean noCache;
    private boolean pull;
    private String network = "";
    private String platform = "";
    private final List<String> extraHosts = new ArrayList<>();
    private final List<RegistryLogin> logins = new ArrayList<>();
    private boolean buildKit;
    private final List<String> cacheFrom = new ArrayList<>();
    private final List<BuildSecret> secrets = new ArrayList<>();
    private final List<BuildSshAgent> sshAgents = new ArrayList<>();

    private Builder() {}

    public Builder tag(String tag) {
      tags.add(tag);
      return this;
    }

    public Builder buildArg(String name, String value) {
      buildArgs.put(name, value);
      return this;
    }

    public Builder target(String stage) {
      this.target = stage;
      return this;
    }

    public Builder dockerfile(String pathInContext) {
      this.dockerfile = pathInContext;
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder noCache(boolean noCache) {
      this.noCache = noCache;
      return this;
    }

    public Builder pull(boolean pull) {
      this.pull = pull;
      return this;
    }

    public Builder network(String network) {
      this.network = network;
      return this;
    }

    public Builder platform(String platform) {
      this.platform = platform;
      return this;
    }

    public Builder extraHost(String hostAndIp) {
      extraHosts.add(hostAndIp);
      return this;
    }

    public Builder login(RegistryLogin login) {
      logins.add(login);
      return this;
    }

    public Builder buildKit(boolean buildKit) {
      this.buildKit = buildKit;
      return this;
    }

    public Builder cacheFrom(String image) {
      cacheFrom.add(image);
      return this;
    }

    public Builder secret(BuildSecret secret) {
      secrets.add(secret);
      return this;
    }

    public Builder sshAgent(BuildSshAgent agent) {
      sshAgents.add(agent);
      return this;
    }

    public BuildRequest build() {
      return new BuildRequest(
          tags,
          buildArgs,
          target,
          dockerfile,
          labels,
          noCache,
          pull,
          network,
          platform,
          extraHosts,
          logins,
          buildKit,
          cacheFrom,
          secrets,
          sshAgents);
    }
  }
}
