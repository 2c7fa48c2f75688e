package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Walks the whole command tree: every command and subcommand, including ones added later, answers
 * {@code --help}, {@code -h} and {@code wharf help …} with its usage and examples, exit 0.
 */
class HelpTreeTest {

  @TestFactory
  Stream<DynamicTest> everyCommand_answersHelpWithUsageAndExamples() {
    List<List<String>> paths = new ArrayList<>();
    collect(Main.commandLine(Path.of(".")), new ArrayList<>(), paths);
    assertThat(paths).as("the walk reaches nested subcommands").contains(List.of("task", "create"));
    return paths.stream()
        .flatMap(
            path -> {
              String name = String.join(" ", path);
              return Stream.of(
                  DynamicTest.dynamicTest(name + " --help", () -> assertHelp(path, "--help")),
                  DynamicTest.dynamicTest(name + " -h", () -> assertHelp(path, "-h")),
                  DynamicTest.dynamicTest("help " + name, () -> assertHelpCommand(path)));
            });
  }

  @Test
  void helpOfUnknownSubcommand_isBadInputNamingIt() {
    CliRun run = CliRun.of(Path.of("."), "help", "task", "no-such");
    assertThat(run.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("task no-such").contains("wharf task --help");
  }

  @Test
  void requiredOptions_doNotStandInTheWayOfHelp() {
    CliRun run = CliRun.of(Path.of("."), "task", "create", "--help");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("Usage: wharf task create ");
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
    for (var e : command.getSubcommands().entrySet()) {
      if (!e.getKey().equals(e.getValue().getCommandName())) {
        continue; // an alias of a command already walked
      }
      List<String> sub = new ArrayList<>(path);
      sub.add(e.getKey());
      paths.add(sub);
      collect(e.getValue(), sub, paths);
    }
  }

  private static void assertHelp(List<String> path, String option) {
    List<String> args = new ArrayList<>(path);
    args.add(option);
    assertUsage(path, args);
  }

  private static void assertHelpCommand(List<String> path) {
    List<String> args = new ArrayList<>(List.of("help"));
    args.addAll(path);
    assertUsage(path, args);
  }

  private static void assertUsage(List<String> path, List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.execute(
            args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), Path.of("."));
    String name = "wharf " + String.join(" ", path);
    String report = "wharf " + String.join(" ", args) + "\nstdout:\n" + out + "\nstderr:\n" + err;
    assertThat(exit).as(report).isZero();
    assertThat(err.toString()).as(report).isEmpty();
    assertThat(out.toString()).as(report).contains("Usage: " + name + " ");
    assertThat(out.toString())
        .as("%s\nevery command's help ends with examples of the command itself", report)
        .containsPattern("(?s)Examples?:.*\\R\\s+" + java.util.regex.Pattern.quote(name));
  }
}
