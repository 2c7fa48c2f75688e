package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the {@code inspect} and {@code validate} vectors of build-string.yaml and contexts.yaml
 * against the build-string parser: each build step's {@code build} text is parsed and the parsed
 * fields are compared with {@code expect.steps}. Cases whose task needs template rendering are
 * skipped (pending until the task model renders them).
 */
class InspectVectorsTest {
  static Stream<Arguments> buildString() {
    return Vectors.cases("build-string.yaml");
  }

  static Stream<Arguments> contexts() {
    return Vectors.cases("contexts.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("buildString")
  void buildString_case_matchesVector(String name, Map<String, Object> vector) throws Exception {
    check(vector);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contexts")
  void contexts_case_matchesVector(String name, Map<String, Object> vector) throws Exception {
    check(vector);
  }

  @SuppressWarnings("unchecked")
  private static void check(Map<String, Object> vector) throws Exception {
    String task = (String) vector.get("task");
    assumeFalse(task.contains("{{"), "pending: needs template rendering");
    Map<String, Object> expect = (Map<String, Object>) vector.get("expect");
    List<Map<String, Object>> steps =
        (List<Map<String, Object>>) ((Map<String, Object>) Vectors.yaml(task)).get("steps");
    if (vector.get("via").equals("validate")) {
      String build = (String) steps.get(0).get("build");
      var thrown = assertThatThrownBy(() -> BuildArgs.parse(build));
      thrown.isInstanceOf(DockerParseException.class);
      if (expect.containsKey("error_contains")) {
        thrown.hasMessageContaining((String) expect.get("error_contains"));
      }
      return;
    }
    assertThat(vector.get("via")).isEqualTo("inspect");
    Map<String, Map<String, Object>> expected =
        (Map<String, Map<String, Object>>) expect.get("steps");
    int checked = 0;
    for (Map<String, Object> step : steps) {
      Map<String, Object> want = expected.get(step.get("id"));
      if (want != null) {
        Map<String, Object> actual = fields(BuildArgs.parse((String) step.get("build")));
        actual.keySet().retainAll(want.keySet());
        assertThat(actual).as("step %s", step.get("id")).isEqualTo(want);
        checked++;
      }
    }
    assertThat(checked).as("steps named by the vector").isEqualTo(expected.size()).isPositive();
  }

  /** The parsed build string as {@code inspect} shows it on a build step. */
  private static Map<String, Object> fields(BuildRequest request) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("tags", request.tags());
    fields.put("buildArgs", request.buildArgs());
    fields.put("dockerfile", request.dockerfile());
    fields.put("target", request.target());
    fields.put("context", request.context());
    ContextSpec context = request.contextSpec();
    fields.put("contextKind", context.kind().label());
    if (context.kind() == ContextKind.GIT) {
      fields.put("gitRef", context.gitRef());
      fields.put("gitSubdir", context.gitSubdir());
    }
    return fields;
  }
}
