package dev.wharf.engine.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One connection to an SSH agent, forwarded over a BuildKit session (docs/buildkit.md#ssh-agents).
 * BuildKit opens a {@code ForwardAgent} stream for each connection a {@code RUN --mount=type=ssh}
 * command makes to its agent socket; the stream carries gRPC messages whose bytes are the SSH agent
 * protocol. Wharf connects to the agent's socket and hands on only the requests that list keys and
 * sign with them, as docker buildx does: a request to add, remove or lock keys, or an extension, is
 * answered with the agent protocol's failure and never reaches the agent.
 */
final class SshAgentForward {

  /** Where the agent's replies go: gRPC messages, then the end of the stream. */
  interface Stream {
    /** Sends one gRPC message (its 5-byte prefix included). */
    void send(byte[] grpcMessage);

    /** Ends the stream with a gRPC status (0: success) and its message. */
    void end(int status, String message);
  }

  /** The longest agent message either side may send, as OpenSSH's agent limits it. */
  static final int MAX_MESSAGE_BYTES = 256 * 1024;

  private static final byte REQUEST_IDENTITIES = 11;
  private static final byte SIGN_REQUEST = 13;
  private static final byte[] FAILURE = {0, 0, 0, 1, 5};
  private static final byte[] END = new byte[0];

  private static final ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "wharf-ssh-agent");
            t.setDaemon(true);
            return t;
          });

  private final Path socket;
  private final Stream stream;
  private final BlockingQueue<byte[]> requests = new LinkedBlockingQueue<>();
  private final ByteArrayOutputStream grpcBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream agentBytes = new ByteArrayOutputStream();
  private volatile SocketChannel agent;
  private volatile boolean closed;

  private SshAgentForward(Path socket, Stream stream) {
    this.socket = socket;
    this.stream = stream;
  }

  /** Connects to the agent at {@code socket} on a thread of its own and serves the stream. */
  static SshAgentForward start(Path socket, Stream stream) {
    SshAgentForward forward = new SshAgentForward(socket, stream);
    WORKERS.execute(forward::serve);
    return forward;
  }

  /** Takes bytes of the stream's request messages, as they arrive. */
  void receive(byte[] bytes) {
    grpcBytes.writeBytes(bytes);
    byte[] buffered = grpcBytes.toByteArray();
    int pos = 0;
    // A gRPC message: compression flag (1 byte), length (4 bytes), a BytesMessage{data 1}.
    while (buffered.length - pos >= 5) {
      int length = ByteBuffer.wrap(buffered, pos + 1, 4).getInt();
      if (length < 0 || length > MAX_MESSAGE_BYTES + 16) {
        fail("a forwarded SSH agent message is too long");
        return;
      }
      if (buffered.length - pos - 5 < length) {
        break;
      }
      Protobuf.Reader message =
          new Protobuf.Reader(Arrays.copyOfRange(buffered, pos + 5, pos + 5 + length));
      while (message.next()) {
        if (message.field() == 1) {
          agentBytes.writeBytes(message.bytes());
        } else {
          message.skip();
        }
      }
      pos += 5 + length;
    }
    grpcBytes.reset();
    grpcBytes.write(buffered, pos, buffered.length - pos);
    queueAgentRequests();
  }

  /** The stream's sender has no more requests. */
  void endOfInput() {
    requests.add(END);
  }

  /** The stream is gone (reset, or the session closed): the agent connection is closed. */
  void close() {
    closed = true;
    requests.add(END);
    closeAgent();
  }

  private void queueAgentRequests() {
    byte[] buffered = agentBytes.toByteArray();
    int pos = 0;
    while (buffered.length - pos >= 4) {
      int length = ByteBuffer.wrap(buffered, pos, 4).getInt();
      if (length < 0 || length > MAX_MESSAGE_BYTES) {
        fail("a forwarded SSH agent request is longer than " + MAX_MESSAGE_BYTES + " bytes");
        return;
      }
      if (buffered.length - pos - 4 < length) {
        break;
      }
      requests.add(Arrays.copyOfRange(buffered, pos, pos + 4 + length));
      pos += 4 + length;
    }
    agentBytes.reset();
    agentBytes.write(buffered, pos, buffered.length - pos);
  }

  private void fail(String message) {
    closed = true;
    requests.add(END);
    closeAgent();
    stream.end(8, message);
  }

  /** Whether the agent is asked: listing keys and signing only (docker buildx does the same). */
  static boolean allowed(byte[] request) {
    return request.length > 4 && (request[4] == REQUEST_IDENTITIES || request[4] == SIGN_REQUEST);
  }

  private void serve() {
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      agent = channel;
      if (closed) {
        return;
      }
      for (byte[] request = requests.take(); request != END; request = requests.take()) {
        stream.send(grpcMessage(allowed(request) ? ask(channel, request) : FAILURE));
      }
      if (!closed) {
        stream.end(0, "");
      }
    } catch (IOException e) {
      if (!closed) {
        stream.end(14, "the SSH agent at " + socket + " did not answer: " + e.getMessage());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends one request to the agent and reads its one reply. */
  private static byte[] ask(SocketChannel channel, byte[] request) throws IOException {
    ByteBuffer out = ByteBuffer.wrap(request);
    while (out.hasRemaining()) {
      channel.write(out);
    }
    ByteBuffer head = read(channel, 4);
    int length = head.getInt(0);
    if (length < 0 || length > MAX_MESSAGE_BYTES) {
      throw new IOException("its reply is longer than " + MAX_MESSAGE_BYTES + " bytes");
    }
    ByteBuffer reply = ByteBuffer.allocate(4 + length).put(head.rewind());
    reply.put(read(channel, length));
    return reply.array();
  }

  private static ByteBuffer read(SocketChannel channel, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new IOException("it closed the connection");
      }
    }
    return buffer.flip();
  }

  /** Agent bytes as one gRPC message of a BytesMessage{data 1}. */
  private static byte[] grpcMessage(byte[] data) {
    byte[] message = new Protobuf.Writer().bytes(1, data).toByteArray();
    return ByteBuffer.allocate(5 + message.length)
        .put((byte) 0)
        .putInt(message.length)
        .put(message)
        .array();
  }

  private void closeAgent() {
    SocketChannel channel = agent;
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // closing: nothing more is read from it
      }
    }
  }
}
