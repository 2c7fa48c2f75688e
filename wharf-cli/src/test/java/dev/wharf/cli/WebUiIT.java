package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.Json;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.agent.EngineRunExecutor;
import dev.wharf.server.auth.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web UI in Debian's Chromium, driven by Selenium, against a real server executing real runs on
 * the Docker engine, with runs queued through the command line as a user queues them.
 */
@DockerTest
@Tag("ui")
class WebUiIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String SECRET = "ui-S3cret-7731";

  @TempDir static Path dataDir;
  @TempDir static Path work;

  private static WharfServer server;
  private static String url;
  private static String runToken;
  private static String readToken;
  private static WebDriver browser;
  private static Path screenshots;

  /**
   * Selenium looks for a DevTools (CDP) module matching the browser's version and warns when it has
   * none; these tests use no DevTools, so the warning says nothing. Held here: the logging
   * framework keeps loggers only while someone does.
   */
  private static final Logger CDP_VERSION_FINDER =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  @BeforeAll
  static void start() throws IOException {
    char letter = (char) ('a' + ThreadLocalRandom.current().nextInt(26));
    ServerConfig config =
        ServerConfig.defaults()
            .withDataDir(dataDir)
            .withListen("127.0.0.1", 0)
            .withRunIdPrefix("u" + letter)
            .withAgent(2, new EngineRunExecutor(LocalDocker.REGISTRY));
    server = WharfServer.start(config);
    url = "http://127.0.0.1:" + server.port();
    runToken = WharfServer.createToken(config, Role.admin, "ui-admin");
    readToken = WharfServer.createToken(config, Role.read, "ui-reader");
    screenshots = Path.of(System.getProperty("wharf.screenshots", "target/ui-screenshots"));
    CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900");
    // Chromium and its driver keep their profile and shared-memory files in TMPDIR: the test's
    // folder, so that nothing of theirs stays in the machine's temporary folder
    Path browserTemp = Files.createDirectories(work.resolve("browser-tmp"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .withEnvironment(Map.of("TMPDIR", browserTemp.toString()))
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void signIn_unknownToken_isRefusedAndAKnownOneOpensTheRuns() {
    browser.manage().deleteAllCookies();
    browser.get(url + "/runs");
    assertThat(browser.getCurrentUrl()).contains("/login");

    signInWith("wharf_not-a-token");
    assertThat(browser.findElement(By.id("login-error")).getText()).contains("not known");

    signInWith(runToken);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Runs");
    Cookie session = sessionCookie();
    assertThat(session.httpOnly()).isTrue();
  }

  @Test
  void runPage_runQueuedFromTheCli_showsItsLogLiveThenTheGraphWithTimings() throws Exception {
    signedInAs(runToken);
    String runId =
        queue(
            "steps:\n"
                + "  - id: first\n"
                + "    cmd: wharf-test/busybox sh -c 'echo first-line; sleep 2; echo first-done'\n"
                + "  - id: slow\n"
                + "    cmd: wharf-test/busybox sh -c 'sleep 4; echo slow-done'\n"
                + "    when: ['-']\n"
                + "  - id: last\n"
                + "    cmd: wharf-test/busybox echo last-line\n"
                + "    when: [first, slow]\n");

    browser.get(url + "/runs/" + runId);
    eventually(() -> browser.findElement(By.id("log")).getText().contains("first-line"));
    assertThat(status(runId))
        .as("the first line shows while the run goes on")
        .isNotEqualTo("Succeeded");
    assertThat(browser.findElement(By.id("log")).getText()).doesNotContain("last-line");
    eventually(() -> browser.findElement(By.id("log")).getText().contains("last-line"));
    eventually(
        () ->
            "Succeeded"
                .equals(browser.findElement(By.id("run-summary")).getAttribute("data-status")));

    List<WebElement> nodes = browser.findElements(By.cssSelector("svg.graph g.node"));
    assertThat(nodes).hasSize(3);
    double first = seconds(browser, "first");
    double slow = seconds(browser, "slow");
    assertThat(slow).as("slow sleeps 4 s").isGreaterThanOrEqualTo(4.0);
    assertThat(browser.findElements(By.cssSelector("svg.graph g.node.critical")))
        .as("the longer branch and the step after both")
        .extracting(n -> n.getAttribute("data-step"))
        .containsExactly(slow >= first ? "slow" : "first", "last");
    assertThat(browser.findElement(By.id("step-last")).getText()).contains("first, slow");
    assertThat(browser.findElement(By.id("log-first")).getAttribute("class")).contains("section");
    screenshot("run.png");

    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      browser.navigate().refresh();
      screenshot("run-phone.png");
      Number overflow =
          (Number)
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "return document.documentElement.scrollWidth - window.innerWidth;");
      assertThat(overflow.intValue())
          .as("no sideways scrolling at phone width")
          .isLessThanOrEqualTo(0);
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  @Test
  void cancel_readOnlyTokenSeesNoButtonAndIsRefused_runTokenCancelsFromThePage() throws Exception {
    String runId =
        queue("steps:\n  - cmd: wharf-test/busybox sh -c 'echo waiting-line; sleep 120'\n");
    try {
      signedInAs(readToken);
      browser.get(url + "/runs/" + runId);
      eventually(() -> browser.findElement(By.id("log")).getText().contains("waiting-line"));

      assertThat(browser.findElements(By.id("cancel"))).isEmpty();
      assertThat(browser.findElements(By.id("rerun"))).isEmpty();
      Object forged =
          ((JavascriptExecutor) browser)
              .executeAsyncScript(
                  "var done = arguments[arguments.length - 1];"
                      + "var csrf = JSON.parse(document.body.getAttribute('hx-headers'))"
                      + "['X-CSRF-Token'];"
                      + "fetch('/runs/"
                      + runId
                      + "/cancel', {method: 'POST', headers: {'Content-Type':"
                      + " 'application/x-www-form-urlencoded'}, body: 'csrf=' +"
                      + " encodeURIComponent(csrf)}).then(r => done(r.status));");
      assertThat(((Number) forged).intValue()).isEqualTo(403);
      assertThat(status(runId)).isEqualTo("Running");

      signedInAs(runToken);
      browser.get(url + "/runs/" + runId);
      browser.findElement(By.id("cancel")).click();

      eventually(
          () ->
              "Canceled"
                  .equals(browser.findElement(By.id("run-summary")).getAttribute("data-status")));
      assertThat(status(runId)).isEqualTo("Canceled");
      assertThat(browser.findElements(By.id("cancel"))).isEmpty();
      assertThat(browser.findElements(By.id("rerun"))).hasSize(1);
    } finally {
      wharf("task", "cancel-run", "--", "--run-id", runId);
    }
  }

  @Test
  void taskPage_showsSecretsOnlyAsSetAndRunsTheTaskWithAnOverride() throws Exception {
    String name = "ui-task-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    CliResult created =
        wharf(
            "task",
            "create",
            "--",
            "-n",
            name,
            "-c",
            "/dev/null",
            "--cmd",
            "wharf-test/busybox echo greeting={{.Values.hi}}",
            "--set",
            "hi=hello",
            "--set-secret",
            "password=" + SECRET);
    assertThat(created.status()).as(created.err()).isZero();
    signedInAs(runToken);

    browser.get(url + "/tasks");
    browser.findElement(By.linkText(name)).click();
    String page = browser.findElement(By.tagName("main")).getText();
    assertThat(page).contains("password", "set (secret)", "hi", "hello").doesNotContain(SECRET);
    assertThat(browser.getPageSource()).doesNotContain(SECRET);
    WebElement values = browser.findElement(By.name("values"));
    values.sendKeys("hi=from-the-page");
    screenshot("task.png");
    browser.findElement(By.id("run-task")).click();

    eventually(
        () -> browser.findElement(By.id("log")).getText().contains("greeting=from-the-page"));
    assertThat(browser.getCurrentUrl()).contains("/runs/");
  }

  @Test
  void forgedPost_withoutTheCsrfToken_isRefused() {
    signedInAs(runToken);
    browser.get(url + "/runs");
    Object forged =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch('/runs/xx1/cancel', {method: 'POST'}).then(r => done(r.status));");
    assertThat(((Number) forged).intValue()).isEqualTo(403);
  }

  @Test
  void runsList_newRunAppearsLiveAndFiltersNarrowIt() throws Exception {
    signedInAs(runToken);
    browser.get(url + "/runs");
    String runId = queue("steps:\n  - cmd: wharf-test/busybox sh -c 'exit 3'\n");

    eventually(() -> !browser.findElements(By.cssSelector("tr[data-run=" + runId + "]")).isEmpty());
    eventually(
        () ->
            browser
                .findElement(By.cssSelector("tr[data-run=" + runId + "]"))
                .getText()
                .contains("Failed"));
    screenshot("runs.png");

    browser.findElement(By.cssSelector("select[name=status] option[value=Failed]")).click();
    browser.findElement(By.cssSelector("form.filters button")).click();

    assertThat(browser.getCurrentUrl()).contains("status=Failed");
    List<WebElement> rows = browser.findElements(By.cssSelector("table.runs tbody tr"));
    assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("Failed"));
    assertThat(rows).anySatisfy(row -> assertThat(row.getAttribute("data-run")).isEqualTo(runId));
  }

  /** The duration the graph shows for a step. */
  private static double seconds(WebDriver browser, String step) {
    String meta =
        browser.findElement(By.cssSelector("g.node[data-step=" + step + "] text.meta")).getText();
    assertThat(meta).matches("successful · \\d+\\.\\ds");
    return Double.parseDouble(meta.replaceAll("[^0-9.]", ""));
  }

  /** Waits until {@code condition} holds; the page may swap elements under the check meanwhile. */
  private static void eventually(java.util.concurrent.Callable<Boolean> condition) {
    await().atMost(PATIENCE).ignoreExceptions().until(condition);
  }

  private static void signedInAs(String token) {
    browser.manage().deleteAllCookies();
    browser.get(url + "/login");
    signInWith(token);
  }

  private static void signInWith(String token) {
    WebElement field = browser.findElement(By.name("token"));
    field.clear();
    field.sendKeys(token);
    field.submit();
  }

  private record Cookie(boolean httpOnly) {}

  private static Cookie sessionCookie() {
    org.openqa.selenium.Cookie cookie = browser.manage().getCookieNamed("wharf_session");
    assertThat(cookie).as("the session cookie").isNotNull();
    assertThat(cookie.getSameSite()).isEqualTo("Lax");
    return new Cookie(cookie.isHttpOnly());
  }

  /** Queues a quick run of {@code taskText} with {@code wharf run --no-wait}; answers its ID. */
  private static String queue(String taskText) throws Exception {
    Path context = Files.createTempDirectory(work, "ctx");
    Files.writeString(context.resolve("acb.yaml"), "version: v1.1.0\n" + taskText);
    CliResult queued = wharf("run", "--", "--no-wait", "-o", "json", context.toString());
    assertThat(queued.status()).as(queued.err()).isZero();
    return Json.read(queued.out(), JsonNode.class).path("runId").asText();
  }

  private static String status(String runId) {
    CliResult shown = wharf("task", "show-run", "--", "--run-id", runId, "-o", "json");
    return Json.read(shown.out(), JsonNode.class).path("status").asText();
  }

  private record CliResult(int status, String out, String err) {}

  private static CliResult wharf(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    int at = all.indexOf("--");
    all.remove(at);
    all.addAll(at, List.of("--server", url, "--token", runToken));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), work);
    return new CliResult(status, out.toString(), err.toString());
  }

  private static void screenshot(String name) throws Exception {
    Files.createDirectories(screenshots);
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(screenshots.resolve(name), png);
  }
}
