package dev.wharf.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.wharf.engine.container.ContainerSpec;
import dev.wharf.engine.container.Mount;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContainerCreationTest {

  // Building commands never dials, so a client for an address nobody listens on is enough.
  private final DockerClient client =
      DockerClientImpl.getInstance(
          DefaultDockerClientConfig.createDefaultConfigBuilder()
              .withDockerHost("unix:///nonexistent/wharf.sock")
              .build(),
          new ApacheDockerHttpClient.Builder()
              .dockerHost(URI.create("unix:///nonexistent/wharf.sock"))
              .build());

  @AfterEach
  void close() throws Exception {
    client.close();
  }

  @Test
  void command_fullSpec_mapsEveryOption() {
    ContainerSpec spec =
        ContainerSpec.builder("wharf-test/busybox:latest")
            .name("run1-build")
            .entrypoint("/bin/sh", "-c")
            .cmd("echo hi")
            .env("HOME=/acb/home")
            .env("A=1")
            .user("1000")
            .workdir("/workspace")
            .label("step", "build")
            .network("run1-net", "build")
            .mount(Mount.volume("run1-ws", "/workspace"))
            .mount(Mount.engineSocket("/run/podman/podman.sock"))
            .privileged(true)
            .port("8080:80")
            .expose("53/udp")
            .cpus("1.5")
            .isolation("hyperv")
            .extraHost("db:10.0.0.2")
            .build();

    CreateContainerCmd cmd =
        ContainerCreation.command(client, spec, Map.of("dev.wharf.run-id", "run1"));

    assertThat(cmd.getName()).isEqualTo("run1-build");
    assertThat(cmd.getEntrypoint()).containsExactly("/bin/sh", "-c");
    assertThat(cmd.getCmd()).containsExactly("echo hi");
    assertThat(cmd.getEnv()).containsExactly("HOME=/acb/home", "A=1");
    assertThat(cmd.getUser()).isEqualTo("1000");
    assertThat(cmd.getWorkingDir()).isEqualTo("/workspace");
    assertThat(cmd.getLabels())
        .containsEntry("step", "build")
        .containsEntry("dev.wharf.run-id", "run1");
    assertThat(cmd.getAliases()).containsExactly("build");
    assertThat(cmd.getExposedPorts())
        .containsExactlyInAnyOrder(ExposedPort.udp(53), ExposedPort.tcp(80));
    var host = cmd.getHostConfig();
    assertThat(host.getNetworkMode()).isEqualTo("run1-net");
    assertThat(host.getPrivileged()).isTrue();
    assertThat(host.getNanoCPUs()).isEqualTo(1_500_000_000L);
    assertThat(host.getIsolation()).isNull();
    assertThat(host.getExtraHosts()).containsExactly("db:10.0.0.2");
    assertThat(host.getMounts())
        .extracting(m -> m.getType(), m -> m.getSource(), m -> m.getTarget())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MountType.VOLUME, "run1-ws", "/workspace"),
            org.assertj.core.groups.Tuple.tuple(
                MountType.BIND, "/run/podman/podman.sock", "/var/run/docker.sock"));
  }

  @Test
  void command_engineLabels_winOverTheSpecsOwn() {
    ContainerSpec spec = ContainerSpec.builder("img").label("dev.wharf.run-id", "forged").build();

    CreateContainerCmd cmd =
        ContainerCreation.command(client, spec, Map.of("dev.wharf.run-id", "run1"));

    assertThat(cmd.getLabels()).containsEntry("dev.wharf.run-id", "run1");
  }

  @Test
  void command_defaults_leaveTheImagesSettings() {
    CreateContainerCmd cmd =
        ContainerCreation.command(client, ContainerSpec.builder("img").build(), Map.of());

    assertThat(cmd.getName()).isNull();
    assertThat(cmd.getEntrypoint()).isNull();
    assertThat(cmd.getCmd()).isNull();
    assertThat(cmd.getUser()).isNull();
    assertThat(cmd.getWorkingDir()).isNull();
    assertThat(cmd.getHostConfig().getNetworkMode()).isNull();
  }

  @Test
  void nanoCpus_decimalAndInvalid() {
    assertThat(ContainerCreation.nanoCpus("2")).isEqualTo(2_000_000_000L);
    assertThat(ContainerCreation.nanoCpus("0.25")).isEqualTo(250_000_000L);
    assertThatThrownBy(() -> ContainerCreation.nanoCpus("lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'lots'");
  }
}
