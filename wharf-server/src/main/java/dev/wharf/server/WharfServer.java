package dev.wharf.server;

import dev.wharf.api.RunStatus;
import dev.wharf.server.agent.EmbeddedAgent;
import dev.wharf.server.api.ApiServer;
import dev.wharf.server.auth.Role;
import dev.wharf.server.auth.TokenAdmin;
import dev.wharf.server.auth.WebSessions;
import dev.wharf.server.logs.LogHub;
import dev.wharf.server.logs.LogPruner;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.BlobStore;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.SecretBox;
import dev.wharf.server.store.TaskStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Wharf server: store, queue, embedded agent, log retention and the HTTP API. */
public final class WharfServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WharfServer.class);

  private final Database db;
  private final EmbeddedAgent agent;
  private final ApiServer api;
  private final ScheduledExecutorService housekeeping;

  private WharfServer(
      Database db, EmbeddedAgent agent, ApiServer api, ScheduledExecutorService housekeeping) {
    this.db = db;
    this.agent = agent;
    this.api = api;
    this.housekeeping = housekeeping;
  }

  /** Opens (and migrates) the store, starts the agent and the pruning job, then serves. */
  public static WharfServer start(ServerConfig config) {
    createDataDir(config);
    Clock clock = Clock.systemUTC();
    Database db = Database.open(config.jdbcUrl());
    EmbeddedAgent agent = null;
    ApiServer api = null;
    ScheduledExecutorService housekeeping = null;
    try {
      SecretBox box = SecretBox.openOrCreate(config.effectiveKeyFile());
      BlobStore blobs = BlobStore.forServer(db, config.dataDir());
      RunStore runs = new RunStore(db);
      RunQueue queue = new RunQueue(db, box, config.runIdPrefix(), clock);
      LogHub logs = new LogHub(blobs, runs);
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      registerGauges(metrics, runs, queue);
      TokenAdmin tokens = new TokenAdmin(db, clock);
      api =
          ApiServer.start(
              config.host(),
              config.port(),
              new ApiServer.Parts(
                  queue,
                  runs,
                  new TaskStore(db, box, clock),
                  logs,
                  blobs,
                  tokens,
                  new WebSessions(db, tokens, clock),
                  metrics));
      if (config.agentConcurrency() > 0) {
        agent =
            new EmbeddedAgent(
                config.agentName(),
                config.agentConcurrency(),
                config.agentLease(),
                queue,
                logs,
                blobs,
                config.executor(),
                metrics);
        agent.start();
      }
      LogPruner pruner = new LogPruner(db, blobs, config.logRetention(), clock);
      housekeeping =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "wharf-housekeeping");
                thread.setDaemon(true);
                return thread;
              });
      housekeeping.scheduleWithFixedDelay(() -> prune(pruner), 0, 1, TimeUnit.HOURS);
      LOG.info("Wharf server listening on http://{}:{}", config.host(), api.port());
      return new WharfServer(db, agent, api, housekeeping);
    } catch (RuntimeException e) {
      new WharfServer(db, agent, api, housekeeping).close();
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

  /** The port the API listens on. */
  public int port() {
    return api.port();
  }

  /** Stops serving; runs still executing end as {@code Error}. */
  @Override
  public void close() {
    if (housekeeping != null) {
      housekeeping.shutdownNow();
    }
    if (api != null) {
      api.close();
    }
    if (agent != null) {
      agent.close();
    }
    db.close();
  }

  /** Stops without recording anything more about running runs, as a killed server would. */
  void halt() {
    housekeeping.shutdownNow();
    api.close();
    if (agent != null) {
      agent.halt();
    }
    db.close();
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
