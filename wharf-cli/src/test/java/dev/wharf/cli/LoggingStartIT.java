package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.source.FileHttpServer;
import dev.wharf.engine.source.Tarballs;
import dev.wharf.engine.testing.DockerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging starts once, before any thread, in every {@code wharf} process: started from two threads
 * at once (fetching a tarball context while connecting to the engine), SLF4J handed one of them a
 * stand-in logger that said DEBUG was on, so runs failed with a false "DEBUG logging is on for
 * org.apache.hc…" and printed warnings about "replayed" calls. Only a fresh process shows it.
 */
@DockerTest
class LoggingStartIT {

  private static final int RUNS = 6;

  @TempDir Path temp;

  @Test
  void runOnATarballUrl_manyFreshProcesses_noFalseLoggingErrorAndNoSlf4jWarning() throws Exception {
    try (FileHttpServer server = new FileHttpServer()) {
      byte[] tar =
          new Tarballs()
              .file("acb.yaml", "steps:\n  - cmd: wharf-test/busybox echo fetched\n", 0644)
              .bytes();
      String url = server.serve("/logging.tar.gz", Tarballs.compress(tar, GZIPOutputStream::new));

      // all at once: each process waits mostly on the engine, and a loaded machine makes the
      // threads of each start race harder, not less
      List<Process> processes = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        processes.add(
            WharfProcess.builder(temp, List.of("run", "--id", WharfInProcess.newRunId(), url))
                .redirectOutput(temp.resolve("out-" + i + ".txt").toFile())
                .redirectError(temp.resolve("err-" + i + ".txt").toFile())
                .start());
      }
      // every process ends before the first assertion, so that a failure leaves none running
      List<Boolean> ended = new ArrayList<>();
      for (Process process : processes) {
        ended.add(process.waitFor(120, TimeUnit.SECONDS));
      }
      for (int i = 0; i < RUNS; i++) {
        Process process = processes.get(i);
        assertThat(ended.get(i)).as("run %d ended", i).isTrue();
        String out = Files.readString(temp.resolve("out-" + i + ".txt"));
        String err = Files.readString(temp.resolve("err-" + i + ".txt"));

        assertThat(process.exitValue()).as("run %d: %s%s", i, out, err).isZero();
        assertThat(out).contains("fetched");
        assertThat(err).as("run %d", i).doesNotContain("SLF4J", "DEBUG logging is on");
      }
    }
  }
}
