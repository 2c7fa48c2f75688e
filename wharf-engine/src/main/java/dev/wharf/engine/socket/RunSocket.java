package dev.wharf.engine.socket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.engine.TempFiles;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.step.RunNames;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's own Docker Engine API endpoint: a Unix socket file that steps get as {@code
 * /var/run/docker.sock}, forwarding to the engine with the run's names, labels and policy (docs/
 * security.md, "The run's engine socket"). Closing it stops it and removes the file.
 */
public final class RunSocket implements AutoCloseable {

  private final Path folder;
  private final Path path;
  private final Channel server;
  private final RunScope scope;
  private final ChannelGroup connections;

  private RunSocket(
      Path folder, Path path, Channel server, RunScope scope, ChannelGroup connections) {
    this.folder = folder;
    this.path = path;
    this.server = server;
    this.scope = scope;
    this.connections = connections;
  }

  /**
   * The local socket file of an engine address ({@code unix:///var/run/docker.sock}), or nothing
   * when the engine is reached otherwise (then steps cannot be given a socket).
   */
  public static Optional<Path> localSocket(String engineAddress) {
    if (engineAddress == null || !engineAddress.startsWith("unix://")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(URI.create(engineAddress).getPath()));
  }

  /** Starts the socket of run {@code names.runId()} in a new temporary folder. */
  public static RunSocket open(Path engineSocket, RunNames names, EngineAccess access)
      throws IOException {
    if (!access.scoped()) {
      throw new IllegalArgumentException("a run socket serves SCOPED or UNTRUSTED runs, not NONE");
    }
    Path folder = TempFiles.folder("wharf-socket-");
    Path path = folder.resolve("docker.sock");
    SocketAddress engine = SocketLoops.address(engineSocket);
    RunScope scope = new RunScope(names, access, new EngineLookup(engine));
    Gate gate = new Gate(scope);
    ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    try {
      Channel server =
          new ServerBootstrap()
              .group(SocketLoops.group())
              .channel(SocketLoops.serverChannel())
              .childHandler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                      connections.add(ch);
                      ProxyConnection.install(ch, gate, engine);
                    }
                  })
              .bind(SocketLoops.address(path))
              .sync()
              .channel();
      // Steps may run as any user; the folder's random name is what keeps other users out.
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
      return new RunSocket(folder, path, server, scope, connections);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deleteQuietly(path, folder);
      throw new IOException("interrupted while starting the run's engine socket", e);
    } catch (RuntimeException e) {
      deleteQuietly(path, folder);
      throw new IOException("could not start the run's engine socket at " + path, e);
    }
  }

  /** The socket file, to be mounted at {@code /var/run/docker.sock}. */
  public Path path() {
    return path;
  }

  /** Whether steps created anything through the socket (then cleanup sweeps the run's label). */
  public boolean createdAnything() {
    return scope.createdAnything();
  }

  /**
   * Removes the images that steps built through the socket (they carry the run's label); returns
   * what could not be removed. Containers, networks and volumes go with the run's label sweep.
   */
  public List<String> removeBuiltImages() {
    List<String> failed = new ArrayList<>();
    if (!scope.createdAnything()) {
      return failed;
    }
    EngineLookup engine = scope.engine();
    String filter =
        "{\"label\":{\"" + ContainerEngine.RUN_ID_LABEL + "=" + scope.runId() + "\":true}}";
    try {
      JsonNode images =
          engine
              .get("/images/json?filters=" + RunScope.encode(filter))
              .orElse(Gate.JSON.createArrayNode());
      for (JsonNode image : images) {
        String id = image.path("Id").asText();
        try {
          engine.delete("/images/" + id + "?force=1");
        } catch (IOException e) {
          failed.add("image " + id + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      failed.add("images of run " + scope.runId() + ": " + e.getMessage());
    }
    return failed;
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    connections.close().syncUninterruptibly(); // a step's `docker logs -f` ends with the run
    deleteQuietly(path, folder);
  }

  private static void deleteQuietly(Path path, Path folder) {
    try {
      Files.deleteIfExists(path);
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      // A left-over empty folder in the temp directory harms nobody.
    }
  }
}
