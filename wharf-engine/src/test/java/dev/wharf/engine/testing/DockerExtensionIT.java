package dev.wharf.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.container.BuildRequest;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.ContainerSpec;
import dev.wharf.engine.container.Mount;
import dev.wharf.engine.container.NetworkSpec;
import dev.wharf.engine.container.VolumeSpec;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@DockerTest
class DockerExtensionIT {

  @Test
  void removeEverything_afterAClassCreatedThings_leavesNothingLabelled(LocalDocker docker)
      throws Exception {
    String otherId = UUID.randomUUID().toString();
    LocalDocker other =
        new LocalDocker(
            docker.engine().withLabels(Map.of(LocalDocker.TEST_LABEL, otherId)),
            docker.client(),
            otherId);
    ContainerEngine engine = other.engine();
    String network = other.uniqueName("net");
    String volume = other.uniqueName("vol");
    engine.createNetwork(NetworkSpec.bridge(network));
    engine.createVolume(VolumeSpec.named(volume));
    String container =
        engine.createContainer(
            ContainerSpec.builder(LocalDocker.BUSYBOX)
                .network(network)
                .mount(Mount.volume(volume, "/workspace"))
                .cmd("sleep", "60")
                .build());
    engine.startContainer(container);
    engine.build(
        BuildRequest.builder().label(LocalDocker.TEST_LABEL, otherId).build(),
        Tar.ofText(Map.of("Dockerfile", "FROM " + LocalDocker.BUSYBOX + "\nLABEL x=y\n")),
        line -> {});

    DockerExtension.removeEverything(other);

    assertThat(engine.listByLabel(LocalDocker.TEST_LABEL, otherId).isEmpty()).isTrue();
    assertThat(
            docker
                .client()
                .listImagesCmd()
                .withLabelFilter(Map.of(LocalDocker.TEST_LABEL, otherId))
                .exec())
        .isEmpty();
  }
}
