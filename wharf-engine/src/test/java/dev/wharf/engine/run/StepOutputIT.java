package dev.wharf.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.RunEvent;
import dev.wharf.engine.RunListener;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.socket.EngineAccess;
import dev.wharf.engine.step.BuildCacheScope;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.engine.testing.Tar;
import dev.wharf.task.Plan;
import dev.wharf.task.TaskLoader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** A step's output reaches the run's listeners whole, however much of it there is. */
@DockerTest
class StepOutputIT {

  private static final int LINES = 1_000_000;
  private static final String LINE = "0123456789".repeat(9) + "abcdefghi"; // 99 chars + newline

  /**
   * A step writing 100 MB at full speed, read by a listener that is slower than the step (as a
   * server's log store writing to disk is): every byte and the last line arrive. A log follower
   * lagging behind a fast writer lost the end of the output when the container exited.
   */
  @Test
  void run_stepPrinting100MegabytesToASlowReader_deliversEveryByteAndTheLastLine(
      ContainerEngine engine) throws Exception {
    String yaml =
        "steps:\n  - cmd: "
            + LocalDocker.BUSYBOX
            + " sh -c \"yes "
            + LINE
            + " | head -n "
            + LINES
            + "; echo last-line-of-the-step\"\n";
    Plan plan = new TaskLoader(TaskLoader.Options.defaults()).load(yaml, "acb.yaml");
    CountingListener counted = new CountingListener();
    String runId = "tout" + UUID.randomUUID().toString().substring(0, 8);

    RunResult result =
        new Runner(engine, Clock.systemUTC())
            .run(
                new RunRequest(
                    runId,
                    plan,
                    () -> Tar.ofText(Map.of()),
                    List.of(),
                    counted,
                    0,
                    Duration.ofMinutes(2),
                    "",
                    EngineAccess.NONE,
                    null,
                    BuildCacheScope.NONE));

    assertThat(result.successful()).isTrue();
    assertThat(counted.lines()).isEqualTo(LINES + 1L);
    assertThat(counted.chars()).isEqualTo(LINES * 100L + "last-line-of-the-step\n".length());
    assertThat(counted.tail()).endsWith("\n" + LINE + "\nlast-line-of-the-step\n");
    assertThat(engine.listByLabel(ContainerEngine.RUN_ID_LABEL, runId).isEmpty()).isTrue();
  }

  /** Counts the step's output; pauses a little per chunk to read slower than the step writes. */
  private static final class CountingListener implements RunListener {
    private long lines;
    private long chars;
    private long sincePause;
    private final StringBuilder tail = new StringBuilder();

    @Override
    public synchronized void onEvent(RunEvent event) {
      if (!(event instanceof RunEvent.StepLog log) || log.stream() != RunEvent.Stream.STDOUT) {
        return;
      }
      String text = log.text();
      chars += text.length();
      lines += text.chars().filter(c -> c == '\n').count();
      tail.append(text, Math.max(0, text.length() - 200), text.length());
      if (tail.length() > 400) {
        tail.delete(0, tail.length() - 200);
      }
      sincePause += text.length();
      if (sincePause >= 1 << 20) {
        sincePause = 0;
        LockSupport.parkNanos(Duration.ofMillis(25).toNanos()); // at most ~40 MB/s
      }
    }

    synchronized long lines() {
      return lines;
    }

    synchronized long chars() {
      return chars;
    }

    synchronized String tail() {
      return tail.toString();
    }
  }
}
