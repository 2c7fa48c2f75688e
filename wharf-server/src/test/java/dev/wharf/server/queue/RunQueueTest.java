package dev.wharf.server.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import dev.wharf.api.TaskDefinition;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.LogAppend;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.SecretBox;
import dev.wharf.server.store.TriggerStore;
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
      ids.add(
          queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x")).runId());
    }

    assertThat(ids.subList(0, 3)).containsExactly("ca1", "ca2", "ca3");
    assertThat(ids.get(9)).isEqualTo("caa");
    assertThat(ids.get(35)).isEqualTo("ca10");
  }

  @Test
  void enqueueOnce_sameEventTwice_queuesOneRunCarryingItsTriggerPoolAndLabels() {
    RunTrigger commit =
        new RunTrigger.Source("poll", "commit", "https://git.example/app", "main", "ab12", null);
    TaskDefinition task =
        TaskDefinition.builder()
            .name("app-task")
            .context("/dev/null")
            .taskText("x")
            .agentPool("arm")
            .agentLabels(Map.of("disk", "ssd"))
            .build();

    Optional<Run> first = queue.enqueueOnce("commit:app:ab12", task, commit, RunSpec.inline("x"));
    Optional<Run> second = queue.enqueueOnce("commit:app:ab12", task, commit, RunSpec.inline("x"));

    assertThat(first).isPresent();
    assertThat(second).isEmpty();
    Run stored = new RunStore(db).find(first.get().runId()).orElseThrow();
    assertThat(stored.trigger()).isEqualTo("Commit");
    assertThat(stored.triggerDetails()).isEqualTo(commit);
    assertThat(stored.task()).isEqualTo("app-task");
    assertThat(stored.agentPool()).isEqualTo("arm");
    assertThat(stored.agentLabels()).containsExactly(Map.entry("disk", "ssd"));
    assertThat(queue.length()).isEqualTo(1);
  }

  @Test
  void finish_succeededTaskRun_recordsTheTasksBaseImages_aFailedOneKeepsThem() {
    List<BaseImageDependency> first =
        List.of(
            new BaseImageDependency("127.0.0.1:5000", "base", "1", "sha256:aa", "RunTime"),
            new BaseImageDependency("", "golang", "", "sha256:bb", "BuildTime"));
    Run run = queue.enqueue(RunType.AutoRun, "app", RunTrigger.MANUAL, RunSpec.inline("x"));
    queue.claim(Claimant.named("agent"));
    queue.finish(run.runId(), RunStatus.Succeeded, null, List.of(), first, List.of());
    Run failed = queue.enqueue(RunType.AutoRun, "app", RunTrigger.MANUAL, RunSpec.inline("x"));
    queue.claim(Claimant.named("agent"));
    queue.finish(failed.runId(), RunStatus.Failed, "x", List.of(), List.of(), List.of());

    assertThat(new TriggerStore(db).trackedImages("app"))
        .extracting(i -> i.image() + " " + i.digest() + " " + i.type())
        .containsExactly(
            "127.0.0.1:5000/base:1 sha256:aa RunTime", "golang:latest sha256:bb BuildTime");
  }

  @Test
  void enqueue_manualRun_recordsTheManualTrigger() {
    Run run = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));

    assertThat(new RunStore(db).find(run.runId()).orElseThrow().triggerDetails())
        .isEqualTo(RunTrigger.MANUAL);
    assertThat(run.trigger()).isEqualTo("Manual");
  }

  @Test
  void new_badPrefix_isRefused() {
    assertThatThrownBy(() -> new RunQueue(db, null, "W1", Clock.systemUTC()))
        .hasMessageContaining("two lower-case letters");
  }

  @Test
  void claim_manyClaimantsAtOnce_eachRunIsClaimedOnce() throws Exception {
    for (int i = 0; i < 40; i++) {
      queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
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
                while ((run = queue.claim(Claimant.named(agent))).isPresent()) {
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
    RunSpec spec = RunSpec.inline("x").toBuilder().secretValues(Map.of("token", "hunter2")).build();
    queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, spec);

    String stored = new RunStore(db).sealedSpecs().get(0);
    ClaimedRun claimed = queue.claim(Claimant.named("a")).orElseThrow();

    assertThat(stored).doesNotContain("hunter2");
    assertThat(claimed.spec().secretValues()).containsEntry("token", "hunter2");
    assertThat(claimed.run().status()).isEqualTo(RunStatus.Started);
  }

  @Test
  void finish_runAlreadyDeclaredLost_changesNothing() {
    Run run = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
    queue.claim(Claimant.named("agent-a"));
    queue.markRunning("agent-a", run.runId());

    assertThat(queue.lose(run.runId(), "agent agent-a stopped answering", true)).isTrue();
    assertThat(
            queue.finish(
                "agent-a", run.runId(), RunStatus.Succeeded, null, List.of(), List.of(), List.of()))
        .isFalse();
    Run lost = new RunStore(db).find(run.runId()).orElseThrow();
    assertThat(lost.status()).isEqualTo(RunStatus.Error);
    assertThat(lost.runErrorMessage()).isEqualTo("agent agent-a stopped answering");
  }

  @Test
  void expired_leaseNotRenewed_isListedAndRenewedOneIsNot() throws Exception {
    Run stale = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
    Run renewed = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
    Claimant shortLease =
        new Claimant("a", "agent-a", null, List.of("linux/amd64"), "engine-1", 50);
    queue.claim(shortLease);
    queue.claim(shortLease);
    Thread.sleep(100);
    assertThat(queue.renew("a", List.of(renewed.runId()), 60_000)).isEmpty();

    assertThat(queue.expired())
        .extracting(RunStore.LeasedRun::runId)
        .containsExactly(stale.runId());
    assertThat(queue.lose(stale.runId(), "agent agent-a stopped answering", false)).isTrue();
    assertThat(queue.lose(renewed.runId(), "agent agent-a stopped answering", false)).isFalse();
    assertThat(queue.leftoversOn("engine-1")).containsExactly(stale.runId());
    assertThat(queue.renew("a", List.of(stale.runId(), renewed.runId()), 60_000))
        .containsExactly(stale.runId());
    queue.cleaned(List.of(stale.runId()));
    assertThat(queue.leftoversOn("engine-1")).isEmpty();
  }

  @Test
  void claim_agentLabels_runGoesOnlyToAnAgentWithEveryLabelItAsksFor() {
    Run picky =
        queue.enqueue(
            RunType.QuickRun,
            null,
            RunTrigger.MANUAL,
            RunSpec.inline("x"),
            null,
            Map.of("gpu", "a;b=c", "zone", "eu"));
    Run any = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
    Claimant bare = Claimant.named("bare");
    Claimant halfway =
        new Claimant(
            "h", "h", null, List.of("linux/amd64"), "", 60_000, Map.of("gpu", "a;b=c", "x", "1"));
    Claimant both =
        new Claimant(
            "b",
            "b",
            null,
            List.of("linux/amd64"),
            "",
            60_000,
            Map.of("zone", "eu", "gpu", "a;b=c", "x", "1"));

    assertThat(queue.claim(halfway).map(c -> c.run().runId())).contains(any.runId());
    assertThat(queue.claim(bare)).isEmpty();
    assertThat(queue.claim(halfway)).isEmpty();
    ClaimedRun claimed = queue.claim(both).orElseThrow();
    assertThat(claimed.run().runId()).isEqualTo(picky.runId());
    assertThat(claimed.run().agentLabels())
        .containsOnly(Map.entry("gpu", "a;b=c"), Map.entry("zone", "eu"));
  }

  @Test
  void claim_pools_runsGoOnlyToAgentsOfTheirPool() {
    Run gpu = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"), "gpu");
    Run plain = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
    Claimant gpuAgent = new Claimant("g", "g", "gpu", List.of("linux/amd64"), "", 60_000);

    assertThat(queue.claim(gpuAgent).orElseThrow().run().runId()).isEqualTo(gpu.runId());
    assertThat(queue.claim(gpuAgent)).isEmpty();
    assertThat(queue.claim(Claimant.named("d")).orElseThrow().run().runId())
        .isEqualTo(plain.runId());
  }

  @Test
  void appendLog_batchSentAgainOrOutOfPlace_isStoredOnce() {
    Run run = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
    queue.claim(Claimant.named("a"));
    StringBuilder log = new StringBuilder();

    assertThat(append("a", run, 1, 0, "one\n", log)).isEqualTo(LogAppend.APPENDED);
    assertThat(append("a", run, 1, 0, "one\n", log)).isEqualTo(LogAppend.DUPLICATE);
    assertThat(append("a", run, 3, 9, "three\n", log)).isEqualTo(LogAppend.GAP);
    assertThat(append("b", run, 2, 4, "two\n", log)).isEqualTo(LogAppend.NOT_YOURS);
    assertThat(append("a", run, 2, 4, "two\n", log)).isEqualTo(LogAppend.APPENDED);
    assertThat(log).hasToString("one\ntwo\n");
    assertThat(queue.logSeq(run.runId())).isEqualTo(2);
  }

  @Test
  void appendLog_storedButNotNumberedBeforeAStop_isADuplicate() {
    Run run = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
    queue.claim(Claimant.named("a"));
    // the server stored the batch, then stopped before recording its number
    StringBuilder log = new StringBuilder("one\n");

    assertThat(append("a", run, 1, 0, "one\n", log)).isEqualTo(LogAppend.DUPLICATE);
    assertThat(log).hasToString("one\n");
    assertThat(queue.logSeq(run.runId())).isEqualTo(1);
  }

  private LogAppend append(
      String agent, Run run, long seq, long offset, String lines, StringBuilder log) {
    return queue.appendLog(
        agent,
        run.runId(),
        seq,
        offset,
        lines.length(),
        () -> log.length(),
        () -> log.append(lines));
  }

  @Test
  void cancel_queuedRun_endsAtOnceAndActiveRunIsFlagged() {
    Run active = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
    Run waiting = queue.enqueue(RunType.QuickRun, null, RunTrigger.MANUAL, RunSpec.inline("x"));
    queue.claim(Claimant.named("a"));

    assertThat(queue.cancel(waiting.runId()).orElseThrow().status()).isEqualTo(RunStatus.Canceled);
    assertThat(queue.cancel(active.runId()).orElseThrow().status()).isEqualTo(RunStatus.Started);
    assertThat(queue.cancelRequested("a")).containsExactly(active.runId());
    assertThat(queue.cancel("ca99")).isEmpty();
  }
}
