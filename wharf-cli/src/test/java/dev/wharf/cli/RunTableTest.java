package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.Run;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTableTest {
  private static final Instant START = Instant.parse("2026-11-24T15:00:00.250Z");

  private static Run run(String id, RunStatus status, Instant finish) {
    return run(id, status, finish, RunType.AutoRun, "hello-task");
  }

  private static Run run(String id, RunStatus status, Instant finish, RunType type, String task) {
    return new Run(
        id,
        status,
        type,
        task,
        "Manual",
        "linux/amd64",
        3600,
        START,
        START,
        finish,
        finish,
        "agent",
        null,
        null,
        null,
        null,
        false,
        null,
        "default",
        RunTrigger.MANUAL,
        null);
  }

  @Test
  void runs_finishedAndRunning_alignsColumnsUnderTheirRule() {
    String table =
        RunTable.runs(
            List.of(
                run("wa10", RunStatus.Running, null),
                run("wa9", RunStatus.Succeeded, START.plusSeconds(3725))));

    assertThat(table.lines())
        .containsExactly(
            "RUN ID  TASK        PLATFORM     STATUS     TRIGGER  STARTED               DURATION",
            "------  ----------  -----------  ---------  -------  --------------------  --------",
            "wa10    hello-task  linux/amd64  Running    Manual   2026-11-24T15:00:00Z",
            "wa9     hello-task  linux/amd64  Succeeded  Manual   2026-11-24T15:00:00Z  01:02:05");
  }

  @Test
  void runs_quickRun_showsItsTypeInTheTaskColumn() {
    String table =
        RunTable.runs(List.of(run("wa3", RunStatus.Queued, null, RunType.QuickRun, null)));

    assertThat(table.lines().skip(2).findFirst().orElseThrow()).startsWith("wa3     (QuickRun)  ");
  }

  @Test
  void duration_notFinished_isEmpty() {
    assertThat(RunTable.duration(START, null)).isEmpty();
  }

  @Test
  void triggerDetails_ofEachKind_sayWhatStartedTheRun() {
    assertThat(RunTable.triggerDetails(RunTrigger.MANUAL)).isEmpty();
    assertThat(
            RunTable.triggerDetails(
                new RunTrigger.Source(
                    "github", "pullrequest", "https://git.example/app", "fix", "ab12", 7L)))
        .containsExactly(
            "Trigger:        Pull Request (github, pullrequest)",
            "Repository:     https://git.example/app",
            "Branch:         fix",
            "Commit:         ab12",
            "Pull request:   7");
    assertThat(
            RunTable.triggerDetails(
                new RunTrigger.Timer("t1", Instant.parse("2026-12-02T21:00:00Z"))))
        .containsExactly("Trigger:        Timer t1, occurrence 2026-12-02T21:00:00Z");
    assertThat(
            RunTable.triggerDetails(
                new RunTrigger.ImageUpdate("reg.io/base:1", "sha256:aa", "sha256:bb")))
        .containsExactly(
            "Trigger:        Image Update of reg.io/base:1",
            "Digest:         sha256:aa -> sha256:bb");
  }
}
