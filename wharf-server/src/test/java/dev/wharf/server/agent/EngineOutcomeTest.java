package dev.wharf.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.OutputImage;
import dev.wharf.api.RunStatus;
import dev.wharf.api.StepTiming;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.StepResult;
import dev.wharf.engine.StepStatus;
import dev.wharf.task.TaskLoader;
import dev.wharf.task.docker.ImageDependencies;
import dev.wharf.task.docker.ImageReference;
import dev.wharf.task.graph.StepGraph;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineOutcomeTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static StepGraph graph(String taskText) throws Exception {
    return new TaskLoader(TaskLoader.Options.defaults()).load(taskText, "acb.yaml").graph();
  }

  @Test
  void of_dependencyReport_givesPushedImagesAndBaseImages() throws Exception {
    RunResult result =
        new RunResult(
            "wa1",
            dev.wharf.engine.RunStatus.SUCCESSFUL,
            T0,
            T0.plusSeconds(3),
            List.of(
                new StepResult(
                    "build", StepStatus.SUCCESSFUL, T0, T0.plusSeconds(2), 1, null, List.of())),
            null);
    List<ImageDependencies> report =
        List.of(
            new ImageDependencies(
                new ImageReference("r:5000", "app", "1", "sha256:aa", "r:5000/app:1"),
                new ImageReference("r:5000", "base", "2", "sha256:bb", "r:5000/base:2"),
                List.of(),
                ""));

    RunOutcome outcome =
        EngineOutcome.of(result, report, graph("steps:\n  - id: build\n    cmd: busybox true\n"));

    assertThat(outcome.status()).isEqualTo(RunStatus.Succeeded);
    assertThat(outcome.outputImages())
        .containsExactly(new OutputImage("r:5000", "app", "1", "sha256:aa"));
    assertThat(outcome.dependencies())
        .containsExactly(new BaseImageDependency("r:5000", "base", "2", "sha256:bb", "RunTime"));
    assertThat(outcome.steps()).containsExactly(new StepTiming("build", "successful", 2.0));
  }

  @Test
  void of_stepsWithWhen_recordEachStepsDependencies() throws Exception {
    RunResult result =
        new RunResult(
            "wa1",
            dev.wharf.engine.RunStatus.SUCCESSFUL,
            T0,
            T0.plusSeconds(3),
            List.of(
                new StepResult(
                    "a", StepStatus.SUCCESSFUL, T0, T0.plusSeconds(1), 1, null, List.of()),
                new StepResult(
                    "b", StepStatus.SUCCESSFUL, T0, T0.plusSeconds(1), 1, null, List.of()),
                new StepResult(
                    "c", StepStatus.SUCCESSFUL, T0, T0.plusSeconds(2), 1, null, List.of())),
            null);
    StepGraph graph =
        graph(
            "steps:\n  - id: a\n    cmd: busybox true\n"
                + "  - id: b\n    cmd: busybox true\n    when: ['-']\n"
                + "  - id: c\n    cmd: busybox true\n    when: [a, b]\n");

    RunOutcome outcome = EngineOutcome.of(result, List.of(), graph);

    assertThat(outcome.steps())
        .containsExactly(
            new StepTiming("a", "successful", 1.0),
            new StepTiming("b", "successful", 1.0),
            new StepTiming("c", "successful", 2.0, List.of("a", "b")));
  }

  @Test
  void status_timedOut_isTimeout() {
    assertThat(EngineOutcome.status(dev.wharf.engine.RunStatus.TIMED_OUT))
        .isEqualTo(RunStatus.Timeout);
  }
}
