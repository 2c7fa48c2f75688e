package dev.wharf.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ServerClientTest {
  @Test
  void run_noServerListening_failsWithStatusZeroAndTheAddress() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ServerClient client = new ServerClient(URI.create("http://127.0.0.1:" + port + "/"), "t");

    assertThatThrownBy(() -> client.run("wa1"))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("cannot reach the Wharf server at http://127.0.0.1:" + port)
        .extracting(e -> ((ServerException) e).status())
        .isEqualTo(0);
  }
}
