package dev.wharf.server;

import dev.wharf.server.agent.EngineRunExecutor;
import dev.wharf.server.agent.RunExecutor;
import dev.wharf.server.store.UploadLimits;
import dev.wharf.server.trigger.BaseImageSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start a server; {@link #defaults()} is {@code wharf server} without flags.
 *
 * @param dbUrl JDBC URL of the database, null for SQLite in the data directory
 * @param runIdPrefix two lower-case letters before each run's counter
 * @param agentConcurrency runs the embedded agent executes at once; 0 runs no embedded agent
 * @param agentName how this server's embedded agent is recorded on its runs, null for the host name
 *     and a digest of the data directory (servers sharing one database get different names)
 * @param agentHeartbeat how often agents send heartbeats; a run whose agent misses them for one and
 *     a half intervals ends as {@code Error}
 * @param executor what executes runs (by default the engine of {@code wharf run}); needed when
 *     {@code agentConcurrency > 0}
 * @param keyFile the key sealing secrets at rest, null for {@code server.key} in the data
 *     directory; servers sharing one database need the same key
 * @param clock what the server tells time by (timers, records); tests move it
 * @param baseImages how the server hears of new base-image digests (notifications, polling)
 * @param uploads the largest uploaded context, and how long one no run claims is kept
 */
public record ServerConfig(
    Path dataDir,
    String host,
    int port,
    String dbUrl,
    String runIdPrefix,
    int agentConcurrency,
    String agentName,
    Duration agentHeartbeat,
    Duration logRetention,
    RunExecutor executor,
    Path keyFile,
    java.time.Clock clock,
    BaseImageSettings baseImages,
    UploadLimits uploads) {
  /** The port {@code wharf server} listens on by default. */
  public static final int DEFAULT_PORT = 8423;

  /** How many runs {@code wharf server}'s embedded agent executes at once by default. */
  public static final int DEFAULT_AGENT_CONCURRENCY = 2;

  public ServerConfig {
    baseImages = baseImages == null ? BaseImageSettings.DEFAULT : baseImages;
    if (agentConcurrency > 0 && executor == null) {
      throw new IllegalArgumentException("an embedded agent needs a run executor");
    }
  }

  /** Data in {@code ~/.wharf/server}, 127.0.0.1:8423, SQLite, two concurrent runs, 30-day logs. */
  public static ServerConfig defaults() {
    return new ServerConfig(
        Path.of(System.getProperty("user.home"), ".wharf", "server"),
        "127.0.0.1",
        DEFAULT_PORT,
        null,
        "wa",
        DEFAULT_AGENT_CONCURRENCY,
        null,
        Duration.ofSeconds(10),
        Duration.ofDays(30),
        new EngineRunExecutor(),
        null,
        java.time.Clock.systemUTC(),
        BaseImageSettings.DEFAULT,
        UploadLimits.DEFAULTS);
  }

  /** This config with another data directory. */
  public ServerConfig withDataDir(Path dir) {
    return copy(
        c -> {
          c.dataDir = dir;
        });
  }

  /** This config listening on {@code host:port} (port 0: any free port). */
  public ServerConfig withListen(String listenHost, int listenPort) {
    return copy(
        c -> {
          c.host = listenHost;
          c.port = listenPort;
        });
  }

  /** This config on the database at {@code url} (null: SQLite in the data directory). */
  public ServerConfig withDb(String url) {
    return copy(
        c -> {
          c.dbUrl = url;
        });
  }

  /** This config with an embedded agent running {@code concurrency} runs with {@code runner}. */
  public ServerConfig withAgent(int concurrency, RunExecutor runner) {
    return copy(
        c -> {
          c.agentConcurrency = concurrency;
          c.executor = runner;
        });
  }

  /** This config with another embedded agent name and heartbeat interval. */
  public ServerConfig withAgentName(String name, Duration heartbeat) {
    return copy(
        c -> {
          c.agentName = name;
          c.agentHeartbeat = heartbeat;
        });
  }

  /** This config with agents sending heartbeats every {@code heartbeat}. */
  public ServerConfig withAgentHeartbeat(Duration heartbeat) {
    return copy(
        c -> {
          c.agentHeartbeat = heartbeat;
        });
  }

  /**
   * The embedded agent's name: the configured one, else the host name and a digest of the data
   * directory, so that servers on one host have agents of their own and a restarted server finds
   * its agent's runs.
   */
  public String effectiveAgentName() {
    if (agentName != null) {
      return agentName;
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  dataDir
                      .toAbsolutePath()
                      .normalize()
                      .toString()
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return hostName() + "-embedded-" + java.util.HexFormat.of().formatHex(digest, 0, 3);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  /** This build's version, as agents report it. */
  public static String version() {
    String version = ServerConfig.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** This config giving run IDs another two-letter prefix. */
  public ServerConfig withRunIdPrefix(String prefix) {
    return copy(
        c -> {
          c.runIdPrefix = prefix;
        });
  }

  /** This config keeping logs for {@code retention}. */
  public ServerConfig withLogRetention(Duration retention) {
    return copy(
        c -> {
          c.logRetention = retention;
        });
  }

  /** This config sealing secrets with the key in {@code file} (created when absent). */
  public ServerConfig withKeyFile(Path file) {
    return copy(
        c -> {
          c.keyFile = file;
        });
  }

  /** This config telling time by {@code newClock}. */
  public ServerConfig withClock(java.time.Clock newClock) {
    return copy(
        c -> {
          c.clock = newClock;
        });
  }

  /** This config with other bounds on uploaded contexts. */
  public ServerConfig withUploads(UploadLimits limits) {
    return copy(
        c -> {
          c.uploads = limits;
        });
  }

  /** This config taking uploads of at most {@code maxBytes} ({@code --max-upload-size}). */
  public ServerConfig withMaxUploadBytes(long maxBytes) {
    return withUploads(new UploadLimits(maxBytes, uploads.unclaimedFor()));
  }

  /** This config hearing of new base-image digests as {@code settings} says. */
  public ServerConfig withBaseImages(BaseImageSettings settings) {
    return copy(
        c -> {
          c.baseImages = settings;
        });
  }

  /** The key file the server uses. */
  public Path effectiveKeyFile() {
    return keyFile != null ? keyFile : dataDir.resolve("server.key");
  }

  /** The JDBC URL the server opens. */
  public String jdbcUrl() {
    return dbUrl != null ? dbUrl : dev.wharf.server.store.Database.sqliteUrl(dataDir);
  }

  /** This machine's host name. */
  public static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /** The fields of a config being copied with changes. */
  private static final class Copy {
    Path dataDir;
    String host;
    int port;
    String dbUrl;
    String runIdPrefix;
    int agentConcurrency;
    String agentName;
    Duration agentHeartbeat;
    Duration logRetention;
    RunExecutor executor;
    Path keyFile;
    java.time.Clock clock;
    BaseImageSettings baseImages;
    UploadLimits uploads;
  }

  private ServerConfig copy(java.util.function.Consumer<Copy> change) {
    Copy c = new Copy();
    c.dataDir = dataDir;
    c.host = host;
    c.port = port;
    c.dbUrl = dbUrl;
    c.runIdPrefix = runIdPrefix;
    c.agentConcurrency = agentConcurrency;
    c.agentName = agentName;
    c.agentHeartbeat = agentHeartbeat;
    c.logRetention = logRetention;
    c.executor = executor;
    c.keyFile = keyFile;
    c.clock = clock;
    c.baseImages = baseImages;
    c.uploads = uploads;
    change.accept(c);
    return new ServerConfig(
        c.dataDir,
        c.host,
        c.port,
        c.dbUrl,
        c.runIdPrefix,
        c.agentConcurrency,
        c.agentName,
        c.agentHeartbeat,
        c.logRetention,
        c.executor,
        c.keyFile,
        c.clock,
        c.baseImages,
        c.uploads);
  }
}
