package dev.wharf.bench;

import dev.wharf.api.AgentWire.Registration;
import dev.wharf.api.HttpAgentPort;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunType;
import dev.wharf.api.ServerClient;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.agent.Agent;
import dev.wharf.server.agent.RunExecutor;
import dev.wharf.server.agent.RunOutcome;
import dev.wharf.server.auth.Role;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent benchmark of issue 12, a plain program (wall-clock times across HTTP and threads): a
 * server with no embedded agent on SQLite, and remote agents in this process that speak the agent
 * protocol over loopback HTTP exactly as {@code wharf agent} does, with an executor that does
 * nothing. (a) queue-to-start with one idle agent waiting in its long poll; (b) dispatch
 * throughput: 300 runs queued at once by 4 client threads, drained by 3 agents.
 */
public final class AgentBenchmark {
  private static final int LATENCY_RUNS = 200;
  private static final int THROUGHPUT_RUNS = 300;
  private static final int AGENTS = 3;
  private static final int CLIENT_THREADS = 4;

  private AgentBenchmark() {}

  /** Runs both measurements and prints them as Markdown table rows. */
  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("wharf-agent-bench");
    queueToStart(work.resolve("latency"));
    throughput(work.resolve("throughput"));
  }

  private static void queueToStart(Path dataDir) throws Exception {
    Map<String, Long> calledAt = new ConcurrentHashMap<>();
    RunExecutor noOp =
        (job, log, cancel) -> {
          calledAt.put(job.runId(), System.nanoTime());
          return RunOutcome.succeeded();
        };
    try (Setup setup = Setup.start(dataDir, 1, noOp)) {
      double[] millis = new double[LATENCY_RUNS];
      for (int i = -20; i < LATENCY_RUNS; i++) { // the first 20 warm the JIT and are not counted
        long posted = System.nanoTime();
        String runId = setup.client.queue(RunType.QuickRun, RunSpec.inline("x")).runId();
        while (!calledAt.containsKey(runId) || !setup.client.run(runId).status().isTerminal()) {
          Thread.sleep(1);
        }
        if (i >= 0) {
          millis[i] = (calledAt.get(runId) - posted) / 1e6;
        }
      }
      Arrays.sort(millis);
      System.out.printf(
          "| (a) queue-to-start, 1 idle remote agent, %d runs | median %.1f ms | p95 %.1f ms |"
              + " max %.1f ms |%n",
          LATENCY_RUNS,
          millis[LATENCY_RUNS / 2],
          millis[(int) (LATENCY_RUNS * 0.95)],
          millis[LATENCY_RUNS - 1]);
    }
  }

  private static void throughput(Path dataDir) throws Exception {
    Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    RunExecutor noOp =
        (job, log, cancel) -> {
          executions.computeIfAbsent(job.runId(), id -> new AtomicInteger()).incrementAndGet();
          return RunOutcome.succeeded();
        };
    try (Setup setup = Setup.start(dataDir, AGENTS, noOp)) {
      // warm-up: 30 runs through every agent, not counted
      List<String> warm = queueAll(setup.client, 30);
      waitForAll(setup.client, warm);
      executions.clear();

      long start = System.nanoTime();
      List<String> ids = queueAll(setup.client, THROUGHPUT_RUNS);
      waitForAll(setup.client, ids);
      double seconds = (System.nanoTime() - start) / 1e9;

      boolean once =
          executions.keySet().containsAll(ids)
              && executions.values().stream().allMatch(count -> count.get() == 1);
      long succeeded =
          ids.stream().filter(id -> setup.client.run(id).status() == RunStatus.Succeeded).count();
      System.out.printf(
          "| (b) dispatch, %d runs queued at once, %d remote agents (2 runs each at once), no-op"
              + " executor | %.0f runs/s | %.2f s in all | %d succeeded, each once: %s |%n",
          THROUGHPUT_RUNS, AGENTS, THROUGHPUT_RUNS / seconds, seconds, succeeded, once);
    }
  }

  private static List<String> queueAll(ServerClient client, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    List<Future<String>> queued = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      queued.add(pool.submit(() -> client.queue(RunType.QuickRun, RunSpec.inline("x")).runId()));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> id : queued) {
      ids.add(id.get());
    }
    pool.shutdown();
    return ids;
  }

  private static void waitForAll(ServerClient client, List<String> ids) throws Exception {
    for (String id : ids) {
      while (!client.run(id).status().isTerminal()) {
        Thread.sleep(2);
      }
    }
  }

  /** A server without an agent of its own and remote agents over loopback HTTP. */
  private record Setup(WharfServer server, List<Agent> agents, ServerClient client)
      implements AutoCloseable {
    static Setup start(Path dataDir, int agentCount, RunExecutor executor) throws Exception {
      ServerConfig config =
          ServerConfig.defaults()
              .withDataDir(dataDir)
              .withListen("127.0.0.1", 0)
              .withAgent(0, null);
      String admin = WharfServer.createToken(config, Role.admin, "bench");
      String agentToken = WharfServer.createToken(config, Role.agent, "bench-agents");
      WharfServer server = WharfServer.start(config);
      URI url = URI.create("http://127.0.0.1:" + server.port());
      List<Agent> agents = new ArrayList<>();
      for (int i = 0; i < agentCount; i++) {
        Agent agent =
            new Agent(
                new HttpAgentPort(List.of(url), agentToken),
                new Agent.Settings(
                    new Registration(
                        "bench-" + i,
                        null,
                        Map.of(),
                        "bench",
                        "linux/amd64",
                        2,
                        "bench-engine",
                        false,
                        null),
                    "the benchmark stopped"),
                executor);
        agent.start();
        agents.add(agent);
      }
      return new Setup(server, agents, new ServerClient(url, admin));
    }

    @Override
    public void close() {
      agents.forEach(Agent::close);
      server.close();
    }
  }
}
