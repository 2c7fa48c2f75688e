package dev.wharf.server;

import dev.wharf.api.AgentWire;
import dev.wharf.api.RunStatus;
import dev.wharf.server.agent.Agent;
import dev.wharf.server.agent.AgentService;
import dev.wharf.server.agent.Platforms;
import dev.wharf.server.api.ApiServer;
import dev.wharf.server.auth.Role;
import dev.wharf.server.auth.TokenAdmin;
import dev.wharf.server.auth.WebSessions;
import dev.wharf.server.logs.LogHub;
import dev.wharf.server.logs.LogPruner;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.queue.Wakeups;
import dev.wharf.server.store.AgentStore;
import dev.wharf.server.store.BlobStore;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.SecretBox;
import dev.wharf.server.store.SqlDialect;
import dev.wharf.server.store.TaskStore;
import dev.wharf.server.store.TriggerStore;
import dev.wharf.server.store.UploadPruner;
import dev.wharf.server.trigger.Triggers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Wharf server: store, queue, embedded agent, log retention and the HTTP API. */
public final class WharfServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WharfServer.class);

  private final Database db;
  private final Wakeups wakeups;
  private final Agent agent;
  private final ApiServer api;
  private final ScheduledExecutorService housekeeping;
  private final Triggers triggers;

  private WharfServer(
      Database db,
      Wakeups wakeups,
      Agent agent,
      ApiServer api,
      ScheduledExecutorService housekeeping,
      Triggers triggers) {
    this.db = db;
    this.wakeups = wakeups;
    this.agent = agent;
    this.api = api;
    this.housekeeping = housekeeping;
    this.triggers = triggers;
  }

  /** Opens (and migrates) the store, starts the agent and the pruning job, then serves. */
  public static WharfServer start(ServerConfig config) {
    createDataDir(config);
    Clock clock = config.clock();
    Database db = Database.open(config.jdbcUrl());
    Wakeups wakeups =
        db.dialect() == SqlDialect.POSTGRESQL
            ? Wakeups.postgres(config.jdbcUrl())
            : Wakeups.local();
    Agent agent = null;
    ApiServer api = null;
    ScheduledExecutorService housekeeping = null;
    Triggers triggers = null;
    try {
      SecretBox box = SecretBox.openOrCreate(config.effectiveKeyFile());
      BlobStore blobs = BlobStore.forServer(db, config.dataDir());
      RunStore runs = new RunStore(db);
      RunQueue queue = new RunQueue(db, box, config.runIdPrefix(), clock, wakeups);
      LogHub logs = new LogHub(blobs, runs, wakeups);
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      registerGauges(metrics, runs, queue);
      TokenAdmin tokens = new TokenAdmin(db, clock);
      AgentService agents =
          new AgentService(
              new AgentStore(db, clock),
              queue,
              runs,
              logs,
              blobs,
              metrics,
              clock,
              config.agentHeartbeat());
      TaskStore tasks = new TaskStore(db, box, clock);
      triggers =
          Triggers.start(tasks, new TriggerStore(db), runs, queue, clock, config.baseImages());
      api =
          ApiServer.start(
              config.host(),
              config.port(),
              new ApiServer.Parts(
                  queue,
                  runs,
                  tasks,
                  logs,
                  blobs,
                  tokens,
                  new WebSessions(db, tokens, clock),
                  metrics,
                  agents,
                  triggers,
                  config.uploads()));
      if (config.agentConcurrency() > 0) {
        agent =
            new Agent(
                agents,
                new Agent.Settings(
                    new AgentWire.Registration(
                        config.effectiveAgentName(),
                        null,
                        java.util.Map.of("embedded", "true"),
                        ServerConfig.version(),
                        Platforms.local(),
                        config.agentConcurrency(),
                        Agent.localEngine(),
                        true,
                        null),
                    "the server stopped during the run"),
                config.executor());
        agent.start();
      }
      LogPruner pruner = new LogPruner(db, blobs, config.logRetention(), clock);
      housekeeping =
          Executors.newScheduledThreadPool(
              1,
              r -> {
                Thread thread = new Thread(r, "wharf-housekeeping");
                thread.setDaemon(true);
                return thread;
              });
      var unusedPrune =
          housekeeping.scheduleWithFixedDelay(() -> prune(pruner), 0, 1, TimeUnit.HOURS);
      UploadPruner uploads = new UploadPruner(db, blobs, config.uploads().unclaimedFor(), clock);
      // checked four times per age (at most every 15 minutes): an upload goes soon after its age
      long uploadCheckMillis =
          Math.max(
              250,
              Math.min(
                  config.uploads().unclaimedFor().toMillis() / 4,
                  Duration.ofMinutes(15).toMillis()));
      var unusedUploadPrune =
          housekeeping.scheduleWithFixedDelay(
              () -> pruneUploads(uploads),
              uploadCheckMillis,
              uploadCheckMillis,
              TimeUnit.MILLISECONDS);
      long reapMillis = agents.reapInterval().toMillis();
      var unusedReap =
          housekeeping.scheduleWithFixedDelay(
              () -> reap(agents), reapMillis, reapMillis, TimeUnit.MILLISECONDS);
      agents.startReaping();
      LOG.info("Wharf server listening on http://{}:{}", config.host(), api.port());
      return new WharfServer(db, wakeups, agent, api, housekeeping, triggers);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      new WharfServer(db, wakeups, agent, api, housekeeping, triggers).close();
      throw new IllegalStateException("interrupted while starting", e);
    } catch (RuntimeException e) {
      new WharfServer(db, wakeups, agent, api, housekeeping, triggers).close();
      throw e;
    }
  }

  /**
   * Creates an API token on the store of {@code config} (the server may be running) and answers it;
   * {@code wharf server token create} calls this.
   */
  public static String createToken(ServerConfig config, Role role, String name) {
    createDataDir(config);
    try (Database db = Database.open(config.jdbcUrl())) {
      return new TokenAdmin(db, Clock.systemUTC()).create(role, name);
    }
  }

  /** The tokens stored for {@code config}'s server (names and roles; the tokens are not kept). */
  public static List<TokenAdmin.TokenInfo> listTokens(ServerConfig config) {
    createDataDir(config);
    try (Database db = Database.open(config.jdbcUrl())) {
      return new TokenAdmin(db, Clock.systemUTC()).list();
    }
  }

  /**
   * Revokes the tokens named {@code name} on the store of {@code config} (the servers on it refuse
   * them at their next request) and answers how many there were.
   */
  public static int revokeToken(ServerConfig config, String name) {
    createDataDir(config);
    try (Database db = Database.open(config.jdbcUrl())) {
      return new TokenAdmin(db, Clock.systemUTC()).revoke(name);
    }
  }

  /** The port the API listens on. */
  public int port() {
    return api.port();
  }

  /** Stops serving; runs still executing end as {@code Error}. */
  @Override
  public void close() {
    LOG.info("Wharf server stopping");
    if (triggers != null) {
      triggers.close();
    }
    if (housekeeping != null) {
      housekeeping.shutdownNow();
    }
    // the embedded agent records how its runs ended before the store closes
    if (agent != null) {
      agent.close();
    }
    if (api != null) {
      api.close();
    }
    wakeups.close();
    db.close();
    LOG.info("Wharf server stopped");
  }

  /** Stops without recording anything more about running runs, as a killed server would. */
  void halt() {
    triggers.close();
    housekeeping.shutdownNow();
    if (agent != null) {
      agent.halt();
    }
    api.close();
    wakeups.close();
    db.close();
  }

  private static void reap(AgentService agents) {
    try {
      agents.reap();
    } catch (RuntimeException e) {
      LOG.warn("could not end the runs of agents that stopped answering; retrying", e);
    }
  }

  private static void pruneUploads(UploadPruner pruner) {
    try {
      pruner.prune();
    } catch (RuntimeException e) {
      LOG.warn("removing unclaimed uploads failed; it is retried", e);
    }
  }

  private static void prune(LogPruner pruner) {
    try {
      pruner.prune();
    } catch (RuntimeException e) {
      LOG.warn("log pruning failed; it is retried within the hour", e);
    }
  }

  private static void registerGauges(
      PrometheusMeterRegistry metrics, RunStore runs, RunQueue queue) {
    Gauge.builder("wharf.queue.length", queue, q -> q.length())
        .description("Runs waiting for an agent")
        .register(metrics);
    for (RunStatus status : RunStatus.values()) {
      Gauge.builder(
              "wharf.runs",
              runs,
              store ->
                  store.countByStatus().stream()
                      .filter(c -> c.status() == status)
                      .mapToLong(RunStore.StatusCount::count)
                      .sum())
          .description("Runs by status")
          .tag("status", status.name())
          .register(metrics);
    }
  }

  private static void createDataDir(ServerConfig config) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
    }
  }
}
