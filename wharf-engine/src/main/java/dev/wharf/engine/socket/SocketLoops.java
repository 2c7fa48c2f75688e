package dev.wharf.engine.socket;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads every run's socket shares: two event loops for the bytes, and a pool for decisions
 * that wait for the engine's answer (so that no event loop ever blocks).
 */
final class SocketLoops {

  private static EventLoopGroup group;
  private static ExecutorService deciders;

  private SocketLoops() {}

  static synchronized EventLoopGroup group() {
    if (group == null) {
      group =
          new MultiThreadIoEventLoopGroup(
              2, new DefaultThreadFactory("wharf-socket", true), NioIoHandler.newFactory());
    }
    return group;
  }

  static synchronized ExecutorService deciders() {
    if (deciders == null) {
      deciders = Executors.newCachedThreadPool(new DefaultThreadFactory("wharf-socket-gate", true));
    }
    return deciders;
  }
}
