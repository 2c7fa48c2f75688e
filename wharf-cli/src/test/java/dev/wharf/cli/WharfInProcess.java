package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.testing.LocalDocker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Runs the wharf command line in-process as a user in a folder would, capturing what it prints —
 * including what libraries log to the JVM's own stdout and stderr, so that a leaked secret shows.
 */
final class WharfInProcess {

  private WharfInProcess() {}

  /** What one command printed, and its exit status. */
  record Result(int status, String out, String err, String console) {

    /** Everything the command printed, on any stream. */
    String all() {
      return out + err + console;
    }

    /** The whole result, for assertion messages. */
    String report() {
      return "status "
          + status
          + "\nstdout:\n"
          + out
          + "\nstderr:\n"
          + err
          + "\nconsole:\n"
          + console;
    }
  }

  static Result run(Path folder, String... args) {
    return runWithStdin(folder, "", args);
  }

  /** Runs {@code wharf ARGS} in {@code folder} with {@code stdin} as standard input. */
  static synchronized Result runWithStdin(Path folder, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    InputStream originalIn = System.in;
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    int status;
    try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(capture);
      System.setErr(capture);
      status = Main.execute(args, new PrintWriter(out), new PrintWriter(err), folder);
    } finally {
      System.setIn(originalIn);
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    return new Result(
        status, out.toString(), err.toString(), console.toString(StandardCharsets.UTF_8));
  }

  /** A run id no other run uses, for {@code --id}. */
  static String newRunId() {
    String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    SecureRandom random = new SecureRandom();
    StringBuilder id = new StringBuilder("it");
    for (int i = 0; i < 8; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }

  /** Asserts that the run left no container, network or volume on the engine. */
  static void assertNothingLeft(LocalDocker docker, String runId) throws EngineException {
    assertThat(docker.engine().listByLabel(ContainerEngine.RUN_ID_LABEL, runId).isEmpty())
        .as("containers, networks and volumes labelled %s=%s", ContainerEngine.RUN_ID_LABEL, runId)
        .isTrue();
  }
}
