package dev.wharf.engine.docker;

import dev.wharf.engine.container.RegistryLogin;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The client side of a BuildKit session (docs/buildkit.md#secrets): {@code POST /session} asks the
 * engine to take the connection over, after which the engine calls Wharf over it with gRPC (HTTP/2,
 * Wharf answering). Wharf answers the health check, the secrets a build's {@code RUN
 * --mount=type=secret} asks for, registry credentials for the images BuildKit pulls, and, for a
 * build with {@code --ssh}, the SSH agents {@code RUN --mount=type=ssh} reaches
 * (docs/buildkit.md#ssh-agents). Secret values travel only over this connection; they are never
 * part of the build request, the image or its history.
 */
final class BuildKitSession implements AutoCloseable {

  private static final String HEALTH = "/grpc.health.v1.Health/Check";
  private static final String SECRET = "/moby.buildkit.secrets.v1.Secrets/GetSecret";
  private static final String CREDENTIALS = "/moby.filesync.v1.Auth/Credentials";
  private static final String CHECK_AGENT = "/moby.sshforward.v1.SSH/CheckAgent";
  private static final String FORWARD_AGENT = "/moby.sshforward.v1.SSH/ForwardAgent";

  /** The gRPC metadata that names the agent a {@code ForwardAgent} stream is for. */
  private static final String SSH_ID = "buildkit.ssh.id";

  /** The agent id of a {@code RUN --mount=type=ssh} that names none. */
  private static final String DEFAULT_SSH_ID = "default";

  private static EventLoopGroup group;

  private final String id;
  private final Channel channel;

  private BuildKitSession(String id, Channel channel) {
    this.id = id;
    this.channel = channel;
  }

  /** The id a build names in its {@code session} parameter. */
  String id() {
    return id;
  }

  /**
   * Opens a session on the engine at {@code address}.
   *
   * @param secrets secret values by id, as {@code --secret id=…} names them
   * @param logins the credentials to answer registry credential requests with
   * @param sshAgents the sockets of the SSH agents a build may use, by id; none: the session offers
   *     no SSH agent
   */
  static BuildKitSession open(
      String address,
      String apiVersion,
      Map<String, byte[]> secrets,
      List<RegistryLogin> logins,
      Map<String, Path> sshAgents)
      throws IOException {
    String id = UUID.randomUUID().toString().replace("-", "");
    EngineSocket socket = EngineSocket.open(address);
    try {
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      headers.add(Map.entry("Upgrade", "h2c"));
      headers.add(Map.entry("Connection", "Upgrade"));
      headers.add(Map.entry("X-Docker-Expose-Session-Uuid", id));
      headers.add(Map.entry("X-Docker-Expose-Session-Name", "wharf"));
      headers.add(Map.entry("X-Docker-Expose-Session-Sharedkey", id));
      List<String> methods = new ArrayList<>(List.of(HEALTH, SECRET, CREDENTIALS));
      if (!sshAgents.isEmpty()) {
        methods.addAll(List.of(CHECK_AGENT, FORWARD_AGENT));
      }
      for (String method : methods) {
        headers.add(Map.entry("X-Docker-Expose-Session-Grpc-Method", method));
      }
      socket.sendHead("POST", "/v" + apiVersion + "/session", headers);
      EngineSocket.Response head = socket.readHead();
      if (head.status() != 101) {
        throw new IOException("the engine refused a BuildKit session (HTTP " + head.status() + ")");
      }
      // From here on the engine speaks HTTP/2 on the connection, as a gRPC client.
      socket.channel().configureBlocking(false);
      Channel channel =
          socket.unix()
              ? new NioDomainSocketChannel(socket.channel())
              : new NioSocketChannel(socket.channel());
      Answers answers = new Answers(secrets, logins, sshAgents);
      channel
          .pipeline()
          .addLast(Http2FrameCodecBuilder.forServer().build())
          .addLast(new Calls(answers));
      group().register(channel).syncUninterruptibly();
      return new BuildKitSession(id, channel);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static synchronized EventLoopGroup group() {
    if (group == null) {
      group =
          new MultiThreadIoEventLoopGroup(
              1,
              new DefaultThreadFactory("wharf-buildkit-session", true),
              NioIoHandler.newFactory());
    }
    return group;
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
  }

  /** What the session answers; secret values stay in this object. */
  private static final class Answers {
    private final Map<String, byte[]> secrets;
    private final List<RegistryLogin> logins;
    private final Map<String, Path> sshAgents;

    Answers(Map<String, byte[]> secrets, List<RegistryLogin> logins, Map<String, Path> sshAgents) {
      this.secrets = Map.copyOf(secrets);
      this.logins = List.copyOf(logins);
      this.sshAgents = Map.copyOf(sshAgents);
    }

    /** The socket of the SSH agent with {@code id} ({@code default} when empty), or null. */
    Path sshAgent(String id) {
      return sshAgents.get(id.isEmpty() ? DEFAULT_SSH_ID : id);
    }

    /** The gRPC status and response message for a call, or null for an unknown method. */
    Reply answer(String path, byte[] request) {
      switch (path) {
        case HEALTH -> {
          // HealthCheckResponse{status: SERVING}
          return Reply.ok(new Protobuf.Writer().varint(1, 1).toByteArray());
        }
        case SECRET -> {
          // GetSecretRequest{ID 1, annotations 2} -> GetSecretResponse{data 1}
          String secretId = "";
          Protobuf.Reader reader = new Protobuf.Reader(request);
          while (reader.next()) {
            if (reader.field() == 1) {
              secretId = reader.string();
            } else {
              reader.skip();
            }
          }
          byte[] value = secrets.get(secretId);
          if (value == null) {
            return new Reply(5, "secret " + secretId + " not found", new byte[0]);
          }
          return Reply.ok(new Protobuf.Writer().bytes(1, value).toByteArray());
        }
        case CREDENTIALS -> {
          // CredentialsRequest{Host 1} -> CredentialsResponse{Username 1, Secret 2}
          String host = "";
          Protobuf.Reader reader = new Protobuf.Reader(request);
          while (reader.next()) {
            if (reader.field() == 1) {
              host = reader.string();
            } else {
              reader.skip();
            }
          }
          Protobuf.Writer response = new Protobuf.Writer();
          ImageName.parse(host + "/any")
              .loginFrom(logins)
              .ifPresent(l -> response.string(1, l.username()).string(2, l.password()));
          return Reply.ok(response.toByteArray());
        }
        case CHECK_AGENT -> {
          // CheckAgentRequest{ID 1} -> CheckAgentResponse{}
          String agentId = "";
          Protobuf.Reader reader = new Protobuf.Reader(request);
          while (reader.next()) {
            if (reader.field() == 1) {
              agentId = reader.string();
            } else {
              reader.skip();
            }
          }
          if (sshAgent(agentId) == null) {
            return new Reply(
                5,
                "the build forwards no SSH agent with the id "
                    + (agentId.isEmpty() ? DEFAULT_SSH_ID : agentId)
                    + " (--ssh ID=SOCKET names one)",
                new byte[0]);
          }
          return Reply.ok(new byte[0]);
        }
        default -> {
          return new Reply(12, "unknown method " + path, new byte[0]);
        }
      }
    }
  }

  /** A gRPC status, its message, and the response message's bytes. */
  private static final class Reply {
    private final int status;
    private final String message;
    private final byte[] body;

    Reply(int status, String message, byte[] body) {
      this.status = status;
      this.message = message;
      this.body = body;
    }

    static Reply ok(byte[] body) {
      return new Reply(0, "", body);
    }

    int status() {
      return status;
    }

    String message() {
      return message;
    }

    byte[] body() {
      return body;
    }
  }

  /**
   * The unary gRPC calls on the connection's HTTP/2 streams: each request's frames in, its reply
   * out on the same stream. (Netty's per-stream channels take a connection with no listening socket
   * above it for a client's, so the streams are told apart here.)
   */
  // Netty reports failed writes to the pipeline; a reply that cannot be written fails the engine's
  // call, which BuildKit reports in the build's own error.
  @SuppressWarnings("FutureReturnValueIgnored")
  private static final class Calls extends ChannelInboundHandlerAdapter {
    private final Answers answers;
    private final Map<Integer, String> paths = new HashMap<>();
    private final Map<Integer, ByteBuf> requests = new HashMap<>();
    private final Map<Integer, SshAgentForward> forwards = new HashMap<>();

    Calls(Answers answers) {
      this.answers = answers;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof Http2HeadersFrame headers) {
          CharSequence path = headers.headers().path();
          if (path != null && FORWARD_AGENT.contentEquals(path)) {
            forward(ctx, headers);
          } else if (path != null) {
            paths.put(headers.stream().id(), path.toString());
          }
          if (headers.isEndStream()) {
            endOfRequest(ctx, headers.stream());
          }
        } else if (msg instanceof Http2DataFrame data) {
          SshAgentForward forward = forwards.get(data.stream().id());
          if (forward != null) {
            forward.receive(ByteBufUtil.getBytes(data.content()));
          } else {
            requests
                .computeIfAbsent(data.stream().id(), id -> Unpooled.buffer())
                .writeBytes(data.content());
          }
          // Flow control: what was read may be sent again.
          ctx.write(
              new DefaultHttp2WindowUpdateFrame(data.initialFlowControlledBytes())
                  .stream(data.stream()));
          if (data.isEndStream()) {
            endOfRequest(ctx, data.stream());
          }
        } else if (msg instanceof Http2ResetFrame reset) {
          SshAgentForward forward = forwards.remove(reset.stream().id());
          if (forward != null) {
            forward.close();
          }
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    private void endOfRequest(ChannelHandlerContext ctx, Http2FrameStream stream) {
      SshAgentForward forward = forwards.get(stream.id());
      if (forward != null) {
        forward.endOfInput();
      } else {
        reply(ctx, stream);
      }
    }

    /**
     * Starts a {@code ForwardAgent} stream: the reply's headers at once, then the agent's replies
     * as they come, on the same stream.
     */
    private void forward(ChannelHandlerContext ctx, Http2HeadersFrame headers) {
      Http2FrameStream stream = headers.stream();
      CharSequence named = headers.headers().get(SSH_ID);
      String id = named == null || named.length() == 0 ? DEFAULT_SSH_ID : named.toString();
      Path socket = answers.sshAgent(id);
      Http2Headers head = new DefaultHttp2Headers().status("200");
      head.set("content-type", "application/grpc");
      if (socket == null) {
        head.set("grpc-status", "5");
        head.set("grpc-message", "the build forwards no SSH agent with the id " + id);
        ctx.writeAndFlush(new DefaultHttp2HeadersFrame(head, true).stream(stream));
        return;
      }
      ctx.writeAndFlush(new DefaultHttp2HeadersFrame(head, false).stream(stream));
      forwards.put(
          stream.id(),
          SshAgentForward.start(
              socket,
              new SshAgentForward.Stream() {
                @Override
                public void send(byte[] grpcMessage) {
                  ctx.writeAndFlush(
                      new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(grpcMessage), false)
                          .stream(stream));
                }

                @Override
                public void end(int status, String message) {
                  ctx.executor().execute(() -> forwards.remove(stream.id()));
                  Http2Headers trailers =
                      new DefaultHttp2Headers().set("grpc-status", Integer.toString(status));
                  if (!message.isEmpty()) {
                    trailers.set("grpc-message", message);
                  }
                  ctx.writeAndFlush(new DefaultHttp2HeadersFrame(trailers, true).stream(stream));
                }
              }));
    }

    private void reply(ChannelHandlerContext ctx, Http2FrameStream stream) {
      String path = paths.remove(stream.id());
      ByteBuf request = requests.remove(stream.id());
      // A gRPC message: compression flag (1 byte), length (4 bytes), the protobuf bytes.
      byte[] message = new byte[0];
      if (request != null) {
        if (request.readableBytes() >= 5) {
          request.skipBytes(1);
          int length = request.readInt();
          message = new byte[Math.min(length, request.readableBytes())];
          request.readBytes(message);
        }
        request.release();
      }
      Reply reply = answers.answer(path == null ? "" : path, message);
      Http2Headers head = new DefaultHttp2Headers().status("200");
      head.set("content-type", "application/grpc");
      if (reply.status() != 0) {
        head.set("grpc-status", Integer.toString(reply.status()));
        head.set("grpc-message", reply.message());
        ctx.writeAndFlush(new DefaultHttp2HeadersFrame(head, true).stream(stream));
        return;
      }
      ctx.write(new DefaultHttp2HeadersFrame(head, false).stream(stream));
      ByteBuf body = ctx.alloc().buffer(5 + reply.body().length);
      body.writeByte(0).writeInt(reply.body().length).writeBytes(reply.body());
      ctx.write(new DefaultHttp2DataFrame(body, false).stream(stream));
      ctx.writeAndFlush(
          new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().set("grpc-status", "0"), true)
              .stream(stream));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      requests.values().forEach(ByteBuf::release);
      requests.clear();
      forwards.values().forEach(SshAgentForward::close);
      forwards.clear();
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
