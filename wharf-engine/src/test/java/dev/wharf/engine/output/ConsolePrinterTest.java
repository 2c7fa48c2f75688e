package dev.wharf.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.MaskingListener;
import dev.wharf.engine.RunEvent;
import dev.wharf.engine.RunListener;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.RunStatus;
import dev.wharf.engine.Scheduler;
import dev.wharf.engine.SecretMasker;
import dev.wharf.engine.StepAction;
import dev.wharf.engine.StepJob;
import dev.wharf.engine.StepOutcome;
import dev.wharf.engine.StepResult;
import dev.wharf.engine.StepStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsolePrinterTest {
  private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");
  private static final String STAMP = "2026/03/04 05:06:07 ";
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ConsolePrinter printer = printer(false);

  private ConsolePrinter printer(boolean colour) {
    return new ConsolePrinter(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Clock.fixed(T0, ZoneOffset.UTC),
        colour);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private List<String> errLines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static RunEvent.StepStarted started(String id, boolean detach) {
    return new RunEvent.StepStarted(id, Duration.ofSeconds(600), "", "", detach);
  }

  private static RunEvent.StepLog stdout(String id, String text) {
    return new RunEvent.StepLog(id, RunEvent.Stream.STDOUT, text);
  }

  private static StepResult step(String id, StepStatus status, long millis, List<String> digests) {
    return new StepResult(id, status, T0, T0.plusMillis(millis), 1, null, digests);
  }

  @Test
  void onEvent_stepStarted_printsAcbsExecutingLine() {
    printer.onEvent(
        new RunEvent.StepStarted("build", Duration.ofSeconds(30), "src", "net1", false));

    assertThat(errLines())
        .containsExactly(
            STAMP
                + "Executing step ID: build. Timeout(sec): 30, Working directory: 'src', Network:"
                + " 'net1'");
  }

  @Test
  void onEvent_message_printsATimestampedLine() {
    printer.onEvent(new RunEvent.Message("Launching container with name: build"));

    assertThat(errLines()).containsExactly(STAMP + "Launching container with name: build");
  }

  @Test
  void onEvent_logOfTheOnlyRunningStep_isStreamedAsIsToStdoutFromBothStreams() {
    printer.onEvent(started("a", false));
    printer.onEvent(stdout("a", "hel"));
    printer.onEvent(stdout("a", "lo\n"));
    printer.onEvent(new RunEvent.StepLog("a", RunEvent.Stream.STDERR, "warn\n"));

    assertThat(out()).isEqualTo("hello\nwarn\n");
    assertThat(errLines()).noneMatch(line -> line.contains("warn"));
  }

  @Test
  void onEvent_logsOfStepsRunningAtOnce_arePrefixedWholeLines() {
    printer.onEvent(started("a", false));
    printer.onEvent(started("b", false));
    printer.onEvent(stdout("a", "one\ntw"));
    printer.onEvent(stdout("b", "three\n"));
    printer.onEvent(stdout("a", "o\n"));
    printer.onEvent(stdout("a", "unfinished"));
    printer.onEvent(new RunEvent.StepFinished(step("a", StepStatus.SUCCESSFUL, 0, List.of())));
    printer.onEvent(stdout("b", "alone\n"));

    assertThat(out()).isEqualTo("[a] one\n[b] three\n[a] two\n[a] unfinished\nalone\n");
  }

  @Test
  void onEvent_detachedStep_isNotStreamedAndDoesNotCauseAPrefix() {
    printer.onEvent(started("db", true));
    printer.onEvent(started("a", false));
    printer.onEvent(stdout("db", "ready\n"));
    printer.onEvent(stdout("a", "hi\n"));

    assertThat(out()).isEqualTo("hi\n");
  }

  @Test
  void onEvent_runSucceeded_printsSummaryDependenciesTableAndFinalLine() {
    printer.onEvent(new RunEvent.Dependencies(List.of(), "[{\"image\":{}}]"));
    printer.onEvent(
        new RunEvent.RunFinished(
            new RunResult(
                "cf1",
                RunStatus.SUCCESSFUL,
                T0,
                T0.plusMillis(2600),
                List.of(
                    step("build", StepStatus.SUCCESSFUL, 1500, List.of("sha256:abc")),
                    step("test", StepStatus.IGNORED_FAILURE, 250, List.of())),
                null)));

    assertThat(errLines())
        .containsExactly(
            STAMP + "Step ID: build marked as successful (elapsed time in seconds: 1.500000)",
            STAMP + "Step ID: test marked as successful (elapsed time in seconds: 0.250000)",
            STAMP + "The following dependencies were found:",
            STAMP,
            "[{\"image\":{}}]",
            "STEP   STATUS            DURATION  DIGESTS",
            "build  successful        1.5s      sha256:abc",
            "test   failed (ignored)  0.3s",
            STAMP + "Run ID: cf1 was successful after 3s");
  }

  @Test
  void onEvent_runFailed_printsFailedAndSkippedStepsAndTheError() {
    printer.onEvent(
        new RunEvent.RunFinished(
            new RunResult(
                "cf2",
                RunStatus.FAILED,
                T0,
                T0.plusSeconds(4),
                List.of(
                    new StepResult(
                        "a",
                        StepStatus.FAILED,
                        T0,
                        T0.plusSeconds(1),
                        1,
                        "exit status 1",
                        List.of()),
                    StepResult.skipped("b")),
                "failed to run step ID: a: exit status 1")));

    assertThat(errLines())
        .startsWith(
            STAMP + "Step ID: a marked as failed (elapsed time in seconds: 1.000000)",
            STAMP + "Step ID: b marked as skipped (elapsed time in seconds: 0.000000)")
        .endsWith(
            STAMP + "Run ID: cf2 failed after 4s. Error: failed to run step ID: a: exit status 1");
  }

  @Test
  void onEvent_withoutColour_printsNoEscapeCodes() {
    printer.onEvent(
        new RunEvent.RunFinished(
            new RunResult(
                "r",
                RunStatus.SUCCESSFUL,
                T0,
                T0,
                List.of(step("a", StepStatus.SUCCESSFUL, 0, List.of())),
                null)));

    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b[");
  }

  @Test
  void onEvent_withColour_coloursStatuses() {
    printer(true)
        .onEvent(
            new RunEvent.RunFinished(
                new RunResult(
                    "r",
                    RunStatus.SUCCESSFUL,
                    T0,
                    T0,
                    List.of(step("a", StepStatus.SUCCESSFUL, 0, List.of())),
                    null)));

    assertThat(errLines())
        .contains("a     \u001b[32msuccessful\u001b[0m  0.0s")
        .last()
        .asString()
        .contains("\u001b[32mRun ID: r was successful after 0s\u001b[0m");
  }

  @Test
  void onEvent_scheduledRunBehindTheMasker_printsAcbLinesInOrderWithoutTheSecret()
      throws Exception {
    StepAction talker =
        (context, attempt) -> {
          context.output(RunEvent.Stream.STDOUT, "token s3cr3t-value\n");
          return StepOutcome.success();
        };
    RunListener listener = new MaskingListener(new SecretMasker(List.of("s3cr3t-value")), printer);
    Scheduler scheduler = new Scheduler(listener, Clock.fixed(T0, ZoneOffset.UTC));

    RunResult result =
        scheduler.run(
            "r9",
            List.of(
                StepJob.of("a", Set.of(), talker),
                StepJob.of(
                        "b",
                        Set.of("a"),
                        (context, attempt) -> StepOutcome.failure("exit status 2"))
                    .withIgnoreErrors(true)));
    listener.onEvent(new RunEvent.RunFinished(result));

    assertThat(out()).isEqualTo("token ***\n");
    assertThat(errLines())
        .startsWith(
            STAMP + "Executing step ID: a. Timeout(sec): 600, Working directory: '', Network: ''",
            STAMP + "Launching container with name: a",
            STAMP + "Successfully executed container: a",
            STAMP + "Executing step ID: b. Timeout(sec): 600, Working directory: '', Network: ''",
            STAMP + "Launching container with name: b",
            STAMP + "Container failed during run: b. No retries remaining.",
            STAMP
                + "Step ID: b encountered an error: exit status 2, but is set to ignore errors."
                + " Continuing...",
            STAMP + "Step ID: a marked as successful (elapsed time in seconds: 0.000000)",
            STAMP + "Step ID: b marked as successful (elapsed time in seconds: 0.000000)")
        .endsWith(STAMP + "Run ID: r9 was successful after 0s");
  }

  @Test
  void useColour_onlyOnATerminalWithoutNoColor() {
    assertThat(ConsolePrinter.useColour(true, Map.of())).isTrue();
    assertThat(ConsolePrinter.useColour(false, Map.of())).isFalse();
    assertThat(ConsolePrinter.useColour(true, Map.of("NO_COLOR", "1"))).isFalse();
    assertThat(ConsolePrinter.useColour(true, Map.of("NO_COLOR", ""))).isTrue();
  }
}
