package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.testing.DockerTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C (or SIGTERM) on the packaged {@code bin/wharf}: the run stops and leaves nothing on the
 * engine.
 */
@DockerTest
class RunSignalIT {

  @TempDir Path dir;
  @TempDir Path processTemp;

  @AfterAll
  static void nothingLeft(DockerClient client) {
    RunLeftovers.assertNone(client);
  }

  @ParameterizedTest
  @CsvSource({"INT, 130", "TERM, 143"})
  void signal_midRun_removesEveryContainerNetworkAndVolume(
      String signal, int exitStatus, DockerClient client) throws Exception {
    Files.writeString(
        dir.resolve("acb.yaml"),
        """
        networks:
          - name: extra
        volumes:
          - name: creds
            secret:
              token: c2VjcmV0LWJ5dGVz
        steps:
          - id: daemon
            cmd: wharf-test/busybox sleep 300
            detach: true
          - id: kept
            cmd: wharf-test/busybox true
            keep: true
          - id: long
            cmd: wharf-test/busybox sleep 300
            network: extra
            volumeMounts:
              - name: creds
                mountPath: /run/creds
          - id: never
            cmd: wharf-test/busybox true
        """);
    String id = CliRun.newId();
    Process wharf =
        WharfProcess.builder(processTemp, List.of("run", "-f", "acb.yaml", "--id", id, "."))
            .directory(dir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread reader = drain(wharf.getErrorStream(), err);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!runningLongStep(client, id) && System.nanoTime() < deadline && wharf.isAlive()) {
        Thread.sleep(100);
      }
      assertThat(runningLongStep(client, id)).as(text(err)).isTrue();
      assertThat(RunLeftovers.of(client, id::equals))
          .as("what the run created before the signal")
          .anyMatch(r -> r.startsWith("network"))
          .anyMatch(r -> r.startsWith("volume"))
          .filteredOn(r -> r.startsWith("container"))
          .hasSizeGreaterThanOrEqualTo(3);

      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(wharf.pid())).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

      assertThat(wharf.waitFor(60, TimeUnit.SECONDS)).as(text(err)).isTrue();
      reader.join(10_000);
      assertThat(wharf.exitValue()).as(text(err)).isEqualTo(exitStatus);
      assertThat(RunLeftovers.of(client, id::equals)).as(text(err)).isEmpty();
      assertThat(text(err)).doesNotContain("Executing step ID: never");
    } finally {
      if (wharf.isAlive()) {
        wharf.destroyForcibly();
      }
    }
  }

  @Test
  void sigint_duringSetup_removesWhatTheRunCreatedSoFar(DockerClient client) throws Exception {
    Files.writeString(
        dir.resolve("acb.yaml"),
        """
        networks:
          - name: extra
            isDefault: true
        volumes:
          - name: creds
            secret:
              token: c2VjcmV0LWJ5dGVz
        steps:
          - id: never
            cmd: wharf-test/busybox true
        """);
    String id = CliRun.newId();
    Process wharf =
        WharfProcess.builder(processTemp, List.of("run", "-f", "acb.yaml", "--id", id, "."))
            .directory(dir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread reader = drain(wharf.getErrorStream(), err);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!text(err).contains("Creating Docker network") && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      new ProcessBuilder("kill", "-INT", Long.toString(wharf.pid())).start().waitFor();

      assertThat(wharf.waitFor(60, TimeUnit.SECONDS)).as(text(err)).isTrue();
      reader.join(10_000);
      assertThat(wharf.exitValue()).as(text(err)).isEqualTo(130);
      assertThat(RunLeftovers.of(client, id::equals)).as(text(err)).isEmpty();
      assertThat(text(err)).doesNotContain("Executing step ID: never");
    } finally {
      if (wharf.isAlive()) {
        wharf.destroyForcibly();
      }
    }
  }

  private static boolean runningLongStep(DockerClient client, String runId) {
    return !client
        .listContainersCmd()
        .withLabelFilter(List.of(ContainerEngine.RUN_ID_LABEL + "=" + runId))
        .withNameFilter(List.of(runId + "-long"))
        .exec()
        .isEmpty();
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream sink) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                  synchronized (sink) {
                    sink.write(buffer, 0, n);
                  }
                }
              } catch (IOException e) {
                // The process ended.
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String text(ByteArrayOutputStream sink) {
    synchronized (sink) {
      return sink.toString(StandardCharsets.UTF_8);
    }
  }
}
