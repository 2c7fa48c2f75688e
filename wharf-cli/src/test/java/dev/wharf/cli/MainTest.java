package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void version_printsTheBuildVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).matches("wharf \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
  }

  @Test
  void help_listsCommandsAndExitStatuses() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: wharf", "version", "Exit status");
  }

  @Test
  void unknownCommand_exitsWithBadInputAndSaysWhatToDo() {
    assertThat(run("no-such-command")).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(err.toString()).contains("no-such-command").contains("wharf --help");
  }
}
