package dev.wharf.engine.socket;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads and transport every run's socket shares: two event loops for the bytes, and a pool
 * for decisions that wait for the engine's answer (so that no event loop ever blocks). Linux's
 * epoll transport is used where it loads: Java's NIO domain sockets cannot half-close, and the
 * docker CLI half-closes every attach it has nothing to send on.
 */
final class SocketLoops {

  private static final boolean EPOLL = Epoll.isAvailable();
  private static EventLoopGroup group;
  private static ExecutorService deciders;

  private SocketLoops() {}

  static synchronized EventLoopGroup group() {
    if (group == null) {
      group =
          new MultiThreadIoEventLoopGroup(
              2,
              new DefaultThreadFactory("wharf-socket", true),
              EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }
    return group;
  }

  static Class<? extends ServerChannel> serverChannel() {
    return EPOLL ? EpollServerDomainSocketChannel.class : NioServerDomainSocketChannel.class;
  }

  static Class<? extends Channel> channel() {
    return EPOLL ? EpollDomainSocketChannel.class : NioDomainSocketChannel.class;
  }

  static SocketAddress address(Path socket) {
    return EPOLL ? new DomainSocketAddress(socket.toFile()) : UnixDomainSocketAddress.of(socket);
  }

  static synchronized ExecutorService deciders() {
    if (deciders == null) {
      deciders = Executors.newCachedThreadPool(new DefaultThreadFactory("wharf-socket-gate", true));
    }
    return deciders;
  }
}
