package dev.wharf.bench;

import dev.wharf.engine.socket.EngineAccess;
import dev.wharf.engine.socket.RunSocket;
import dev.wharf.engine.step.RunNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The time a {@code docker run --rm wharf-test/busybox true} takes through a run's socket against
 * the engine's own socket, in interleaved pairs (so load on a shared machine hits both alike).
 * Usage: {@code java -cp … dev.wharf.bench.SocketLatency [PAIRS] [scoped|untrusted]}.
 */
public final class SocketLatency {

  private SocketLatency() {}

  public static void main(String[] args) throws Exception {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    EngineAccess access =
        args.length > 1 && args[1].equals("untrusted")
            ? EngineAccess.UNTRUSTED
            : EngineAccess.SCOPED;
    String runId = "bench-" + Long.toHexString(System.nanoTime());
    try (RunSocket socket =
        RunSocket.open(
            Path.of("/var/run/docker.sock"), RunNames.of(runId, "", List.of()), access)) {
      String raw = "unix:///var/run/docker.sock";
      String scoped = "unix://" + socket.path();
      dockerRun(raw); // warm the image cache and the CLI binary
      dockerRun(scoped);
      List<Long> direct = new ArrayList<>();
      List<Long> through = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        direct.add(dockerRun(raw));
        through.add(dockerRun(scoped));
      }
      long a = median(direct);
      long b = median(through);
      System.out.printf(
          "docker run --rm wharf-test/busybox true, %d pairs (%s): engine socket median %d ms,"
              + " run socket median %d ms, added %+d ms (%+.1f%%)%n",
          pairs, access, a, b, b - a, 100.0 * (b - a) / a);
    }
  }

  private static long dockerRun(String host) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder("docker", "-H", host, "run", "--rm", "wharf-test/busybox", "true")
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IOException("docker run through " + host + " exited " + p.exitValue());
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long median(List<Long> times) {
    List<Long> sorted = times.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
