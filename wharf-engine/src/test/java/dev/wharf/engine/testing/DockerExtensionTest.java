package dev.wharf.engine.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.engine.docker.DockerConnection;
import dev.wharf.engine.docker.DockerEngine;
import org.junit.jupiter.api.Test;

class DockerExtensionTest {

  @Test
  void requireReachable_noEngine_failsNamingTheSetupScript() {
    String address = "unix:///nonexistent/wharf-test.sock";
    try (DockerEngine engine = new DockerEngine(DockerConnection.to(address))) {

      assertThatThrownBy(() -> DockerExtension.requireReachable(engine, address))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Docker is not reachable at " + address)
          .hasMessageContaining("scripts/setup-docker.sh");
    }
  }
}
