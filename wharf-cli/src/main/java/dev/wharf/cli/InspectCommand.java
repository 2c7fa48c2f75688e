package dev.wharf.cli;

import dev.wharf.task.InspectWriter;
import dev.wharf.task.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf inspect}: every step with every property resolved, as JSON or YAML. */
@Command(
    name = "inspect",
    header = "Print every step with every property resolved.",
    description = {
      "Prints the task after rendering, defaults and validation: every step with every property"
          + " resolved (timeouts, working directory, merged env, parents in 'after', parsed build"
          + " strings). Secret values print as ***."
    },
    footer = {
      "",
      "Examples:",
      "  wharf inspect -f acb.yaml -o json | jq '.steps[].after'",
      "",
      "Exit status: 0 printed, 2 bad input."
    })
final class InspectCommand extends TaskCommand {

  enum Format {
    json,
    yaml
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "json (default) or yaml.")
  Format format = Format.json;

  @Override
  int run(TaskInput input) throws BadInputException {
    Plan plan = plan(input, false);
    out().println(format == Format.json ? InspectWriter.json(plan) : InspectWriter.yaml(plan));
    return 0;
  }
}
