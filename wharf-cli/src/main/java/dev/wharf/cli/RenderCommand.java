package dev.wharf.cli;

import picocli.CommandLine.Command;

/** {@code wharf render}: the task file after aliases and templates, exactly as it will run. */
@Command(
    name = "render",
    header = "Print the task file after aliases and templates.",
    description = {
      "Prints the task file after alias preprocessing (version v1.1.0 and later) and Go-template"
          + " rendering with the values and run flags, exactly, adding no newline."
    },
    footer = {
      "",
      "Examples:",
      "  wharf render -f acb.yaml --values values.yaml --set tag=v2 --id run1 -r myreg.io",
      "",
      "Exit status: 0 rendered, 2 bad input (file, values, template)."
    })
final class RenderCommand extends TaskCommand {

  @Override
  int run(TaskInput input) throws BadInputException {
    TaskInput.TaskFile file = input.read(main.workingDirectory(), System.in);
    String text = input.render(file, input.runInfo(options.id, "", null, null)).text();
    out().print(text);
    out().flush();
    return 0;
  }
}
