package dev.wharf.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf validate}: render, decode, validate and plan a task file without running it. */
@Command(
    name = "validate",
    header = "Check a task file without running it.",
    description = {
      "Checks a task file as 'wharf run' would, without running anything: rendering, YAML,"
          + " every property, build and cmd flags, and the step graph. Prints 'valid: N steps';"
          + " warnings (unknown keys) go to stderr."
    },
    footer = {
      "",
      "Examples:",
      "  wharf validate -f acb.yaml --strict",
      "",
      "Exit status: 0 valid, 2 invalid (the error names the file, line and column)."
    })
final class ValidateCommand extends TaskCommand {

  @Option(names = "--strict", description = "Treat warnings (such as unknown keys) as errors.")
  boolean strict;

  @Override
  int run(TaskInput input) throws BadInputException {
    out().println(plan(input, strict).validSummary());
    return 0;
  }
}
