package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TaskLoaderTest {

  private static Plan load(String yaml, TaskLoader.Options options) throws TaskException {
    return new TaskLoader(options).load(yaml, "acb.yaml");
  }

  @Test
  void load_strict_turnsFirstWarningIntoError() {
    assertThatThrownBy(
            () ->
                load(
                    "steps:\n  - cmd: x\n    bogus: 1\n",
                    TaskLoader.Options.defaults().withStrict(true)))
        .isInstanceOf(TaskException.class)
        .hasMessageStartingWith("acb.yaml:3:5: unknown step key `bogus` is ignored")
        .hasMessageContaining("--strict");
  }

  @Test
  void load_threeThousandDeepSequence_failsWithAPositionNotAStackOverflow() {
    String deep = "steps:\n  - cmd: x\n    env:\n      " + "- ".repeat(3000) + "x\n";

    assertThatThrownBy(() -> load(deep, TaskLoader.Options.defaults()))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("nesting is deeper than 100 levels");
  }

  @Test
  void load_notStrict_returnsWarnings() throws TaskException {
    assertThat(load("steps:\n  - cmd: x\n    bogus: 1\n", TaskLoader.Options.defaults()).warnings())
        .hasSize(1);
  }

  @Test
  void load_commandAliases_expandCmdBeforeValidation() throws TaskException {
    Plan plan =
        load(
            "steps:\n  - cmd: greet world\n  - push: [a]\n",
            TaskLoader.Options.defaults()
                .withCommandAliases(
                    cmd -> cmd.startsWith("greet ") ? "alpine echo" + cmd.substring(5) : cmd));
    assertThat(plan.task().steps().get(0).cmd()).isEqualTo("alpine echo world");
    assertThat(plan.task().steps().get(1).cmd()).isEmpty();
  }

  @Test
  void load_buildReaderFailure_becomesTaskExceptionAtBuild() {
    Function<String, BuildSummary> reader =
        build -> {
          throw new IllegalArgumentException("unknown flag: --bogus");
        };
    assertThatThrownBy(
            () ->
                load(
                    "steps:\n  - build: --bogus .\n",
                    TaskLoader.Options.defaults().withBuildReader(reader)))
        .isInstanceOf(TaskException.class)
        .hasMessageStartingWith("acb.yaml:2:12: unknown flag: --bogus");
  }

  @Test
  void load_buildReader_isOnlyAskedAboutBuildSteps() throws TaskException {
    java.util.List<String> asked = new java.util.ArrayList<>();
    load(
        "steps:\n  - cmd: x\n  - build: -t a .\n",
        TaskLoader.Options.defaults()
            .withBuildReader(
                build -> {
                  asked.add(build);
                  return null;
                }));
    assertThat(asked).containsExactly("-t a .");
  }

  @Test
  void validSummary_singularForOneStep() throws TaskException {
    assertThat(load("steps:\n  - cmd: x\n", TaskLoader.Options.defaults()).validSummary())
        .isEqualTo("valid: 1 step");
    assertThat(load("", TaskLoader.Options.defaults()).validSummary()).isEqualTo("valid: 0 steps");
  }
}
