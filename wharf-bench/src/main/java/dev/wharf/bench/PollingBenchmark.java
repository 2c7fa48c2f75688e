package dev.wharf.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.RunStatus;
import dev.wharf.api.ServerClient;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskRunOverrides;
import dev.wharf.api.TaskTriggers;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.agent.RunExecutor;
import dev.wharf.server.agent.RunOutcome;
import dev.wharf.server.auth.Role;
import dev.wharf.server.trigger.BaseImageSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The polling-cost benchmark of issue 11, a plain program: an in-process server on SQLite whose
 * tasks track {@value #TAGS} base-image tags and poll {@value #REPOSITORIES} git repositories, both
 * served by loopback stubs in this process that count what they are asked (a registry answering
 * {@code HEAD /v2/<repository>/manifests/<tag>} with a {@code Docker-Content-Digest}, and a git
 * server answering smart HTTP's {@code info/refs} advertisement, all that {@code ls-remote} asks).
 * The server's clock is held still while the first polls learn every digest and head, then moved on
 * so that exactly one steady round of each poller is due; each round is measured for its requests,
 * its wall time (first to last request) and the process's CPU time, less the stubs'.
 */
public final class PollingBenchmark {
  private static final int TAGS = 1_000;
  private static final int REPOSITORIES = 200;
  private static final int TAGS_PER_TASK = 5;
  private static final int COMMIT_INTERVAL = TaskTriggers.SourceTrigger.DEFAULT_POLL_SECONDS;
  private static final Duration IMAGE_INTERVAL = BaseImageSettings.DEFAULT_POLL_INTERVAL;
  private static final String DIGEST = "sha256:" + "ab".repeat(32);
  private static final String HEAD = "0123456789abcdef0123456789abcdef01234567";
  private static final String STUB_THREAD = "bench-stub";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean PROCESS =
      ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

  private PollingBenchmark() {}

  /** Measures one round of each poller; {@code args[0]} is where the scratch data dir goes. */
  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory(Path.of(args.length > 0 ? args[0] : "."), "poll-bench");
    Stub registry = new Stub("/v2/", PollingBenchmark::manifest);
    Stub git = new Stub("/", PollingBenchmark::refs);
    try {
      measure(work, registry, git);
    } finally {
      registry.close();
      git.close();
      try (Stream<Path> files = Files.walk(work)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private static void measure(Path work, Stub registry, Stub git) throws Exception {
    String host = "localhost:" + registry.port();
    RunExecutor tracksTags =
        (job, log, cancel) -> {
          int task = Integer.parseInt(job.task().substring("images-".length()));
          List<BaseImageDependency> bases = new ArrayList<>();
          for (int i = 0; i < TAGS_PER_TASK; i++) {
            bases.add(
                new BaseImageDependency(
                    host, "base-" + (task * TAGS_PER_TASK + i), "1", DIGEST, "RunTime"));
          }
          return new RunOutcome(RunStatus.Succeeded, null, List.of(), bases, List.of());
        };
    SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    ServerConfig config =
        ServerConfig.defaults()
            .withDataDir(work.resolve("data"))
            .withListen("127.0.0.1", 0)
            .withAgent(2, tracksTags)
            .withClock(clock)
            .withBaseImages(new BaseImageSettings(null, IMAGE_INTERVAL));
    try (WharfServer server = WharfServer.start(config)) {
      ServerClient client =
          new ServerClient(
              URI.create("http://127.0.0.1:" + server.port()),
              WharfServer.createToken(config, Role.admin, "b"));
      for (int i = 0; i < REPOSITORIES; i++) {
        client.createTask(
            TaskDefinition.builder()
                .name("commits-" + i)
                .context("http://127.0.0.1:" + git.port() + "/repo-" + i + ".git#main")
                .file("acb.yaml")
                .build()
                .withTriggers(
                    new TaskTriggers(
                        new TaskTriggers.SourceTrigger(
                            true, false, "main", COMMIT_INTERVAL, null, false),
                        null,
                        null)));
      }
      List<String> runs = new ArrayList<>();
      for (int i = 0; i < TAGS / TAGS_PER_TASK; i++) {
        String name = "images-" + i;
        client.createTask(TaskDefinition.builder().name(name).taskText("x").build());
        runs.add(client.runTask(name, TaskRunOverrides.none()).runId());
      }
      for (String run : runs) {
        while (!client.run(run).status().isTerminal()) {
          Thread.sleep(20);
        }
      }
      // the first round, at the still start time, learns every head and digest
      registry.await(TAGS);
      git.await(REPOSITORIES);
      Thread.sleep(3_000);
      System.out.println("| poller | requests per round | round wall time | CPU per round |");
      System.out.println("| --- | --- | --- | --- |");
      // commits only: the tags were polled less than their interval ago
      round(
          "commits, " + REPOSITORIES + " repositories, every " + COMMIT_INTERVAL + " s",
          git,
          registry,
          () -> clock.advance(IMAGE_INTERVAL.minusSeconds(COMMIT_INTERVAL / 2)));
      // tags only: the repositories were polled half their interval ago
      round(
          "base images, " + TAGS + " tags, every " + IMAGE_INTERVAL.toSeconds() + " s",
          registry,
          git,
          () -> clock.advance(Duration.ofSeconds(COMMIT_INTERVAL / 2)));
    }
  }

  /** Moves the clock so one round is due, and prints what that round cost. */
  private static void round(String what, Stub polled, Stub other, Runnable makeDue)
      throws Exception {
    int otherBefore = other.requests.get();
    polled.reset();
    long stubCpu = stubCpu();
    long cpu = PROCESS.getProcessCpuTime();
    makeDue.run();
    int requests = polled.await(1);
    Thread.sleep(2_000);
    while (polled.requests.get() != requests) {
      requests = polled.requests.get();
      Thread.sleep(2_000);
    }
    double cpuSeconds = ((PROCESS.getProcessCpuTime() - cpu) - (stubCpu() - stubCpu)) / 1e9;
    if (other.requests.get() != otherBefore) {
      throw new IllegalStateException("the other poller ran too during " + what);
    }
    System.out.printf(
        "| %s | %d | %.2f s | %.2f s |%n",
        what, requests, (polled.last.get() - polled.first.get()) / 1e9, cpuSeconds);
  }

  /** CPU time of the stubs' threads, which are not the server's cost. */
  private static long stubCpu() {
    long total = 0;
    for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (thread != null
          && (thread.getThreadName().startsWith(STUB_THREAD)
              || thread.getThreadName().startsWith("HTTP-Dispatcher"))) {
        total += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
      }
    }
    return total;
  }

  /** A registry's answer to a manifest HEAD: the tag's digest, no body. */
  private static void manifest(HttpExchange exchange) throws IOException {
    boolean head = exchange.getRequestMethod().equals("HEAD");
    boolean manifest = exchange.getRequestURI().getPath().contains("/manifests/");
    exchange.getResponseHeaders().set("Docker-Content-Digest", DIGEST);
    exchange.sendResponseHeaders(head && manifest ? 200 : 404, -1);
  }

  /** Smart HTTP's ref advertisement (protocol v0) of a repository whose main is at HEAD. */
  private static void refs(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().endsWith("/info/refs")) {
      exchange.sendResponseHeaders(404, -1);
      return;
    }
    byte[] body =
        (pkt("# service=git-upload-pack\n")
                + "0000"
                + pkt(HEAD + " refs/heads/main\0no-progress\n")
                + "0000")
            .getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .set("Content-Type", "application/x-git-upload-pack-advertisement");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String pkt(String line) {
    return String.format("%04x", line.length() + 4) + line;
  }

  /** A loopback HTTP server that counts the requests it answers. */
  private static final class Stub implements AutoCloseable {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicLong first = new AtomicLong();
    final AtomicLong last = new AtomicLong();
    private final HttpServer server;
    private final ExecutorService threads;

    Stub(String path, Handler handler) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
      threads = Executors.newFixedThreadPool(4, r -> new Thread(r, STUB_THREAD));
      server.createContext(
          path,
          exchange -> {
            try {
              handler.handle(exchange);
            } finally {
              exchange.close();
            }
            long now = System.nanoTime();
            first.compareAndSet(0, now);
            last.set(now);
            requests.incrementAndGet();
          });
      server.setExecutor(threads);
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    void reset() {
      requests.set(0);
      first.set(0);
      last.set(0);
    }

    /** Waits until at least {@code count} requests were answered; answers how many were. */
    int await(int count) throws InterruptedException {
      Instant deadline = Instant.now().plusSeconds(300);
      while (requests.get() < count) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("only " + requests.get() + " of " + count + " requests");
        }
        Thread.sleep(50);
      }
      return requests.get();
    }

    @Override
    public void close() {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  /** A clock that stands still until moved, so that rounds come due when the benchmark says. */
  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant start) {
      now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
