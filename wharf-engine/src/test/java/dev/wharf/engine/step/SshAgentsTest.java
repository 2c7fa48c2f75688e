package dev.wharf.engine.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.engine.container.BuildSshAgent;
import dev.wharf.engine.source.SourceException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshAgentsTest {

  @TempDir Path dir;

  @Test
  void of_anIdAlone_isTheAgentOfSshAuthSock_andIdEqualsSocketNamesOne() throws Exception {
    Path socket = dir.resolve("agent.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));

      assertThat(SshAgents.of(List.of("default", "git=" + socket), socket.toString()))
          .containsExactly(new BuildSshAgent("default", socket), new BuildSshAgent("git", socket));
    }
  }

  @Test
  void of_anIdAloneWithoutSshAuthSock_isRefusedWithAHint() {
    assertThatThrownBy(() -> SshAgents.of(List.of("default"), ""))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("SSH_AUTH_SOCK, which is not set")
        .hasMessageContaining("--ssh default=/path/to/agent.sock");
  }

  @Test
  void of_aKeyFile_isRefusedWithAHintToAddItToAnAgent() throws Exception {
    Path key = Files.writeString(dir.resolve("id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----");

    assertThatThrownBy(() -> SshAgents.of(List.of("default=" + key), ""))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining(key + " is a file, not an SSH agent's socket")
        .hasMessageContaining("ssh-add " + key)
        .hasMessageNotContaining("BEGIN");
  }

  @Test
  void of_badSpecs_areRefusedNamingTheProblem() throws Exception {
    Path socket = dir.resolve("agent.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));

      assertThatThrownBy(() -> SshAgents.of(List.of("a=" + socket, "a=" + socket), ""))
          .hasMessage("--ssh names the id a more than once");
    }
    assertThatThrownBy(() -> SshAgents.of(List.of("=/x"), "")).hasMessageContaining("names no id");
    assertThatThrownBy(() -> SshAgents.of(List.of("a=" + dir), ""))
        .hasMessage("--ssh a: " + dir + " is not an SSH agent's socket");
    assertThatThrownBy(() -> SshAgents.of(List.of("a=/x"), ""))
        .hasMessage("--ssh a: /x does not exist on the machine running the build");
    assertThatThrownBy(() -> SshAgents.of(List.of("a=/k1,/k2"), ""))
        .hasMessageContaining("names several paths");
  }
}
