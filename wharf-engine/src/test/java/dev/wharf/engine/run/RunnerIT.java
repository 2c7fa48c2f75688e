package dev.wharf.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.testing.DockerTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DockerTest
class RunnerIT {
  private static final String BUSYBOX = "wharf-test/busybox";

  private TaskRunner runner;

  @BeforeEach
  void setUp(ContainerEngine engine) {
    runner = new TaskRunner(engine);
  }

  @Test
  void run_sequentialSteps_runInOrderAndShareTheWorkspace() throws Exception {
    var outcome =
        runner
            .files(Map.of("hello.txt", "from the context\n"))
            .run(
                """
                steps:
                  - cmd: %s sh -c "cat hello.txt; echo one > f.txt"
                  - cmd: %s sh -c "cat f.txt; echo two"
                """
                    .formatted(BUSYBOX, BUSYBOX));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.out()).isEqualTo("from the context\none\ntwo\n");
  }
}
