package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One conformance case from {@code src/test/resources/vectors/}, run the way {@code wharf validate
 * -f acb.yaml [--strict]} and {@code wharf inspect -f acb.yaml -o json} would run it.
 */
record VectorCase(String file, String name, Map<String, Object> fields) {

  static final String FILE = "acb.yaml";

  @Override
  public String toString() {
    return file + ": " + name;
  }

  /** The cases of one vector file, templated ones included. */
  @SuppressWarnings("unchecked")
  static Stream<VectorCase> read(String vectorFile) {
    try (InputStream in = VectorCase.class.getResourceAsStream("/vectors/" + vectorFile)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Map<String, Object> document =
          (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
      List<Map<String, Object>> cases = (List<Map<String, Object>>) document.get("cases");
      return cases.stream().map(c -> new VectorCase(vectorFile, (String) c.get("name"), c));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The cases that need no template rendering. */
  static Stream<VectorCase> plain(String vectorFile) {
    return read(vectorFile).filter(c -> !c.templated());
  }

  /** Rendering ({@code {{ }}}, values, --set, run fields, extra files) needs wharf-template. */
  boolean templated() {
    return task().contains("{{")
        || fields.containsKey("values")
        || fields.containsKey("set")
        || fields.containsKey("run")
        || fields.containsKey("files");
  }

  String task() {
    Object task = fields.get("task");
    return task == null ? "" : (String) task;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> expect() {
    return (Map<String, Object>) fields.get("expect");
  }

  Plan load() throws TaskException {
    boolean strict = Boolean.TRUE.equals(fields.get("strict"));
    return new TaskLoader(TaskLoader.Options.defaults().withStrict(strict)).load(task(), FILE);
  }

  void check() throws TaskException {
    Map<String, Object> expect = expect();
    if (expect.containsKey("error_contains") || expect.containsKey("fails")) {
      var failure = assertThatThrownBy(this::load).isInstanceOf(TaskException.class);
      if (expect.containsKey("error_contains")) {
        failure.hasMessageContaining((String) expect.get("error_contains"));
      }
      return;
    }
    Plan plan = load();
    if (expect.containsKey("valid")) {
      int count = (Integer) expect.get("valid");
      assertThat(plan.task().steps()).hasSize(count);
      assertThat(plan.validSummary()).startsWith("valid: " + count + " step");
    }
    if (expect.containsKey("stderr_contains")) {
      String stderr = plan.warnings().stream().map(Warning::toString).toList().toString();
      for (Object text : (List<?>) expect.get("stderr_contains")) {
        assertThat(stderr).contains((String) text);
      }
    }
    if (fields.get("via").equals("inspect")) {
      checkInspect(plan, expect);
    }
  }

  @SuppressWarnings("unchecked")
  private static void checkInspect(Plan plan, Map<String, Object> expect) {
    Map<String, Object> actual =
        (Map<String, Object>)
            new Load(LoadSettings.builder().build()).loadFromString(InspectWriter.json(plan));
    List<Map<String, Object>> steps = (List<Map<String, Object>>) actual.get("steps");
    if (expect.containsKey("stepIds")) {
      assertThat(steps.stream().map(s -> s.get("id")).toList()).isEqualTo(expect.get("stepIds"));
    }
    Map<String, Object> expectedTask = (Map<String, Object>) expect.getOrDefault("task", Map.of());
    expectedTask.forEach((key, value) -> assertThat(actual.get(key)).as(key).isEqualTo(value));
    Map<String, Map<String, Object>> expectedSteps =
        (Map<String, Map<String, Object>>) expect.getOrDefault("steps", Map.of());
    expectedSteps.forEach(
        (id, keys) -> {
          Map<String, Object> step =
              steps.stream().filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow();
          keys.forEach(
              (key, value) -> {
                if (key.equals("after")) {
                  assertThat((List<Object>) step.get(key))
                      .as(id + ".after")
                      .containsExactlyInAnyOrderElementsOf((List<Object>) value);
                } else {
                  assertThat(step.get(key)).as(id + "." + key).isEqualTo(value);
                }
              });
        });
  }
}
