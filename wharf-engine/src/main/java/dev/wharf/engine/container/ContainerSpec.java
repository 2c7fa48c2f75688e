package dev.wharf.engine.container;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container to create; empty strings and lists mean "the image's or engine's default".
 *
 * @param name the container's name; empty lets the engine choose
 * @param image the image to run
 * @param cmd the command (arguments to the entrypoint)
 * @param entrypoint the entrypoint; empty keeps the image's
 * @param env {@code KEY=value} entries in order (a later duplicate key wins, as in Docker)
 * @param user the user to run as
 * @param workdir the working directory
 * @param labels labels put on the container, besides the engine's own
 * @param network the network to join
 * @param networkAliases names other containers on {@code network} reach this one by
 * @param mounts volumes and the engine socket, in order
 * @param privileged whether the container runs privileged
 * @param ports published ports in {@code docker run -p} syntax, e.g. {@code 8080:80}
 * @param expose exposed ports, e.g. {@code 80} or {@code 53/udp}
 * @param cpus the CPU limit, e.g. {@code 1.5}
 * @param isolation Windows isolation technology; ignored by Linux engines
 * @param extraHosts {@code host:ip} entries for {@code /etc/hosts}
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> cmd,
    List<String> entrypoint,
    List<String> env,
    String user,
    String workdir,
    Map<String, String> labels,
    String network,
    List<String> networkAliases,
    List<Mount> mounts,
    boolean privileged,
    List<String> ports,
    List<String> expose,
    String cpus,
    String isolation,
    List<String> extraHosts) {

  public ContainerSpec {
    requireNonNull(name, "name cannot be null");
    requireNonNull(image, "image cannot be null");
    if (image.isEmpty()) {
      throw new IllegalArgumentException("A container needs an image");
    }
    cmd = List.copyOf(cmd);
    entrypoint = List.copyOf(entrypoint);
    env = List.copyOf(env);
    requireNonNull(user, "user cannot be null");
    requireNonNull(workdir, "workdir cannot be null");
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    requireNonNull(network, "network cannot be null");
    networkAliases = List.copyOf(networkAliases);
    mounts = List.copyOf(mounts);
    ports = List.copyOf(ports);
    expose = List.copyOf(expose);
    requireNonNull(cpus, "cpus cannot be null");
    requireNonNull(isolation, "isolation cannot be null");
    extraHosts = List.copyOf(extraHosts);
  }

  /** Starts a spec for {@code image} with every other option at its default. */
  public static Builder builder(String image) {
    return new Builder(image);
  }

  /** Collects a {@link ContainerSpec} option by option. */
  public static final class Builder {
    private String name = "";
    private final String image;
    private List<String> cmd = List.of();
    private List<String> entrypoint = List.of();
    private final List<String> env = new ArrayList<>();
    private String user = "";
    private String workdir = "";
    private final Map<String, String> labels = new LinkedHashMap<>();
    private String network = "";
    private final List<String> networkAliases = new ArrayList<>();
    private final List<Mount> mounts = new ArrayList<>();
    private boolean privileged;
    private final List<String> ports = new ArrayList<>();
    private final List<String> expose = new ArrayList<>();
    private String cpus = "";
    private String isolation = "";
    private final List<String> extraHosts = new ArrayList<>();

    private Builder(String image) {
      this.image = image;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder cmd(String... words) {
      this.cmd = List.of(words);
      return this;
    }

    public Builder cmd(List<String> words) {
      this.cmd = List.copyOf(words);
      return this;
    }

    public Builder entrypoint(String... words) {
      this.entrypoint = List.of(words);
      return this;
    }

    public Builder entrypoint(List<String> words) {
      this.entrypoint = List.copyOf(words);
      return this;
    }

    public Builder env(String keyEqualsValue) {
      env.add(keyEqualsValue);
      return this;
    }

    public Builder user(String user) {
      this.user = user;
      return this;
    }

    public Builder workdir(String workdir) {
      this.workdir = workdir;
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder network(String network, String... aliases) {
      this.network = network;
      networkAliases.addAll(List.of(aliases));
      return this;
    }

    public Builder mount(Mount mount) {
      mounts.add(mount);
      return this;
    }

    public Builder privileged(boolean privileged) {
      this.privileged = privileged;
      return this;
    }

    public Builder port(String publish) {
      ports.add(publish);
      return this;
    }

    public Builder expose(String port) {
      expose.add(port);
      return this;
    }

    public Builder cpus(String cpus) {
      this.cpus = cpus;
      return this;
    }

    public Builder isolation(String isolation) {
      this.isolation = isolation;
      return this;
    }

    public Builder extraHost(String hostAndIp) {
      extraHosts.add(hostAndIp);
      return this;
    }

    public ContainerSpec build() {
      return new ContainerSpec(
          name,
          image,
          cmd,
          entrypoint,
          env,
          user,
          workdir,
          labels,
          network,
          networkAliases,
          mounts,
          privileged,
          ports,
          expose,
          cpus,
          isolation,
          extraHosts);
    }
  }
}
