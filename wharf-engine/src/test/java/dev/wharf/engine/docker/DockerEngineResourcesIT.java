package dev.wharf.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import dev.wharf.engine.container.Archive;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.ContainerSpec;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.LabelledResources;
import dev.wharf.engine.container.Mount;
import dev.wharf.engine.container.NetworkSpec;
import dev.wharf.engine.container.VolumeSpec;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.engine.testing.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

@DockerTest
class DockerEngineResourcesIT {

  @Test
  void createNetwork_withLabels_carriesThemAndTheEngineLabels(LocalDocker docker) throws Exception {
    ContainerEngine engine = docker.engine().forRun("run-7");
    String name = docker.uniqueName("net");

    engine.createNetwork(new NetworkSpec(name, "bridge", false, true, Map.of("purpose", "test")));
    var network = docker.client().inspectNetworkCmd().withNetworkId(name).exec();
    engine.removeNetwork(name);

    assertThat(network.getLabels())
        .containsEntry("purpose", "test")
        .containsEntry(ContainerEngine.RUN_ID_LABEL, "run-7")
        .containsEntry(LocalDocker.TEST_LABEL, docker.testId());
    assertThat(network.getDriver()).isEqualTo("bridge");
    assertThat(network.getInternal()).isTrue();
    assertThat(docker.client().listNetworksCmd().withNameFilter(name).exec())
        .noneMatch(n -> n.getName().equals(name));
  }

  @Test
  void createVolume_withLabels_carriesThemAndRemoveIsIdempotent(LocalDocker docker)
      throws Exception {
    ContainerEngine engine = docker.engine().forRun("run-8");
    String name = docker.uniqueName("vol");

    engine.createVolume(new VolumeSpec(name, Map.of("purpose", "test")));
    var volume = docker.client().inspectVolumeCmd(name).exec();
    engine.removeVolume(name);
    engine.removeVolume(name);

    assertThat(volume.getLabels())
        .containsEntry("purpose", "test")
        .containsEntry(ContainerEngine.RUN_ID_LABEL, "run-8");
    assertThat(docker.engine().listByLabel(ContainerEngine.RUN_ID_LABEL, "run-8").volumeNames())
        .doesNotContain(name);
  }

  @Test
  void createNetwork_nameTaken_failsSayingWhatWasTried(LocalDocker docker) throws Exception {
    ContainerEngine engine = docker.engine();
    String name = docker.uniqueName("net");
    engine.createNetwork(NetworkSpec.bridge(name));

    assertThatThrownBy(() -> engine.createNetwork(NetworkSpec.bridge(name)))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("Tried to create network " + name + " but failed because: ")
        .hasMessageContaining("already exists");
    engine.removeNetwork(name);
  }

  @Test
  void uploadToVolume_textWithoutNewlineAndBinary_arriveByteExact(LocalDocker docker)
      throws Exception {
    ContainerEngine engine = docker.engine();
    String volume = docker.uniqueName("secrets");
    engine.createVolume(VolumeSpec.named(volume));
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    Archive archive =
        new Archive()
            .file("token", "s3cr3t".getBytes(StandardCharsets.UTF_8), 0400)
            .file("blob.bin", binary, 0644);

    engine.uploadToVolume(volume, "", archive.stream());
    Outcome listing =
        Outcome.of(
            engine,
            ContainerSpec.builder(LocalDocker.BUSYBOX)
                .mount(Mount.volume(volume, "/run/secrets"))
                .cmd(
                    "sh",
                    "-c",
                    "od -An -c /run/secrets/token; md5sum < /run/secrets/blob.bin;"
                        + " stat -c %a /run/secrets/token")
                .build(),
            Duration.ofSeconds(60));

    assertThat(listing.exitCode()).isEqualTo(OptionalInt.of(0));
    assertThat(listing.stdout().lines().toList())
        .containsExactly("   s   3   c   r   3   t", "e2c865db4162bed963bfaa9ef6ac18f0  -", "400");
    assertThat(engine.listByLabel(LocalDocker.TEST_LABEL, docker.testId()).containerIds())
        .isEmpty();
    engine.removeVolume(volume);
  }

  @Test
  void listByLabel_afterRemovingEverything_findsNothing(LocalDocker docker, DockerClient client)
      throws Exception {
    String runId = docker.uniqueName("run");
    ContainerEngine engine = docker.engine().forRun(runId);
    String network = docker.uniqueName("net");
    String volume = docker.uniqueName("vol");
    engine.createNetwork(NetworkSpec.bridge(network));
    engine.createVolume(VolumeSpec.named(volume));
    engine.createContainer(
        ContainerSpec.builder(LocalDocker.BUSYBOX)
            .network(network)
            .mount(Mount.volume(volume, "/workspace"))
            .cmd("sleep", "30")
            .build());

    LabelledResources found = engine.listByLabel(ContainerEngine.RUN_ID_LABEL, runId);
    for (String id : found.containerIds()) {
      engine.removeContainer(id);
    }
    found.networkNames().forEach(n -> remove(() -> engine.removeNetwork(n)));
    found.volumeNames().forEach(v -> remove(() -> engine.removeVolume(v)));

    assertThat(found.containerIds()).hasSize(1);
    assertThat(found.networkNames()).containsExactly(network);
    assertThat(found.volumeNames()).containsExactly(volume);
    assertThat(engine.listByLabel(ContainerEngine.RUN_ID_LABEL, runId).isEmpty()).isTrue();
  }

  @Test
  void info_reportsLinuxAndTheNegotiatedVersion(ContainerEngine engine) throws Exception {
    var info = engine.info();

    assertThat(info.os()).isEqualTo("linux");
    assertThat(info.architecture()).isNotBlank();
    assertThat(ApiVersions.compare(info.apiVersion(), ApiVersions.OLDEST))
        .isGreaterThanOrEqualTo(0);
    assertThat(ApiVersions.compare(info.apiVersion(), ApiVersions.NEWEST)).isLessThanOrEqualTo(0);
  }

  private interface Removal {
    void run() throws EngineException;
  }

  private static void remove(Removal removal) {
    try {
      removal.run();
    } catch (EngineException e) {
      throw new AssertionError(e);
    }
  }
}
