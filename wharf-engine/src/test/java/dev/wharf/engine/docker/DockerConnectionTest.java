package dev.wharf.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.EngineUnreachableException;
import org.junit.jupiter.api.Test;

class DockerConnectionTest {

  private static final String NOWHERE = "unix:///nonexistent/wharf.sock";

  @Test
  void client_nothingListening_isUnreachableNamingTheAddress() {
    try (DockerConnection connection = DockerConnection.to(NOWHERE)) {

      assertThatThrownBy(connection::client)
          .isInstanceOf(EngineUnreachableException.class)
          .hasMessageStartingWith(
              "Tried to connect to the Docker engine at " + NOWHERE + " but failed because: ")
          .hasMessageContaining("DOCKER_HOST");
    }
  }

  @Test
  void dockerEngine_creatingAndLabelling_dialsNothing() {
    try (DockerEngine engine = new DockerEngine(DockerConnection.to(NOWHERE))) {

      ContainerEngine forRun = engine.forRun("run-1");

      assertThat(forRun).isInstanceOf(DockerEngine.class).isNotSameAs(engine);
    }
  }

  @Test
  void dockerEngine_anyCallWithoutEngine_isUnreachable() {
    try (DockerEngine engine = new DockerEngine(DockerConnection.to(NOWHERE))) {

      assertThatThrownBy(() -> engine.removeVolume("v"))
          .isInstanceOf(EngineUnreachableException.class);
    }
  }

  @Test
  void refuseHeaderLogging_headersLoggedAtDebug_refusesToConnect() {
    assertThatThrownBy(
            () ->
                DockerConnection.refuseHeaderLogging(
                    "connect", name -> name.equals(DockerConnection.HEADER_LOGGER)))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("would print registry passwords")
        .hasMessageContaining("org.apache.hc");
  }

  @Test
  void refuseHeaderLogging_noDebug_allowsConnecting() throws Exception {
    DockerConnection.refuseHeaderLogging("connect", name -> false);

    assertThat(DockerConnection.HEADER_LOGGER).startsWith("org.apache.hc.");
  }
}
