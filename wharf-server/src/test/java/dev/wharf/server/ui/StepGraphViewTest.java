package dev.wharf.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.StepTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepGraphViewTest {

  @Test
  void criticalPath_parallelBranches_followsTheLongerOne() {
    StepGraphView graph =
        new StepGraphView(
            List.of(
                new StepTiming("a", "successful", 2.0),
                new StepTiming("b", "successful", 5.0),
                new StepTiming("c", "successful", 1.0, List.of("a")),
                new StepTiming("d", "successful", 1.0, List.of("b", "c"))));

    assertThat(graph.criticalPath()).containsExactly("b", "d");
  }

  @Test
  void criticalPath_chainOutweighsOneLongStep() {
    StepGraphView graph =
        new StepGraphView(
            List.of(
                new StepTiming("a", "successful", 3.0),
                new StepTiming("b", "successful", 3.0, List.of("a")),
                new StepTiming("long", "successful", 5.0)));

    assertThat(graph.criticalPath()).containsExactly("a", "b");
  }

  @Test
  void row_stepWaitsForTheDeepestParent() {
    StepGraphView graph =
        new StepGraphView(
            List.of(
                new StepTiming("a", "successful", 1.0),
                new StepTiming("b", "successful", 1.0, List.of("a")),
                new StepTiming("c", "successful", 1.0),
                new StepTiming("d", "successful", 1.0, List.of("b", "c"))));

    assertThat(List.of(graph.row("a"), graph.row("b"), graph.row("c"), graph.row("d")))
        .containsExactly(0, 1, 0, 2);
  }

  @Test
  void svg_parallelSteps_standSideBySideWithStatusAndDuration() {
    String svg =
        new StepGraphView(
                List.of(
                    new StepTiming("left", "successful", 1.25),
                    new StepTiming("right", "failed", 61.0, List.of())))
            .svg();

    assertThat(svg)
        .contains("data-step=\"left\"", "data-step=\"right\"")
        .contains("successful · 1.3s", "failed · 1m 01s")
        .contains("class=\"node fail critical\"");
    assertThat(svg).contains("y=\"10\"").doesNotContain("y=\"94\"");
  }

  @Test
  void svg_stepIdWithMarkup_isEscaped() {
    String svg = new StepGraphView(List.of(new StepTiming("<b>", "successful", 1))).svg();

    assertThat(svg).contains("&lt;b&gt;").doesNotContain("<b>");
  }

  @Test
  void svg_unknownDependency_isIgnored() {
    String svg =
        new StepGraphView(List.of(new StepTiming("a", "successful", 1, List.of("gone")))).svg();

    assertThat(svg).contains("data-step=\"a\"").doesNotContain("class=\"edge");
  }

  @Test
  void statusClass_mapsStepAndRunStatuses() {
    assertThat(StepGraphView.statusClass("Succeeded")).isEqualTo("ok");
    assertThat(StepGraphView.statusClass("failed (ignored)")).isEqualTo("fail");
    assertThat(StepGraphView.statusClass("Running")).isEqualTo("run");
    assertThat(StepGraphView.statusClass("Canceled")).isEqualTo("skip");
    assertThat(StepGraphView.statusClass("Queued")).isEqualTo("wait");
  }
}
