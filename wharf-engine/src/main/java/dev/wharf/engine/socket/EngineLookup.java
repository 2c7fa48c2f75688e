package dev.wharf.engine.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the engine about something on a run's behalf (who owns a container, network, volume or
 * image) and creates what the socket sets up itself, over a connection of its own.
 */
// Netty reports failed writes and closes to the pipeline; the lookup waits on its own answer
// future.
@SuppressWarnings("FutureReturnValueIgnored")
final class EngineLookup {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ANSWER = 16 * 1024 * 1024;
  private static final long TIMEOUT_SECONDS = 60;

  private final SocketAddress engine;

  EngineLookup(SocketAddress engine) {
    this.engine = engine;
  }

  /** The engine's JSON answer to {@code GET path}, or nothing when it answers 404. */
  Optional<JsonNode> get(String path) throws IOException {
    FullHttpResponse answer = call(HttpMethod.GET, path, null);
    try {
      if (answer.status().code() == 404) {
        return Optional.empty();
      }
      return Optional.of(json(path, answer));
    } finally {
      answer.release();
    }
  }

  /** Sends {@code POST path} with a JSON body; returns the engine's JSON answer. */
  JsonNode post(String path, JsonNode body) throws IOException {
    FullHttpResponse answer = call(HttpMethod.POST, path, JSON.writeValueAsBytes(body));
    try {
      return json(path, answer);
    } finally {
      answer.release();
    }
  }

  /** Sends {@code DELETE path}; a 404 counts as done. */
  void delete(String path) throws IOException {
    FullHttpResponse answer = call(HttpMethod.DELETE, path, null);
    try {
      int code = answer.status().code();
      if (code >= 300 && code != 404) {
        throw new IOException(
            "DELETE "
                + path
                + ": "
                + answer.content().toString(java.nio.charset.StandardCharsets.UTF_8));
      }
    } finally {
      answer.release();
    }
  }

  private static JsonNode json(String path, FullHttpResponse answer) throws IOException {
    int code = answer.status().code();
    try (InputStream in = new ByteBufInputStream(answer.content().duplicate())) {
      JsonNode node = in.available() == 0 ? JSON.nullNode() : JSON.readTree(in);
      if (code >= 300) {
        String message = node.path("message").asText(answer.status().toString());
        throw new IOException(path + ": " + message);
      }
      return node;
    }
  }

  private FullHttpResponse call(HttpMethod method, String path, byte[] body) throws IOException {
    CompletableFuture<FullHttpResponse> answer = new CompletableFuture<>();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(SocketLoops.group())
            .channel(SocketLoops.channel())
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(MAX_ANSWER))
                        .addLast(
                            new SimpleChannelInboundHandler<FullHttpResponse>() {
                              @Override
                              protected void channelRead0(
                                  ChannelHandlerContext ctx, FullHttpResponse msg) {
                                answer.complete(msg.retain());
                                ctx.close();
                              }

                              @Override
                              public void channelInactive(ChannelHandlerContext ctx) {
                                answer.completeExceptionally(
                                    new IOException("the engine closed the connection"));
                              }

                              @Override
                              public void exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
                                answer.completeExceptionally(e);
                                ctx.close();
                              }
                            });
                  }
                });
    bootstrap
        .connect(engine)
        .addListener(
            connected -> {
              if (!connected.isSuccess()) {
                answer.completeExceptionally(connected.cause());
                return;
              }
              Channel channel = ((io.netty.channel.ChannelFuture) connected).channel();
              FullHttpRequest request =
                  new DefaultFullHttpRequest(
                      HttpVersion.HTTP_1_1,
                      method,
                      path,
                      body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
              request.headers().set(HttpHeaderNames.HOST, "docker");
              request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
              request
                  .headers()
                  .setInt(HttpHeaderNames.CONTENT_LENGTH, body == null ? 0 : body.length);
              if (body != null) {
                request
                    .headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
              }
              channel.writeAndFlush(request);
            });
    try {
      return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking the engine " + method + " " + path, e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IOException(method + " " + path + ": " + cause.getMessage(), cause);
    }
  }
}
