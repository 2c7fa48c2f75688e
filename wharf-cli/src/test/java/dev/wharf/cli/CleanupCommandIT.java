package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.ContainerSpec;
import dev.wharf.engine.container.NetworkSpec;
import dev.wharf.engine.container.VolumeSpec;
import dev.wharf.engine.testing.DockerTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code wharf cleanup} against what a crashed run would have left on the real engine. */
@DockerTest
class CleanupCommandIT {

  @Test
  void cleanupOfOneRun_removesItsContainerNetworkAndVolumeOnly(ContainerEngine testEngine)
      throws Exception {
    String crashed = "crash" + UUID.randomUUID().toString().substring(0, 6);
    String other = "other" + UUID.randomUUID().toString().substring(0, 6);
    leftovers(testEngine.forRun(crashed), crashed);
    leftovers(testEngine.forRun(other), other);
    StringWriter out = new StringWriter();

    int status =
        Main.execute(
            new String[] {"cleanup", "--run", crashed},
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));

    assertThat(status).isZero();
    assertThat(out.toString()).contains("Removed container", "Removed network", "Removed volume");
    assertThat(testEngine.listByLabel(ContainerEngine.RUN_ID_LABEL, crashed).isEmpty()).isTrue();
    assertThat(testEngine.listByLabel(ContainerEngine.RUN_ID_LABEL, other).containerIds())
        .hasSize(1);
  }

  @Test
  void listByLabelWithoutValue_findsEveryRunsContainersNetworksAndVolumes(
      ContainerEngine testEngine) throws Exception {
    String run = "any" + UUID.randomUUID().toString().substring(0, 6);
    String container = leftovers(testEngine.forRun(run), run);

    var found = testEngine.listByLabel(ContainerEngine.RUN_ID_LABEL, "");

    assertThat(found.networkNames()).contains("wharf-it-" + run);
    assertThat(found.volumeNames()).contains("wharf-it-" + run);
    assertThat(found.containerIds()).contains(container);
  }

  private static String leftovers(ContainerEngine engine, String runId) throws Exception {
    engine.createNetwork(new NetworkSpec("wharf-it-" + runId, "bridge", false, false, Map.of()));
    engine.createVolume(VolumeSpec.named("wharf-it-" + runId));
    return engine.createContainer(
        ContainerSpec.builder("wharf-test/busybox").name("wharf-it-" + runId).cmd("true").build());
  }
}
