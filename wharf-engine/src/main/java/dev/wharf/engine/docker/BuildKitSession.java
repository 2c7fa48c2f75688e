package dev.wharf.engine.docker;

import dev.wharf.engine.container.RegistryLogin;
import io.netty.buffer.ByteBuf;
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
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The client side of a BuildKit session (docs/buildkit.md#secrets): {@code POST /session} asks the
 * engine to take the connection over, after which the engine calls Wharf over it with gRPC (HTTP/2,
 * Wharf answering). Wharf answers three calls: the health check, the secrets a build's {@code RUN
 * --mount=type=secret} asks for, and registry credentials for the images BuildKit pulls. Secret
 * values travel only over this connection; they are never part of the build request, the image or
 * its history.
 */
final class BuildKitSession implements AutoCloseable {

  private static final String HEALTH = "/grpc.health.v1.Health/Check";
  private static final String SECRET = "/moby.buildkit.secrets.v1.Secrets/GetSecret";
  private static final String CREDENTIALS = "/moby.filesync.v1.Auth/Credentials";

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
   */
  static BuildKitSession open(
      String address, String apiVersion, Map<String, byte[]> secrets, List<RegistryLogin> logins)
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
      for (String method : List.of(HEALTH, SECRET, CREDENTIALS)) {
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
      Answers answers = new Answers(secrets, logins);
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

    Answers(Map<String, byte[]> secrets, List<RegistryLogin> logins) {
      this.secrets = Map.copyOf(secrets);
      this.logins = List.copyOf(logins);
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

    Calls(Answers answers) {
      this.answers = answers;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof Http2HeadersFrame headers) {
          CharSequence path = headers.headers().path();
          if (path != null) {
            paths.put(headers.stream().id(), path.toString());
          }
          if (headers.isEndStream()) {
            reply(ctx, headers.stream());
          }
        } else if (msg instanceof Http2DataFrame data) {
          requests
              .computeIfAbsent(data.stream().id(), id -> Unpooled.buffer())
              .writeBytes(data.content());
          // Flow control: what was read may be sent again.
          ctx.write(
              new DefaultHttp2WindowUpdateFrame(data.initialFlowControlledBytes())
                  .stream(data.stream()));
          if (data.isEndStream()) {
            reply(ctx, data.stream());
          }
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
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
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
