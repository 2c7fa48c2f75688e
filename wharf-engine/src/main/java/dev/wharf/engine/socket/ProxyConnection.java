package dev.wharf.engine.socket;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.channel.socket.DuplexChannelConfig;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One client connection to a run's socket and its own connection to the engine. Requests are read
 * with Netty's HTTP codec, one at a time: each is decided by the {@link Gate}, rewritten and sent
 * on; the engine's answer is relayed as it comes (build and pull progress, logs); an upgraded or
 * hijacked stream (attach, exec) becomes a plain byte relay in both directions. Both channels run
 * on one event loop, so no state here is shared between threads.
 */
// Netty reports failed writes and closes to the pipeline (exceptionCaught, channelInactive), where
// this relay handles them; the returned futures add nothing.
@SuppressWarnings("FutureReturnValueIgnored")
final class ProxyConnection extends ChannelInboundHandlerAdapter {

  /** The largest JSON body a step may send (a container configuration is a few KB). */
  static final int MAX_JSON_BODY = 1024 * 1024;

  private static final String CODEC = "http";

  private enum State {
    IDLE,
    BODY,
    DECIDING,
    STREAMING,
    ANSWERING,
    RAW
  }

  private final Gate gate;
  private final SocketAddress engine;
  private Channel client;
  private Channel upstream;
  private State state = State.IDLE;
  private HttpRequest request;
  private ApiCall call;
  private CompositeByteBuf body;
  private final Deque<Object> backlog = new ArrayDeque<>();
  private Verdict verdict;
  private boolean hijack;

  ProxyConnection(Gate gate, SocketAddress engine) {
    this.gate = gate;
    this.engine = engine;
  }

  static void install(Channel ch, Gate gate, SocketAddress engine) {
    allowHalfClosure(ch);
    ch.pipeline()
        .addLast(CODEC, new HttpServerCodec(64 * 1024, 64 * 1024, 64 * 1024))
        .addLast(new ProxyConnection(gate, engine));
  }

  /**
   * A client that has nothing to send ends its side of an attach at once and keeps reading (the
   * docker CLI does); NIO domain sockets take the setting on their config, not as an option.
   */
  private static void allowHalfClosure(Channel ch) {
    if (ch.config() instanceof DuplexChannelConfig duplex) {
      duplex.setAllowHalfClosure(true);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    client = ctx.channel();
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (state == State.RAW) {
      relayRaw(msg);
      return;
    }
    if (!backlog.isEmpty() || state == State.DECIDING || state == State.ANSWERING) {
      backlog.add(msg);
      return;
    }
    handle(msg);
  }

  private void handle(Object msg) {
    switch (state) {
      case IDLE -> start(msg);
      case BODY -> collect(msg);
      case STREAMING -> stream(msg);
      default -> backlog.add(msg);
    }
  }

  private void drain() {
    while (!backlog.isEmpty()
        && (state == State.IDLE || state == State.BODY || state == State.STREAMING)) {
      handle(backlog.poll());
    }
    if (state == State.RAW) {
      while (!backlog.isEmpty()) {
        relayRaw(backlog.poll());
      }
    }
  }

  private void start(Object msg) {
    if (!(msg instanceof HttpRequest head)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (head.decoderResult().isFailure()) {
      ReferenceCountUtil.release(msg);
      refuse(new Refusal(400, "Wharf refused: the request is not valid HTTP"));
      return;
    }
    request = head;
    call = ApiCall.of(head.method().name(), head.uri());
    hijack = head.headers().contains(HttpHeaderNames.UPGRADE);
    if (Gate.streamsBody(call)) {
      decide(null);
      if (msg instanceof HttpContent content) {
        backlog.addFirst(content);
      }
      return;
    }
    long declared = HttpUtil.getContentLength(head, -1L);
    if (declared > MAX_JSON_BODY) {
      ReferenceCountUtil.release(msg);
      refuse(tooLarge());
      return;
    }
    body = client.alloc().compositeBuffer();
    state = State.BODY;
    if (msg instanceof HttpContent content) {
      collect(content);
    }
  }

  private void collect(Object msg) {
    if (!(msg instanceof HttpContent content)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (body.readableBytes() + content.content().readableBytes() > MAX_JSON_BODY) {
      content.release();
      refuse(tooLarge());
      return;
    }
    body.addComponent(true, content.content().retain());
    content.release();
    if (content instanceof LastHttpContent) {
      byte[] bytes = new byte[body.readableBytes()];
      body.readBytes(bytes);
      body.release();
      body = null;
      decide(bytes);
    }
  }

  private void decide(byte[] bytes) {
    state = State.DECIDING;
    client.config().setAutoRead(false);
    ApiCall current = call;
    SocketLoops.deciders()
        .execute(
            () -> {
              Object outcome;
              try {
                outcome = gate.decide(current, bytes);
              } catch (Refusal refusal) {
                outcome = refusal;
              } catch (java.io.IOException | RuntimeException e) {
                outcome = new Refusal(502, "Wharf could not ask the engine: " + e.getMessage());
              }
              Object decided = outcome;
              client.eventLoop().execute(() -> decided(decided, bytes));
            });
  }

  private void decided(Object outcome, byte[] bytes) {
    if (outcome instanceof Refusal refusal) {
      refuse(refusal);
      return;
    }
    verdict = (Verdict) outcome;
    connectThen(() -> send(bytes));
  }

  private void send(byte[] bytes) {
    if (bytes != null || verdict.body() != null) {
      byte[] sent = verdict.body() != null ? verdict.body() : bytes;
      DefaultFullHttpRequest full =
          new DefaultFullHttpRequest(
              request.protocolVersion(),
              request.method(),
              verdict.uri(),
              Unpooled.wrappedBuffer(sent),
              request.headers().copy(),
              io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE);
      full.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
      full.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, sent.length);
      upstream.writeAndFlush(full);
      state = State.ANSWERING;
    } else {
      upstream.write(
          new DefaultHttpRequest(
              request.protocolVersion(), request.method(), verdict.uri(), request.headers()));
      state = State.STREAMING;
    }
    client.config().setAutoRead(true);
    drain();
  }

  private void stream(Object msg) {
    if (!(msg instanceof HttpContent content)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    boolean last = content instanceof LastHttpContent;
    upstream.writeAndFlush(content);
    if (!upstream.isWritable()) {
      client.config().setAutoRead(false);
    }
    if (last) {
      state = State.ANSWERING;
    }
  }

  private void connectThen(Runnable then) {
    if (upstream != null && upstream.isActive()) {
      then.run();
      return;
    }
    Bootstrap bootstrap =
        new Bootstrap()
            .group(client.eventLoop())
            .channel(SocketLoops.channel())
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    allowHalfClosure(ch);
                    ch.pipeline().addLast(CODEC, new HttpClientCodec(4096, 64 * 1024, 64 * 1024));
                    ch.pipeline().addLast(new EngineSide());
                  }
                });
    bootstrap
        .connect(engine)
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (!f.isSuccess()) {
                    refuse(
                        new Refusal(
                            502, "Wharf could not reach the engine: " + f.cause().getMessage()));
                    return;
                  }
                  upstream = f.channel();
                  then.run();
                });
  }

  /** Answers the client with Docker's error shape; the connection ends after it. */
  private void refuse(Refusal refusal) {
    state = State.ANSWERING;
    backlog.forEach(ReferenceCountUtil::release);
    backlog.clear();
    if (body != null) {
      body.release();
      body = null;
    }
    String json = Gate.JSON.createObjectNode().put("message", refusal.getMessage()).toString();
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            request == null
                ? io.netty.handler.codec.http.HttpVersion.HTTP_1_1
                : request.protocolVersion(),
            HttpResponseStatus.valueOf(refusal.status()),
            Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    client.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  private static Refusal tooLarge() {
    return new Refusal(
        413, "Wharf refused: request bodies are limited to " + MAX_JSON_BODY + " bytes");
  }

  private void relayRaw(Object msg) {
    if (msg instanceof ByteBuf bytes) {
      upstream.writeAndFlush(bytes);
      if (!upstream.isWritable()) {
        client.config().setAutoRead(false);
      }
    } else if (msg instanceof HttpContent content) {
      upstream.writeAndFlush(content.content().retain());
      content.release();
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  /** Both sides become a byte relay: the engine took the connection over (attach, exec). */
  private void becomeRaw() {
    state = State.RAW;
    if (client.pipeline().get(CODEC) != null) {
      client.pipeline().remove(CODEC);
    }
    if (upstream.pipeline().get(CODEC) != null) {
      upstream.pipeline().remove(CODEC);
    }
    client.config().setAutoRead(true);
    drain();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      if (state == State.RAW && upstream instanceof DuplexChannel duplex) {
        duplex.shutdownOutput();
      } else {
        ctx.close();
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (upstream != null && ctx.channel().isWritable()) {
      upstream.config().setAutoRead(true);
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    backlog.forEach(ReferenceCountUtil::release);
    backlog.clear();
    if (body != null) {
      body.release();
      body = null;
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  private static boolean rawStream(io.netty.handler.codec.http.HttpResponse response) {
    String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
    return type.startsWith("application/vnd.docker.raw-stream")
        || type.startsWith("application/vnd.docker.multiplexed-stream");
  }

  /** The engine's side: relays its answers to the client. */
  private final class EngineSide extends ChannelInboundHandlerAdapter {

    private CompositeByteBuf answer;
    private io.netty.handler.codec.http.HttpResponse head;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (state == State.RAW) {
        if (msg instanceof ByteBuf bytes) {
          write(bytes);
        } else if (msg instanceof HttpContent content) {
          write(content.content().retain());
          content.release();
        } else {
          ReferenceCountUtil.release(msg);
        }
        return;
      }
      if (msg instanceof io.netty.handler.codec.http.HttpResponse response) {
        boolean upgraded = response.status().code() == 101;
        boolean hijacked =
            response.status().code() == 200
                && rawStream(response)
                && !HttpUtil.isContentLengthSet(response)
                && !HttpUtil.isTransferEncodingChunked(response)
                && (call.segment(2).equals("attach") || call.segment(2).equals("start"));
        if (upgraded || (hijacked && !hijack)) {
          if (msg instanceof HttpContent content) {
            content.release(); // an upgrade has no HTTP body: what follows is the stream
          }
          client.writeAndFlush(stripped(response));
          becomeRaw();
          return;
        }
        if (verdict != null && verdict.reads(response)) {
          head = response;
          answer = ctx.alloc().compositeBuffer();
          if (msg instanceof HttpContent content) {
            collectAnswer(content);
          }
          return;
        }
        write(msg);
        if (msg instanceof LastHttpContent) {
          answered();
        }
        return;
      }
      if (msg instanceof HttpContent content) {
        if (answer != null) {
          collectAnswer(content);
          return;
        }
        write(content);
        if (content instanceof LastHttpContent) {
          answered();
        }
        return;
      }
      ReferenceCountUtil.release(msg);
    }

    private void collectAnswer(HttpContent content) {
      answer.addComponent(true, content.content().retain());
      content.release();
      if (content instanceof LastHttpContent) {
        byte[] bytes = new byte[answer.readableBytes()];
        answer.getBytes(answer.readerIndex(), bytes);
        verdict.answer().accept(bytes);
        DefaultFullHttpResponse whole =
            new DefaultFullHttpResponse(
                head.protocolVersion(),
                head.status(),
                answer,
                head.headers(),
                io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE);
        whole.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
        whole.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        answer = null;
        head = null;
        write(whole);
        answered();
      }
    }

    private io.netty.handler.codec.http.HttpResponse stripped(
        io.netty.handler.codec.http.HttpResponse response) {
      return new io.netty.handler.codec.http.DefaultHttpResponse(
          response.protocolVersion(), response.status(), response.headers());
    }

    private void write(Object msg) {
      client.writeAndFlush(msg);
      if (!client.isWritable()) {
        upstream.config().setAutoRead(false);
      }
    }

    private void answered() {
      verdict = null;
      request = null;
      call = null;
      state = State.IDLE;
      client.config().setAutoRead(true);
      drain();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable()) {
        client.config().setAutoRead(true);
      }
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) {
        client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        return;
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (answer != null) {
        answer.release();
        answer = null;
      }
      client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
