package dev.wharf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingListenerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final RecordingListener downstream = new RecordingListener();
  private final MaskingListener listener =
      new MaskingListener(new SecretMasker(List.of("hunter22", "abc")), downstream);

  @Test
  void onEvent_logSplitAcrossChunks_isMaskedAndFlushedBeforeTheStepFinishes() {
    listener.onEvent(new RunEvent.StepLog("a", RunEvent.Stream.STDOUT, "pw=hun"));
    listener.onEvent(new RunEvent.StepLog("a", RunEvent.Stream.STDOUT, "ter22 ok\nhun"));
    listener.onEvent(
        new RunEvent.StepFinished(
            new StepResult("a", StepStatus.FAILED, T0, T0, 1, "bad hunter22", List.of())));

    List<RunEvent> events = downstream.events();
    assertThat(events)
        .containsExactly(
            new RunEvent.StepLog("a", RunEvent.Stream.STDOUT, "pw="),
            new RunEvent.StepLog("a", RunEvent.Stream.STDOUT, "*** ok\n"),
            new RunEvent.StepLog("a", RunEvent.Stream.STDOUT, "hun"),
            new RunEvent.StepFinished(
                new StepResult("a", StepStatus.FAILED, T0, T0, 1, "bad ***", List.of())));
  }

  @Test
  void onEvent_streamsOfDifferentSteps_areMaskedSeparately() {
    listener.onEvent(new RunEvent.StepLog("a", RunEvent.Stream.STDOUT, "hunt"));
    listener.onEvent(new RunEvent.StepLog("b", RunEvent.Stream.STDOUT, "er22\n"));
    listener.onEvent(new RunEvent.StepFinished(StepResult.skipped("a")));

    assertThat(downstream.events())
        .containsExactly(
            new RunEvent.StepLog("b", RunEvent.Stream.STDOUT, "er22\n"),
            new RunEvent.StepLog("a", RunEvent.Stream.STDOUT, "hunt"),
            new RunEvent.StepFinished(StepResult.skipped("a")));
  }

  @Test
  void onEvent_messagesDependenciesAndRunErrors_areMasked() {
    listener.onEvent(new RunEvent.Message("Logging in with hunter22"));
    listener.onEvent(new RunEvent.Dependencies(List.of(), "[{\"tag\":\"hunter22\"}]"));
    listener.onEvent(
        new RunEvent.RunFinished(
            new RunResult(
                "r",
                RunStatus.FAILED,
                T0,
                T0,
                List.of(new StepResult("a", StepStatus.FAILED, T0, T0, 1, "hunter22", List.of())),
                "failed to run step ID: a: hunter22")));

    List<RunEvent> events = downstream.events();
    assertThat(events.get(0)).isEqualTo(new RunEvent.Message("Logging in with ***"));
    assertThat(events.get(1))
        .isEqualTo(new RunEvent.Dependencies(List.of(), "[{\"tag\":\"***\"}]"));
    RunResult result = ((RunEvent.RunFinished) events.get(2)).result();
    assertThat(result.error()).isEqualTo("failed to run step ID: a: ***");
    assertThat(result.steps().get(0).error()).isEqualTo("***");
  }

  @Test
  void onEvent_runStartedWithShortSecrets_warnsOnce() {
    listener.onEvent(new RunEvent.RunStarted("r", List.of("a")));

    assertThat(downstream.messages()).singleElement().asString().startsWith("WARNING: 1 secret");
  }

  @Test
  void onEvent_stepStarted_isPassedOn() {
    RunEvent.StepStarted started =
        new RunEvent.StepStarted("a", Duration.ofSeconds(600), "src", "net", false);

    listener.onEvent(started);

    assertThat(downstream.events()).containsExactly(started);
  }
}
