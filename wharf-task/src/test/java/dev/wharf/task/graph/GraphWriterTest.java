package dev.wharf.task.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.task.TaskException;
import dev.wharf.task.TaskLoader;
import org.junit.jupiter.api.Test;

class GraphWriterTest {

  private static StepGraph diamond() throws TaskException {
    String yaml =
        GraphFixture.parse("top -> left, right\nleft -> bottom\nright -> bottom").taskYaml();
    return new TaskLoader(TaskLoader.Options.defaults()).load(yaml, "acb.yaml").graph();
  }

  @Test
  void text_listsStepsInRunOrderWithParents() throws TaskException {
    assertThat(GraphWriter.text(diamond()))
        .isEqualTo(
            """
            top     starts at once
            left    after top
            right   after top
            bottom  after left, right
            """);
  }

  @Test
  void dot_hasOneEdgePerDependency() throws TaskException {
    assertThat(GraphWriter.dot(diamond()))
        .startsWith("digraph task {")
        .contains("  \"top\" -> \"left\";\n", "  \"right\" -> \"bottom\";\n")
        .endsWith("}\n");
  }

  @Test
  void mermaid_namesNodesAndEdges() throws TaskException {
    assertThat(GraphWriter.mermaid(diamond()))
        .startsWith("flowchart TD\n")
        .contains("  s0[\"top\"]\n", "  s0 --> s1\n", "  s2 --> s3\n");
  }

  @Test
  void json_hasOrderAndSteps() throws TaskException {
    assertThat(GraphWriter.json(diamond()))
        .contains("\"order\": [\n    \"top\",")
        .contains("\"id\": \"bottom\",\n      \"after\": [\n        \"left\",\n        \"right\"");
  }
}
