package dev.wharf.cli;

import dev.wharf.task.graph.GraphWriter;
import dev.wharf.task.graph.StepGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf graph}: the step graph, for people or for Graphviz, Mermaid and scripts. */
@Command(
    name = "graph",
    header = "Print the step graph (text, dot, mermaid, json).",
    description = {
      "Prints the task's step graph: which steps wait for which ('when'), and so which run in"
          + " parallel."
    },
    footer = {
      "",
      "Examples:",
      "  wharf graph -f acb.yaml",
      "  wharf graph -f acb.yaml -o dot | dot -Tsvg > steps.svg",
      "",
      "Exit status: 0 printed, 2 bad input."
    })
final class GraphCommand extends TaskCommand {

  enum Format {
    text,
    dot,
    mermaid,
    json
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default), dot, mermaid or json.")
  Format format = Format.text;

  @Override
  int run(TaskInput input) throws BadInputException {
    StepGraph graph = plan(input, false).graph();
    String picture =
        switch (format) {
          case text -> GraphWriter.text(graph);
          case dot -> GraphWriter.dot(graph);
          case mermaid -> GraphWriter.mermaid(graph);
          case json -> GraphWriter.json(graph);
        };
    out().print(picture.endsWith("\n") ? picture : picture + "\n");
    return 0;
  }
}
