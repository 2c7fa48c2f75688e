package dev.wharf.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throw-away PostgreSQL server started from {@code initdb}/{@code pg_ctl} in /usr/local/bin, run
 * as an unprivileged user when the tests run as root (PostgreSQL refuses root). Anything that keeps
 * it from starting is an error with the reason, never a skip.
 */
public final class PostgresHarness implements AutoCloseable {
  /** Where initdb, pg_ctl and postgres are: WHARF_PG_BIN, else /usr/local/bin (.ci/run sets it). */
  private static final Path BIN =
      Path.of(System.getenv().getOrDefault("WHARF_PG_BIN", "/usr/local/bin"));

  private static final String OS_USER = "wharf-pg";
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final Path dir;
  private final int port;
  private final String runAs;

  private PostgresHarness(Path dir, int port, String runAs) {
    this.dir = dir;
    this.port = port;
    this.runAs = runAs;
  }

  /** Starts a new cluster from initdb on a free loopback port. */
  public static PostgresHarness start() throws IOException, InterruptedException {
    for (String tool : List.of("initdb", "pg_ctl", "postgres")) {
      if (!Files.isExecutable(BIN.resolve(tool))) {
        throw new IllegalStateException(
            "PostgreSQL cannot start: "
                + BIN.resolve(tool)
                + " is missing or not executable (set WHARF_PG_BIN, or run .ci/run, which installs"
                + " PostgreSQL when needed)");
      }
    }
    String runAs = "root".equals(System.getProperty("user.name")) ? unprivilegedUser() : null;
    Path dir = Files.createTempDirectory("wharf-pg");
    if (runAs != null) {
      run(List.of("chown", "-R", runAs, dir.toString()), null, "give the data folder to " + runAs);
    }
    int port = freePort();
    PostgresHarness pg = new PostgresHarness(dir, port, runAs);
    Path data = dir.resolve("data");
    run(
        List.of(
            BIN.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            "wharf",
            "--auth=trust",
            "--no-locale",
            "-E",
            "UTF8"),
        runAs,
        "initdb");
    run(
        List.of(
            BIN.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            dir.resolve("postgres.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p "
                + port
                + " -k "
                + dir
                + " -c listen_addresses=127.0.0.1 -c max_connections=200"
                + " -c fsync=off",
            "start"),
        runAs,
        "pg_ctl start");
    return pg;
  }

  /** A JDBC URL of a new, empty database on this server. */
  public String newDatabase() throws SQLException {
    String name = "wharf_" + DATABASES.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(url("postgres"));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=wharf";
  }

  @Override
  public void close() throws IOException {
    try {
      run(
          List.of(
              BIN.resolve("pg_ctl").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-m",
              "immediate",
              "-w",
              "stop"),
          runAs,
          "pg_ctl stop");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static String unprivilegedUser() throws IOException, InterruptedException {
    if (!userExists()) {
      try {
        run(
            List.of(
                "useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OS_USER),
            null,
            "create the unprivileged user " + OS_USER + " for PostgreSQL");
      } catch (IllegalStateException e) {
        // the integration tests run in two JVMs: the other one may have created it meanwhile
        if (!userExists()) {
          throw e;
        }
      }
    }
    return OS_USER;
  }

  private static boolean userExists() throws IOException, InterruptedException {
    Process id = new ProcessBuilder("id", "-u", OS_USER).redirectErrorStream(true).start();
    id.getInputStream().readAllBytes();
    return id.waitFor() == 0;
  }

  private static void run(List<String> command, String user, String what)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (user != null) {
      full.addAll(List.of("runuser", "-u", user, "--"));
    }
    full.addAll(command);
    Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(
          "PostgreSQL cannot start: "
              + what
              + " failed ("
              + String.join(" ", full)
              + "):\n"
              + new String(output, StandardCharsets.UTF_8));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
