package dev.wharf.cli;

import dev.wharf.engine.MaskingListener;
import dev.wharf.engine.RunEvent;
import dev.wharf.engine.RunListener;
import dev.wharf.engine.Scheduler;
import dev.wharf.engine.SecretMasker;
import dev.wharf.engine.StepAction;
import dev.wharf.engine.StepJob;
import dev.wharf.engine.StepOutcome;
import dev.wharf.engine.TempFiles;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.docker.DockerConnection;
import dev.wharf.engine.docker.DockerEngine;
import dev.wharf.engine.output.ConsolePrinter;
import dev.wharf.engine.output.JsonEventPrinter;
import dev.wharf.engine.run.Credentials;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the classes of the everyday commands once, so that the launcher can dump them into the
 * AppCDS archive ({@code -XX:ArchiveClassesAtExit}) that makes later starts fast.
 */
public final class CdsTraining {

  private static final String TASK =
      """
      version: v1.1.0
      alias:
        values:
          say: wharf-test/busybox echo
      steps:
        - id: build
          build: -t $Registry/app:$ID --build-arg A={{.Values.a | default "x" | upper}} .
        - id: test
          cmd: $say {{.Run.ID}} {{ printf "%s-%d" .Values.a 1 }}
          env: ["K={{ .Values.a | quote }}"]
          when: ["build"]
        - push: ["$Registry/app:$ID"]
      """;

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    PrintWriter sink =
        new PrintWriter(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    Path dir = TempFiles.folder("wharf-cds");
    try {
      Files.writeString(dir.resolve("acb.yaml"), TASK);
      Files.writeString(dir.resolve("Dockerfile"), "FROM wharf-test/busybox\nARG A\n");
      String[] flags = {"-f", "acb.yaml", "--set", "a=b", "--id", "cds", "-r", "reg.local"};
      for (String command : new String[] {"render", "validate", "inspect", "graph"}) {
        String[] line = new String[flags.length + 1];
        line[0] = command;
        System.arraycopy(flags, 0, line, 1, flags.length);
        Main.execute(line, sink, sink, dir);
      }
      for (String[] line :
          new String[][] {
            {"--version"},
            {"--help"},
            {"version"},
            {"scan", "."},
            {"nope"},
            {"run", "--dry-run", "-f", "acb.yaml", "--id", "cds", "."}
          }) {
        Main.execute(line, sink, sink, dir);
      }
      runEngineClasses();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(CdsTraining::delete);
      }
    }
  }

  /**
   * Loads what {@code wharf run} loads besides the task language: the scheduler and printers on an
   * in-memory step, Jackson, and docker-java's client up to a failed connection (no engine needed).
   */
  private static void runEngineClasses() {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    RunListener printers =
        RunListener.fanOut(
            List.of(
                new ConsolePrinter(sink, sink, Clock.systemUTC(), false),
                new JsonEventPrinter(sink, Clock.systemUTC())));
    StepAction echo =
        (context, attempt) -> {
          context.output(RunEvent.Stream.STDOUT, "cds\n");
          return StepOutcome.success();
        };
    try {
      new Scheduler(
              new MaskingListener(new SecretMasker(List.of("secret")), printers), Clock.systemUTC())
          .run("cds", List.of(StepJob.of("a", Set.of(), echo), StepJob.of("b", Set.of("a"), echo)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Credentials.parse("{\"registry\": \"r\", \"username\": \"u\", \"password\": \"p\"}");
    try (DockerEngine engine =
        new DockerEngine(DockerConnection.to("unix:///nonexistent/wharf-cds.sock"))) {
      engine.info();
    } catch (EngineException | RuntimeException expected) {
      // The point was loading the client's classes.
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
