package dev.wharf.server.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.AgentProtocolException;
import dev.wharf.api.AgentWire.Assignment;
import dev.wharf.api.AgentWire.Registration;
import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import dev.wharf.server.logs.LogHub;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.AgentStore;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.FileBlobStore;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.SecretBox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which process of an agent name holds which run: a registration sent twice by one process, a new
 * process of the name, a long poll that outlived its process, and leases that run out.
 */
class AgentServiceTest {
  private static final String FIRST = "0123456789abcdef0123456789abcdef";
  private static final String SECOND = "fedcba9876543210fedcba9876543210";
  private static final Duration HEARTBEAT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final MovableClock clock = new MovableClock();
  private Database db;
  private RunQueue queue;
  private RunStore runs;
  private AgentService service;

  @BeforeEach
  void open() {
    db = Database.open(Database.sqliteUrl(dir));
    runs = new RunStore(db);
    queue = new RunQueue(db, SecretBox.openOrCreate(dir.resolve("k")), "ag", clock);
    FileBlobStore blobs = new FileBlobStore(dir);
    service =
        new AgentService(
            new AgentStore(db, clock),
            queue,
            runs,
            new LogHub(blobs, runs),
            blobs,
            new SimpleMeterRegistry(),
            clock,
            HEARTBEAT);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void register_sameProcessTwice_keepsItsIdAndItsRun() {
    String id = service.register(registration(FIRST, false)).agentId();
    Run run = enqueue();
    Assignment claimed = service.claim(id, 0).orElseThrow();
    service.running(id, claimed.runId());

    // the first answer was lost on the way: the process asks again
    String again = service.register(registration(FIRST, false)).agentId();

    assertThat(again).isEqualTo(id).isEqualTo(FIRST);
    assertThat(status(run)).isEqualTo(RunStatus.Running);
    assertThat(service.list()).singleElement().extracting(a -> a.running()).isEqualTo(1);
  }

  @Test
  void register_newProcessOfTheName_endsWhatTheOldOneRanAndRequeuesWhatItNeverBegan() {
    String old = service.register(registration(FIRST, false)).agentId();
    Run began = enqueue();
    Run handedOver = enqueue();
    service.running(old, service.claim(old, 0).orElseThrow().runId());
    assertThat(service.claim(old, 0).map(Assignment::runId)).contains(handedOver.runId());

    String fresh = service.register(registration(SECOND, true)).agentId();

    assertThat(fresh).isEqualTo(SECOND);
    Run lost = runs.find(began.runId()).orElseThrow();
    assertThat(lost.status()).isEqualTo(RunStatus.Error);
    assertThat(lost.runErrorMessage()).isEqualTo("agent builder restarted before the run finished");
    assertThat(status(handedOver)).isEqualTo(RunStatus.Queued);
    assertThat(service.claim(fresh, 0).map(Assignment::runId)).contains(handedOver.runId());
    assertThatThrownBy(() -> service.running(old, handedOver.runId()))
        .isInstanceOf(AgentProtocolException.class);
  }

  @Test
  void claim_longPollOfAProcessThatWasReplaced_takesNoRun() throws Exception {
    String old = service.register(registration(FIRST, false)).agentId();
    CompletableFuture<Optional<Assignment>> zombie =
        CompletableFuture.supplyAsync(() -> service.claim(old, 5_000));
    Thread.sleep(300);
    String fresh = service.register(registration(SECOND, true)).agentId();

    Run run = enqueue();

    assertThat(zombie.get(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(status(run)).isEqualTo(RunStatus.Queued);
    assertThat(service.claim(fresh, 0).map(Assignment::runId)).contains(run.runId());
  }

  @Test
  void reap_agentStoppedAnswering_runItBeganErrsAndRunItNeverBeganIsQueuedAgain() {
    service.startReaping();
    String id = service.register(registration(FIRST, false)).agentId();
    Run began = enqueue();
    Run handedOver = enqueue();
    service.running(id, service.claim(id, 0).orElseThrow().runId());
    assertThat(service.claim(id, 0).map(Assignment::runId)).contains(handedOver.runId());

    clock.advance(Duration.ofMinutes(1));
    service.reap();

    Run lost = runs.find(began.runId()).orElseThrow();
    assertThat(lost.status()).isEqualTo(RunStatus.Error);
    assertThat(lost.runErrorMessage()).isEqualTo("agent builder stopped answering");
    assertThat(status(handedOver)).isEqualTo(RunStatus.Queued);
    assertThat(queue.leftoversOn("engine-1")).containsExactly(began.runId());
  }

  @Test
  void register_malformedInstance_isRefused() {
    assertThatThrownBy(() -> service.register(registration("../../x", false)))
        .isInstanceOfSatisfying(
            AgentProtocolException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  private Run enqueue() {
    return queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
  }

  private RunStatus status(Run run) {
    return runs.find(run.runId()).orElseThrow().status();
  }

  private static Registration registration(String instance, boolean replace) {
    return new Registration(
        "builder", null, Map.of(), "1.0", "linux/amd64", 2, "engine-1", replace, instance);
  }

  /** A clock the test moves on by hand. */
  private static final class MovableClock extends Clock {
    private final AtomicLong millis =
        new AtomicLong(Instant.parse("2026-12-02T10:00:00Z").toEpochMilli());

    void advance(Duration by) {
      millis.addAndGet(by.toMillis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
      return millis.get();
    }
  }
}
