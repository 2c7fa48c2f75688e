package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.wharf.engine.container.ContainerEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What runs left on the engine: containers, networks and volumes whose {@code dev.wharf.run-id}
 * label matches, found by label as {@code wharf cleanup} finds them.
 */
final class RunLeftovers {

  private RunLeftovers() {}

  /** Everything labelled with a run id that {@code runIds} accepts, as {@code kind name} lines. */
  static List<String> of(DockerClient client, Predicate<String> runIds) {
    String key = ContainerEngine.RUN_ID_LABEL;
    List<String> left = new ArrayList<>();
    for (Container c :
        client.listContainersCmd().withShowAll(true).withLabelFilter(List.of(key)).exec()) {
      if (runIds.test(c.getLabels().get(key))) {
        left.add("container " + String.join(",", c.getNames()));
      }
    }
    for (Network n : client.listNetworksCmd().withFilter("label", List.of(key)).exec()) {
      if (runIds.test(n.getLabels().get(key))) {
        left.add("network " + n.getName());
      }
    }
    var volumes = client.listVolumesCmd().withFilter("label", List.of(key)).exec().getVolumes();
    for (var v :
        volumes == null
            ? List.<com.github.dockerjava.api.command.InspectVolumeResponse>of()
            : volumes) {
      Map<String, String> labels = v.getLabels();
      if (labels != null && runIds.test(labels.get(key))) {
        left.add("volume " + v.getName());
      }
    }
    return left;
  }

  /** Fails when anything of the integration tests' runs ({@link CliRun#ID_PREFIX}) is left. */
  static void assertNone(DockerClient client) {
    assertThat(of(client, id -> id != null && id.startsWith(CliRun.ID_PREFIX)))
        .as("containers, networks and volumes left by runs")
        .isEmpty();
  }
}
