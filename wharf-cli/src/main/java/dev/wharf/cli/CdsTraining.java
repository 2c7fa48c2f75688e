package dev.wharf.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
    Path dir = Files.createTempDirectory("wharf-cds");
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
          new String[][] {{"--version"}, {"--help"}, {"version"}, {"scan", "."}, {"nope"}}) {
        Main.execute(line, sink, sink, dir);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(CdsTraining::delete);
      }
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
