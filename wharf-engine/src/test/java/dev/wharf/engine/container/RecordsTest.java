package dev.wharf.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {

  @Test
  void registryLogin_toString_hidesThePassword() {
    RegistryLogin login = new RegistryLogin("127.0.0.1:5001", "wharf", "wharf-secret");

    assertThat(login.toString()).doesNotContain("wharf-secret").contains("password=***");
  }

  @Test
  void engineException_message_saysWhatWasTriedAndWhy() {
    EngineException e = new EngineException("push localhost:5001/x:1", "unauthorized");

    assertThat(e).hasMessage("Tried to push localhost:5001/x:1 but failed because: unauthorized");
  }

  @Test
  void engineUnreachable_isAnEngineException() {
    assertThat(new EngineUnreachableException("connect", "refused", null))
        .isInstanceOf(EngineException.class);
  }

  @Test
  void mount_engineSocket_appearsAtTheDockerPath() {
    Mount socket = Mount.engineSocket("/run/podman/podman.sock");

    assertThat(socket.target()).isEqualTo("/var/run/docker.sock");
    assertThat(socket.type()).isEqualTo(Mount.Type.ENGINE_SOCKET);
  }

  @Test
  void mount_emptyTarget_isRejected() {
    assertThatThrownBy(() -> Mount.volume("ws", "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labelledResources_isEmpty_onlyWhenAllListsAre() {
    assertThat(new LabelledResources(List.of(), List.of(), List.of()).isEmpty()).isTrue();
    assertThat(new LabelledResources(List.of(), List.of("net"), List.of()).isEmpty()).isFalse();
  }

  @Test
  void networkSpec_bridge_isPlainBridge() {
    NetworkSpec net = NetworkSpec.bridge("n");

    assertThat(net.driver()).isEqualTo("bridge");
    assertThat(net.ipv6()).isFalse();
    assertThat(net.internal()).isFalse();
    assertThat(net.labels()).isEmpty();
  }
}
