package dev.wharf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunFailedExceptionTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static StepResult step(String id, StepStatus status, String error) {
    return new StepResult(id, status, T0, T0.plusSeconds(1), 1, error, List.of());
  }

  @Test
  void constructor_twoFailedSteps_keepsEveryFailureAsSuppressed() {
    RunResult result =
        new RunResult(
            "r1",
            RunStatus.FAILED,
            T0,
            T0.plusSeconds(2),
            List.of(
                step("a", StepStatus.FAILED, "exit status 1"),
                step("b", StepStatus.TIMED_OUT, "timed out"),
                step("c", StepStatus.IGNORED_FAILURE, "exit status 2"),
                StepResult.skipped("d")),
            "failed to run step ID: a: exit status 1");

    RunFailedException e = new RunFailedException(result);

    assertThat(e).hasMessage("failed to run step ID: a: exit status 1");
    assertThat(e.getSuppressed())
        .extracting(Throwable::getMessage)
        .containsExactly(
            "failed to run step ID: a: exit status 1", "failed to run step ID: b: timed out");
    assertThat(e.result()).isSameAs(result);
  }
}
