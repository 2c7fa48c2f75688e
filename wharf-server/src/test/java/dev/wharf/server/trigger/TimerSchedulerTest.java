package dev.wharf.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskTriggers;
import dev.wharf.api.TaskTriggers.TimerTrigger;
import dev.wharf.server.MovableClock;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.SecretBox;
import dev.wharf.server.store.TaskStore;
import dev.wharf.server.store.TriggerStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Timers on a real SQLite store with a clock the test moves. */
class TimerSchedulerTest {
  private static final Instant T0 = Instant.parse("2026-12-02T20:00:00Z");

  @TempDir Path dir;
  private final MovableClock clock = new MovableClock(T0);
  private Database db;
  private TaskStore tasks;
  private RunStore runs;
  private TimerScheduler scheduler;

  @BeforeEach
  void open() {
    db = Database.open(Database.sqliteUrl(dir));
    SecretBox box = SecretBox.openOrCreate(dir.resolve("key"));
    tasks = new TaskStore(db, box, clock);
    runs = new RunStore(db);
    scheduler =
        new TimerScheduler(tasks, new TriggerStore(db), new RunQueue(db, box, "wa", clock), clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void check_eachOccurrence_queuesOneRunCarryingTheTimer() {
    tasks.create(task(new TimerTrigger("t1", "0 21 * * *", true)));
    assertThat(scheduler.check()).isZero();

    clock.set(Instant.parse("2026-12-02T21:00:00.200Z"));
    assertThat(scheduler.check()).isEqualTo(1);
    assertThat(scheduler.check()).isZero();
    clock.set(Instant.parse("2026-12-02T21:00:59Z"));
    assertThat(scheduler.check()).isZero();

    List<Run> queued = runs.list(new RunFilter("nightly-app", null, null, 10));
    assertThat(queued).hasSize(1);
    assertThat(queued.get(0).trigger()).isEqualTo("Timer");
    assertThat(queued.get(0).triggerDetails())
        .isEqualTo(new RunTrigger.Timer("t1", Instant.parse("2026-12-02T21:00:00Z")));
  }

  @Test
  void check_severalTimers_eachRunsOnItsOwnSchedule() {
    tasks.create(
        task(
            new TimerTrigger("hourly", "0 * * * *", true),
            new TimerTrigger("twice", "0,30 * * * *", true),
            new TimerTrigger("off", "* * * * *", false)));

    clock.set(Instant.parse("2026-12-02T20:30:01Z"));
    scheduler.check();
    clock.set(Instant.parse("2026-12-02T21:00:01Z"));
    scheduler.check();

    assertThat(runs.list(new RunFilter("nightly-app", null, null, 10)))
        .extracting(run -> ((RunTrigger.Timer) run.triggerDetails()).name())
        .containsExactlyInAnyOrder("twice", "twice", "hourly");
  }

  @Test
  void check_afterTheServerWasDown_runsTheLatestMissedOccurrenceOnce_andSaysSo() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(TimerScheduler.class);
    logger.addAppender(log);
    logger.setLevel(Level.INFO);
    try {
      tasks.create(task(new TimerTrigger("t1", "0 21 * * *", true)));
      scheduler.check();

      clock.set(Instant.parse("2026-12-05T09:00:00Z")); // down for three occurrences
      assertThat(scheduler.check()).isEqualTo(1);
      assertThat(scheduler.check()).isZero();

      Run run = runs.list(new RunFilter("nightly-app", null, null, 10)).get(0);
      assertThat(((RunTrigger.Timer) run.triggerDetails()).scheduledTime())
          .isEqualTo(Instant.parse("2026-12-04T21:00:00Z"));
      assertThat(log.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .anyMatch(
              m ->
                  m.contains("missed its occurrence 2026-12-04T21:00:00Z")
                      && m.contains(run.runId()));
    } finally {
      logger.detachAppender(log);
      logger.setLevel(null);
    }
  }

  @Test
  void check_timerAddedAfterAnOccurrence_doesNotRunItLate() {
    clock.set(Instant.parse("2026-12-02T21:00:30Z"));
    tasks.create(task(new TimerTrigger("t1", "0 21 * * *", true)));
    clock.advance(Duration.ofMinutes(5));

    assertThat(scheduler.check()).isZero();
  }

  @Test
  void check_disabledTimerOrTask_queuesNothing_andDoesNotCatchUpWhenEnabled() {
    tasks.create(task(new TimerTrigger("t1", "0 21 * * *", false)));
    clock.set(Instant.parse("2026-12-02T21:00:01Z"));
    assertThat(scheduler.check()).isZero();

    TaskDefinition enabled = tasks.definition("nightly-app").orElseThrow();
    tasks.update(
        enabled.withTriggers(
            enabled.triggers().withTimers(List.of(new TimerTrigger("t1", "0 21 * * *", true)))));
    clock.advance(Duration.ofMinutes(1));
    assertThat(scheduler.check()).isZero();
  }

  private static TaskDefinition task(TimerTrigger... timers) {
    return TaskDefinition.builder()
        .name("nightly-app")
        .context("/dev/null")
        .taskText("lines=1")
        .build()
        .withTriggers(new TaskTriggers(null, List.of(timers), null));
  }
}
