package dev.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import dev.wharf.api.ServerClient;
import dev.wharf.server.auth.Role;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.NewRun;
import dev.wharf.server.store.RunStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI's sessions, CSRF protection and run paging over HTTP, on every store; subclasses
 * choose SQLite or PostgreSQL. What only a browser shows is tested in the CLI module's WebUiIT.
 */
abstract class WebScenarios {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @TempDir Path dataDir;
  private final List<WharfServer> servers = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private ServerConfig config;
  private WharfServer server;

  /** The JDBC URL of a fresh database, null for SQLite in the data directory. */
  abstract String dbUrl() throws Exception;

  @AfterEach
  void stopServers() {
    servers.forEach(WharfServer::close);
  }

  /** A server without an agent, so that queued runs stay queued. */
  private void startServer() throws Exception {
    config =
        ServerConfig.defaults()
            .withDataDir(dataDir)
            .withListen("127.0.0.1", 0)
            .withDb(dbUrl())
            .withAgent(0, null);
    server = WharfServer.start(config);
    servers.add(server);
  }

  @Test
  void signIn_knownToken_opensASessionThatEndsWithTheToken() throws Exception {
    startServer();
    String token = WharfServer.createToken(config, Role.read, "web-reader");

    HttpResponse<String> unknown = signIn("wharf_unknown");
    HttpResponse<String> known = signIn(token);
    String cookie = cookieOf(known);

    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(known.statusCode()).isEqualTo(303);
    assertThat(known.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax")
        .doesNotContain(token);
    assertThat(get("/runs", cookie).body()).contains("<h1>Runs</h1>", "web-reader");
    assertThat(get("/runs", null).statusCode()).isEqualTo(302);
    try (Database db = Database.open(config.jdbcUrl())) {
      String stored =
          db.read(
              h ->
                  h.createQuery("SELECT session_hash FROM web_sessions").mapTo(String.class).one());
      assertThat(stored).isNotEqualTo(cookie.substring(cookie.indexOf('=') + 1));
      db.write(h -> h.createUpdate("DELETE FROM tokens WHERE name = 'web-reader'").execute());
    }
    assertThat(get("/runs", cookie).statusCode()).as("the token was revoked").isEqualTo(302);
  }

  @Test
  void cancel_needsTheRunRoleAndTheSessionsCsrfToken() throws Exception {
    startServer();
    ServerClient client =
        new ServerClient(URI.create(base()), WharfServer.createToken(config, Role.run, "queue"));
    Run run = client.queue(RunType.QuickRun, RunSpec.inline("lines=1"));
    String reader = cookieOf(signIn(WharfServer.createToken(config, Role.read, "r")));
    String runner = cookieOf(signIn(WharfServer.createToken(config, Role.run, "w")));
    String readerCsrf = csrf(get("/runs/" + run.runId(), reader).body());
    String runnerPage = get("/runs/" + run.runId(), runner).body();

    assertThat(get("/runs/" + run.runId(), reader).body()).doesNotContain("id=\"cancel\"");
    assertThat(runnerPage).contains("id=\"cancel\"");
    assertThat(post("/runs/" + run.runId() + "/cancel", reader, readerCsrf).statusCode())
        .isEqualTo(403);
    assertThat(post("/runs/" + run.runId() + "/cancel", runner, null).statusCode()).isEqualTo(403);
    assertThat(post("/runs/" + run.runId() + "/cancel", runner, "forged").statusCode())
        .isEqualTo(403);
    assertThat(client.run(run.runId()).status()).isEqualTo(RunStatus.Queued);
    assertThat(post("/runs/" + run.runId() + "/cancel", runner, csrf(runnerPage)).statusCode())
        .isEqualTo(303);
    assertThat(client.run(run.runId()).status()).isEqualTo(RunStatus.Canceled);
  }

  @Test
  void agentsPage_registeredAgent_showsItsPoolLabelsAndVersionAndTheQueueByPool() throws Exception {
    startServer();
    String agentToken = WharfServer.createToken(config, Role.agent, "remote-agent");
    new dev.wharf.api.HttpAgentPort(List.of(URI.create(base())), agentToken)
        .register(
            new dev.wharf.api.AgentWire.Registration(
                "builder-7",
                "green",
                java.util.Map.of("gpu", "none"),
                "9.9.9",
                "linux/amd64",
                1,
                "engine-x",
                false,
                null));
    ServerClient client =
        new ServerClient(URI.create(base()), WharfServer.createToken(config, Role.run, "queue"));
    client.queue(new dev.wharf.api.QuickRunRequest(RunType.QuickRun, RunSpec.inline("x"), "blue"));
    String reader = cookieOf(signIn(WharfServer.createToken(config, Role.read, "r")));

    String page = get("/agents", reader).body();

    assertThat(page).contains("<td>builder-7</td><td>green</td><td>gpu=none</td><td>9.9.9</td>");
    assertThat(page).contains("<td>blue</td>");
  }

  @Test
  void runsTable_manyRuns_pagesNewestFirstAndFiltersByTrigger() throws Exception {
    startServer();
    List<String> ids = new ArrayList<>();
    // one transaction for all, as queuing 120 runs one request at a time costs seconds
    try (Database db = Database.open(config.jdbcUrl())) {
      db.write(
          handle -> {
            for (int i = 0; i < 120; i++) {
              ids.add(
                  RunStore.insert(
                          handle,
                          new NewRun(
                              config.runIdPrefix(),
                              RunType.QuickRun,
                              null,
                              RunTrigger.MANUAL,
                              RunSpec.inline("lines=1"),
                              "never opened: no agent claims these runs",
                              "default",
                              Map.of(),
                              System.currentTimeMillis()))
                      .runId());
            }
            return null;
          });
    }
    String cookie = cookieOf(signIn(WharfServer.createToken(config, Role.read, "r")));

    String first = get("/runs/table", cookie).body();
    String second = get("/runs/table?" + olderLink(first), cookie).body();
    String third = get("/runs/table?" + olderLink(second), cookie).body();

    assertThat(rows(first)).hasSize(50).startsWith(ids.get(119)).endsWith(ids.get(70));
    assertThat(rows(second)).hasSize(50).startsWith(ids.get(69)).endsWith(ids.get(20));
    assertThat(rows(third)).hasSize(20).startsWith(ids.get(19)).endsWith(ids.get(0));
    assertThat(third).doesNotContain("Older runs");
    assertThat(rows(get("/runs/table?trigger=Manual&status=Queued", cookie).body())).hasSize(50);
    assertThat(get("/runs/table?trigger=Timer", cookie).body()).contains("No runs match.");
    assertThat(get("/runs/table?status=Nonsense", cookie).statusCode()).isEqualTo(400);
  }

  private String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private static List<String> rows(String html) {
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("data-run=\"([a-z0-9]+)\"").matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private static String olderLink(String html) {
    Matcher m = Pattern.compile("rel=\"next\" href=\"/runs\\?([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a link to older runs in " + html).isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a CSRF field").isTrue();
    return m.group(1);
  }

  private static String cookieOf(HttpResponse<?> response) {
    String header = response.headers().firstValue("Set-Cookie").orElseThrow();
    return header.substring(0, header.indexOf(';'));
  }

  private HttpResponse<String> signIn(String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(form("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String cookie, String csrf) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(form(csrf == null ? "" : "csrf=" + csrf))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.BodyPublisher form(String body) {
    return HttpRequest.BodyPublishers.ofString(body);
  }
}
