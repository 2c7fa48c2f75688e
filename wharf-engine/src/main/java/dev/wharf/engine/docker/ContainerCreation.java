package dev.wharf.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PortBinding;
import dev.wharf.engine.container.ContainerSpec;
import dev.wharf.engine.container.Mount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Translates a {@link ContainerSpec} into docker-java's create-container command. */
final class ContainerCreation {

  private ContainerCreation() {}

  static CreateContainerCmd command(
      DockerClient client, ContainerSpec spec, Map<String, String> engineLabels) {
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.putAll(engineLabels);
    List<PortBinding> published = spec.ports().stream().map(PortBinding::parse).toList();
    Set<ExposedPort> exposed = new LinkedHashSet<>();
    spec.expose().forEach(p -> exposed.add(ExposedPort.parse(p.contains("/") ? p : p + "/tcp")));
    published.forEach(b -> exposed.add(b.getExposedPort()));

    HostConfig host =
        HostConfig.newHostConfig()
            .withMounts(mounts(spec.mounts()))
            .withPrivileged(spec.privileged())
            .withPortBindings(published)
            .withExtraHosts(spec.extraHosts().toArray(String[]::new));
    if (!spec.network().isEmpty()) {
      host.withNetworkMode(spec.network());
    }
    if (!spec.cpus().isEmpty()) {
      host.withNanoCPUs(nanoCpus(spec.cpus()));
    }
    // spec.isolation() is deliberately not sent: Linux engines reject or ignore it, as acb does.

    CreateContainerCmd cmd =
        client
            .createContainerCmd(spec.image())
            .withEnv(spec.env())
            .withLabels(labels)
            .withExposedPorts(new ArrayList<>(exposed))
            .withHostConfig(host);
    if (!spec.name().isEmpty()) {
      cmd.withName(spec.name());
    }
    if (!spec.cmd().isEmpty()) {
      cmd.withCmd(spec.cmd());
    }
    if (!spec.entrypoint().isEmpty()) {
      cmd.withEntrypoint(spec.entrypoint());
    }
    if (!spec.user().isEmpty()) {
      cmd.withUser(spec.user());
    }
    if (!spec.workdir().isEmpty()) {
      cmd.withWorkingDir(spec.workdir());
    }
    if (!spec.networkAliases().isEmpty()) {
      cmd.withAliases(spec.networkAliases());
    }
    return cmd;
  }

  static long nanoCpus(String cpus) {
    try {
      return new BigDecimal(cpus.strip()).movePointRight(9).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("cpus must be a number such as 1.5, not '" + cpus + "'");
    }
  }

  private static List<com.github.dockerjava.api.model.Mount> mounts(List<Mount> mounts) {
    return mounts.stream()
        .map(
            m ->
                new com.github.dockerjava.api.model.Mount()
                    .withType(m.type() == Mount.Type.VOLUME ? MountType.VOLUME : MountType.BIND)
                    .withSource(m.source())
                    .withTarget(m.target())
                    .withReadOnly(m.readOnly()))
        .toList();
  }
}
