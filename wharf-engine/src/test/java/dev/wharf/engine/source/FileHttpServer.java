package dev.wharf.engine.source;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Serves byte arrays by path on 127.0.0.1; a path may first answer with queued error statuses, and
 * every request's path and Authorization header are recorded.
 */
public final class FileHttpServer implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Deque<Integer>> failures = new ConcurrentHashMap<>();
  public final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();

  public FileHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
              authorizations.add(authorization);
            }
            Deque<Integer> queued = failures.get(path);
            Integer failure = queued == null ? null : queued.poll();
            byte[] body = files.get(path);
            int status = failure != null ? failure : body == null ? 404 : 200;
            if (status != 200) {
              body = (" status " + status + " for " + path + "\n").getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
  }

  public String serve(String path, byte[] body) {
    files.put(path, body);
    return url(path);
  }

  void failFirst(String path, Integer... statuses) {
    failures.put(path, new ArrayDeque<>(List.of(statuses)));
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
