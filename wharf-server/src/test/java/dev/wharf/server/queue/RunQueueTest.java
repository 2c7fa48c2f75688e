package dev.wharf.server.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunType;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.SecretBox;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunQueueTest {
  @TempDir Path dir;
  private Database db;
  private RunQueue queue;

  @BeforeEach
  void open() {
    db = Database.open(Database.sqliteUrl(dir));
    queue = new RunQueue(db, SecretBox.openOrCreate(dir.resolve("k")), "ca", Clock.systemUTC());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void enqueue_runIds_areThePrefixAndABase36Counter() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 37; i++) {
      ids.add(queue.enqueue(RunType.QuickRun, null, "Manual", RunSpec.inline("x")).runId());
    }

    assertThat(ids.subList(0, 3)).containsExactly("ca1", "ca2", "ca3");
    assertThat(ids.get(9)).isEqualTo("caa");
    assertThat(ids.get(35)).isEqualTo("ca10");
  }

  @Test
  void new_badPrefix_isRefused() {
    assertThatThrownBy(() -> new RunQueue(db, null, "W1", Clock.systemUTC()))
        .hasMessageContaining("two lower-case letters");
  }

  @Test
  void claim_manyClaimantsAtOnce_eachRunIsClaimedOnce() throws Exception {
    for (int i = 0; i < 40; i++) {
      queue.enqueue(RunType.QuickRun, null, "Manual", RunSpec.inline("x"));
    }
    List<String> claimed = Collections.synchronizedList(new ArrayList<>());
    ExecutorService claimants = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String agent = "agent-" + i;
      done.add(
          claimants.submit(
              () -> {
                Optional<ClaimedRun> run;
                while ((run = queue.claim(agent)).isPresent()) {
                  claimed.add(run.get().run().runId());
                }
              }));
    }
    for (Future<?> claimant : done) {
      claimant.get();
    }
    claimants.shutdown();

    assertThat(claimed).hasSize(40).doesNotHaveDuplicates();
    assertThat(queue.length()).isZero();
  }

  @Test
  void claim_secretValues_areSealedInStorageAndOpenForTheAgent() {
    RunSpec spec =
        new RunSpec("/dev/null", null, null, "x", null, Map.of("token", "hunter2"), null, null, 0);
    queue.enqueue(RunType.QuickRun, null, "Manual", spec);

    String stored = new RunStore(db).sealedSpecs().get(0);
    ClaimedRun claimed = queue.claim("a").orElseThrow();

    assertThat(stored).doesNotContain("hunter2");
    assertThat(claimed.spec().secretValues()).containsEntry("token", "hunter2");
    assertThat(claimed.run().status()).isEqualTo(RunStatus.Started);
  }

  @Test
  void finish_runAlreadyDeclaredLost_changesNothing() {
    Run run = queue.enqueue(RunType.QuickRun, null, "Manual", RunSpec.inline("x"));
    queue.claim("agent-a");
    queue.markRunning(run.runId());

    assertThat(queue.failLost("agent-a", 0)).containsExactly(run.runId());
    assertThat(
            queue.finish(run.runId(), RunStatus.Succeeded, null, List.of(), List.of(), List.of()))
        .isFalse();
    assertThat(new RunStore(db).find(run.runId()).orElseThrow().status())
        .isEqualTo(RunStatus.Error);
  }

  @Test
  void failLost_otherAgentWithFreshHeartbeat_isLeftAlone() {
    queue.enqueue(RunType.QuickRun, null, "Manual", RunSpec.inline("x"));
    queue.claim("agent-b");

    assertThat(queue.failLost("agent-a", System.currentTimeMillis() - 60_000)).isEmpty();
    assertThat(queue.failLost("agent-a", System.currentTimeMillis() + 1)).hasSize(1);
  }

  @Test
  void cancel_queuedRun_endsAtOnceAndActiveRunIsFlagged() {
    Run active = queue.enqueue(RunType.QuickRun, null, "Manual", RunSpec.inline("x"));
    Run waiting = queue.enqueue(RunType.QuickRun, null, "Manual", RunSpec.inline("x"));
    queue.claim("a");

    assertThat(queue.cancel(waiting.runId()).orElseThrow().status()).isEqualTo(RunStatus.Canceled);
    assertThat(queue.cancel(active.runId()).orElseThrow().status()).isEqualTo(RunStatus.Started);
    assertThat(queue.cancelRequested(List.of(active.runId(), waiting.runId())))
        .containsExactly(active.runId());
    assertThat(queue.cancel("ca99")).isEmpty();
  }
}
