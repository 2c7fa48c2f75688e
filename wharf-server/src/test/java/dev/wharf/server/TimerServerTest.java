package dev.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.ServerClient;
import dev.wharf.api.ServerException;
import dev.wharf.api.Task;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskTriggers;
import dev.wharf.api.TaskTriggers.TimerTrigger;
import dev.wharf.server.auth.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timers on a real server (SQLite): the API, a restart while a timer was due, a real minute. */
class TimerServerTest {
  @TempDir Path dataDir;
  private final FakeExecutor executor = new FakeExecutor();
  private final List<WharfServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(WharfServer::close);
  }

  private ServerConfig config(Clock clock) {
    return ServerConfig.defaults()
        .withDataDir(dataDir)
        .withListen("127.0.0.1", 0)
        .withAgent(1, executor)
        .withAgentName("agent-a", Duration.ofSeconds(30))
        .withClock(clock);
  }

  private ServerClient start(ServerConfig config) {
    WharfServer server = WharfServer.start(config);
    servers.add(server);
    return new ServerClient(
        ServerScenarios.url(server), WharfServer.createToken(config, Role.admin, "t"));
  }

  @Test
  void everyMinuteTimer_inRealTime_queuesARunAtTheMinute() throws Exception {
    // the server's clock starts 2 s before a minute boundary, so the test waits seconds, not a
    // minute
    Instant now = Instant.now();
    Instant boundary = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(now, boundary.minusSeconds(2)));
    ServerClient client = start(config(clock));
    client.createTask(task(new TimerTrigger("t1", "* * * * *", true)));

    Run run = await(() -> firstRun(client), Duration.ofSeconds(15));

    assertThat(run.trigger()).isEqualTo("Timer");
    RunTrigger.Timer timer = (RunTrigger.Timer) run.triggerDetails();
    assertThat(timer.name()).isEqualTo("t1");
    assertThat(timer.scheduledTime()).isAfterOrEqualTo(boundary);
    assertThat(Duration.between(timer.scheduledTime(), run.createTime()))
        .isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void restart_whileATimerWasDue_runsItOnceAtStart() throws Exception {
    MovableClock clock = new MovableClock(Instant.parse("2026-12-02T20:59:00Z"));
    ServerConfig config = config(clock);
    start(config).createTask(task(new TimerTrigger("t1", "0 21 * * *", true)));
    Thread.sleep(1500);
    servers.remove(0).close();

    clock.set(Instant.parse("2026-12-02T21:30:00Z"));
    ServerClient client = start(config);
    Run run = await(() -> firstRun(client), Duration.ofSeconds(10));
    Thread.sleep(2500);

    assertThat(client.runs(new RunFilter("nightly-app", null, null, 10))).hasSize(1);
    assertThat(run.triggerDetails())
        .isEqualTo(new RunTrigger.Timer("t1", Instant.parse("2026-12-02T21:00:00Z")));
  }

  @Test
  void timerCommands_addUpdateRemove_changeTheScheduleAndShowTheNextOccurrence() {
    MovableClock clock = new MovableClock(Instant.parse("2026-12-02T20:00:00Z"));
    ServerClient client = start(config(clock));
    client.createTask(task(new TimerTrigger("t1", "0 21 * * *", true)));

    client.addTimer("nightly-app", new TimerTrigger("noon", "0 12 * * Mon-Fri", true));
    client.updateTimer("nightly-app", "t1", "30 22 * * *", null);
    client.updateTimer("nightly-app", "noon", null, false);
    Task shown = client.task("nightly-app");

    assertThat(shown.triggerState().timers())
        .extracting(
            t -> t.name() + " " + t.schedule() + " " + t.enabled() + " " + t.nextOccurrence())
        .containsExactly(
            "t1 30 22 * * * true 2026-12-02T22:30:00Z", "noon 0 12 * * Mon-Fri false null");
    assertThatThrownBy(
            () -> client.addTimer("nightly-app", new TimerTrigger("bad", "61 * * * *", true)))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("invalid schedule");
    assertThatThrownBy(
            () -> client.addTimer("nightly-app", new TimerTrigger("t1", "0 1 * * *", true)))
        .hasMessageContaining("already has a timer named t1");
    client.removeTimer("nightly-app", "noon");
    assertThat(client.timers("nightly-app")).extracting(t -> t.name()).containsExactly("t1");
  }

  static TaskDefinition task(TimerTrigger... timers) {
    return TaskDefinition.builder()
        .name("nightly-app")
        .context("/dev/null")
        .taskText("lines=1")
        .build()
        .withTriggers(new TaskTriggers(null, List.of(timers), null));
  }

  private static Run firstRun(ServerClient client) {
    List<Run> runs = client.runs(new RunFilter("nightly-app", null, null, 10));
    return runs.isEmpty() ? null : runs.get(runs.size() - 1);
  }

  static <T> T await(Supplier<T> probe, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("nothing within " + limit);
  }
}
