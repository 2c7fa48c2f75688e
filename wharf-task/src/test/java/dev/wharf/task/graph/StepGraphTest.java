package dev.wharf.task.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.task.TaskException;
import dev.wharf.task.TaskLoader;
import org.junit.jupiter.api.Test;

class StepGraphTest {

  private static StepGraph graphOf(String yaml) throws TaskException {
    return new TaskLoader(TaskLoader.Options.defaults()).load(yaml, "acb.yaml").graph();
  }

  @Test
  void of_textualFixture_hasExactlyTheFixtureEdges() throws TaskException {
    GraphFixture fixture = GraphFixture.parse("a -> b, c\nb -> d\nc -> d\ne");
    StepGraph graph = graphOf(fixture.taskYaml());
    assertThat(graph.ids()).isEqualTo(fixture.ids());
    for (String id : fixture.ids()) {
      assertThat(graph.parents(id)).as(id).isEqualTo(fixture.parents(id));
    }
    assertThat(graph.roots()).containsExactly("a", "e");
    assertThat(graph.children("a")).containsExactly("b", "c");
    assertThat(graph.children("d")).isEmpty();
  }

  @Test
  void of_noWhen_followsPreviousStep() throws TaskException {
    StepGraph graph = graphOf("steps:\n  - id: a\n    cmd: x\n  - id: b\n    cmd: x\n");
    assertThat(graph.parents("b")).containsExactly("a");
    assertThat(graph.parents("a")).isEmpty();
  }

  @Test
  void of_duplicateWhenEntries_collapseToOneEdge() throws TaskException {
    StepGraph graph =
        graphOf(
            GraphFixture.parse("a").taskYaml() + "  - id: b\n    cmd: x\n" + "    when: [a, a]\n");
    assertThat(graph.parents("b")).containsExactly("a");
    assertThat(graph.children("a")).containsExactly("b");
  }

  @Test
  void order_forwardReference_putsParentFirst() throws TaskException {
    StepGraph graph =
        graphOf(
            "steps:\n  - id: deploy\n    cmd: x\n    when: [build]\n"
                + "  - id: build\n    cmd: y\n    when: [\"-\"]\n");
    assertThat(graph.order()).containsExactly("build", "deploy");
  }

  @Test
  void order_breaksTiesByFileOrder() throws TaskException {
    StepGraph graph = graphOf(GraphFixture.parse("c -> a; b -> a").taskYaml());
    assertThat(graph.order()).containsExactly("c", "b", "a");
  }

  @Test
  void of_cycle_failsNamingTheCycle() {
    String yaml =
        "steps:\n  - id: a\n    cmd: x\n    when: [c]\n  - id: b\n    cmd: x\n    when: [a]\n"
            + "  - id: c\n    cmd: x\n    when: [b]\n";
    assertThatThrownBy(() -> graphOf(yaml))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("acb.yaml:4:12: ")
        .hasMessageContaining("cycle: a -> b -> c -> a");
  }

  @Test
  void of_unknownDependency_failsWithAcbText() {
    assertThatThrownBy(() -> graphOf("steps:\n  - id: a\n    cmd: x\n    when: [nope]\n"))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("acb.yaml:4:12: nope does not exist as a vertex [from: nope, to: a]");
  }

  @Test
  void parents_unknownId_isRejected() throws TaskException {
    StepGraph graph = graphOf(GraphFixture.parse("a").taskYaml());
    assertThatThrownBy(() -> graph.parents("zz")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_misspelledDependency_hintsTheClosestId() {
    String yaml =
        "steps:\n  - id: build\n    cmd: x\n  - id: push\n    cmd: y\n    when: [biuld]\n";
    assertThatThrownBy(() -> graphOf(yaml))
        .isInstanceOf(TaskException.class)
        .hasMessageEndingWith("hint: did you mean `build`?");
  }

  @Test
  void unknownDependencyHint_farFromEveryId_listsIds() {
    assertThat(StepGraph.unknownDependencyHint("zzzzzz", java.util.List.of("a", "b")))
        .isEqualTo("`when` names step ids of this file: a, b");
  }

  @Test
  void unknownDependencyHint_shortId_suggestsNothingFarFetched() {
    assertThat(StepGraph.unknownDependencyHint("c", java.util.List.of("a")))
        .startsWith("`when` names step ids");
  }
}
