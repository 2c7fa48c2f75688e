package dev.wharf.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.testing.SshAgentProcess;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A forwarded agent connection against a real ssh-agent. */
class SshAgentForwardTest {

  private static final byte[] REQUEST_IDENTITIES = {0, 0, 0, 1, 11};
  private static final byte[] REMOVE_ALL_IDENTITIES = {0, 0, 0, 1, 19};

  /** What the forward sent back: agent messages, and "end STATUS MESSAGE" at the end. */
  private final BlockingQueue<Object> sent = new LinkedBlockingQueue<>();

  private final SshAgentForward.Stream stream =
      new SshAgentForward.Stream() {
        @Override
        public void send(byte[] grpcMessage) {
          Protobuf.Reader reader =
              new Protobuf.Reader(Arrays.copyOfRange(grpcMessage, 5, grpcMessage.length));
          byte[] data = new byte[0];
          while (reader.next()) {
            if (reader.field() == 1) {
              data = reader.bytes();
            } else {
              reader.skip();
            }
          }
          sent.add(data);
        }

        @Override
        public void end(int status, String message) {
          sent.add("end " + status + " " + message);
        }
      };

  @Test
  void listingKeys_reachesTheAgent_butRemovingThemIsAnsweredWithFailure() throws Exception {
    try (SshAgentProcess agent = SshAgentProcess.start("forward-test-key")) {
      SshAgentForward forward = SshAgentForward.start(agent.socket(), stream);

      // One request split across two gRPC messages, and those across two reads.
      byte[] two =
          concat(
              grpc(Arrays.copyOfRange(REQUEST_IDENTITIES, 0, 2)),
              grpc(Arrays.copyOfRange(REQUEST_IDENTITIES, 2, 5)));
      forward.receive(Arrays.copyOfRange(two, 0, 7));
      forward.receive(Arrays.copyOfRange(two, 7, two.length));
      byte[] identities = (byte[]) sent.poll(30, TimeUnit.SECONDS);
      forward.receive(grpc(REMOVE_ALL_IDENTITIES));
      byte[] removal = (byte[]) sent.poll(30, TimeUnit.SECONDS);
      forward.endOfInput();
      Object end = sent.poll(30, TimeUnit.SECONDS);

      assertThat(identities[4]).as("SSH_AGENT_IDENTITIES_ANSWER").isEqualTo((byte) 12);
      assertThat(ByteBuffer.wrap(identities, 5, 4).getInt()).as("keys").isEqualTo(1);
      assertThat(new String(identities, StandardCharsets.ISO_8859_1)).contains("forward-test-key");
      assertThat(removal).as("SSH_AGENT_FAILURE").containsExactly(0, 0, 0, 1, 5);
      assertThat(end).isEqualTo("end 0 ");
      assertThat(agent.listKeys()).contains("forward-test-key");
    }
  }

  @Test
  void anAgentThatIsNotThere_endsTheStreamWithUnavailable() throws Exception {
    try (SshAgentProcess agent = SshAgentProcess.start("gone")) {
      SshAgentForward.start(agent.socket().resolveSibling("none.sock"), stream);

      assertThat((String) sent.poll(30, TimeUnit.SECONDS))
          .startsWith("end 14 the SSH agent at ")
          .contains("none.sock");
    }
  }

  private static byte[] grpc(byte[] agentBytes) {
    byte[] message = new Protobuf.Writer().bytes(1, agentBytes).toByteArray();
    return ByteBuffer.allocate(5 + message.length)
        .put((byte) 0)
        .putInt(message.length)
        .put(message)
        .array();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
