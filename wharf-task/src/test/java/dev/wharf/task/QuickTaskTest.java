package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuickTaskTest {

  private static Plan load(String text) throws TaskException {
    return new TaskLoader(TaskLoader.Options.defaults()).load(text, "quick");
  }

  @Test
  void command_quotesTheCommandSoAnyTextIsOneCmdStep() throws TaskException {
    Plan plan = load(QuickTask.command("wharf-test/busybox sh -c \"echo 'a: b' \\\\ # x\""));

    assertThat(plan.task().steps()).hasSize(1);
    assertThat(plan.task().steps().get(0).cmd())
        .isEqualTo("wharf-test/busybox sh -c \"echo 'a: b' \\\\ # x\"");
  }

  @Test
  void build_withPush_buildsThenPushesEveryTagAfterTheBuild() throws TaskException {
    String text =
        QuickTask.build(
            new QuickTask.Build(
                List.of("reg.io/app:1", "reg.io/app:latest"),
                "",
                List.of("A=1 2"),
                List.of("TOKEN=s"),
                "final",
                "linux/amd64",
                true,
                false,
                ".",
                true));
    Plan plan = load(text);

    Step build = plan.task().steps().get(0);
    assertThat(build.id()).isEqualTo("build");
    assertThat(build.timeout()).isEqualTo(QuickTask.BUILD_TIMEOUT);
    assertThat(plan.builds().get("build").tags())
        .containsExactly("reg.io/app:1", "reg.io/app:latest");
    assertThat(plan.builds().get("build").buildArgs()).containsExactly("A=1 2", "TOKEN=s");
    assertThat(plan.builds().get("build").dockerfile()).isEqualTo("Dockerfile");
    assertThat(plan.builds().get("build").target()).isEqualTo("final");
    Step push = plan.task().steps().get(1);
    assertThat(push.push()).containsExactly("reg.io/app:1", "reg.io/app:latest");
    assertThat(plan.graph().parents("push")).containsExactly("build");
  }

  @Test
  void build_noPush_hasOnlyTheBuildStep() throws TaskException {
    String text =
        QuickTask.build(
            new QuickTask.Build(
                List.of("app:1"),
                "ci/Dockerfile",
                List.of(),
                List.of(),
                "",
                "",
                false,
                true,
                "src",
                false));

    assertThat(load(text).task().steps()).extracting(Step::id).containsExactly("build");
  }

  @Test
  void registryTag_prefixesOnlyTagsWithoutARegistry() {
    assertThat(QuickTask.registryTag("app:1", "reg.io")).isEqualTo("reg.io/app:1");
    assertThat(QuickTask.registryTag("team/app:{{.Run.ID}}", "reg.io"))
        .isEqualTo("reg.io/team/app:{{.Run.ID}}");
    assertThat(QuickTask.registryTag("reg.io/app:1", "reg.io")).isEqualTo("reg.io/app:1");
    assertThat(QuickTask.registryTag("localhost:5000/app", "reg.io"))
        .isEqualTo("localhost:5000/app");
    assertThat(QuickTask.registryTag("other.io/app", "reg.io")).isEqualTo("other.io/app");
    assertThat(QuickTask.registryTag("library/debian", "reg.io")).isEqualTo("library/debian");
    assertThat(QuickTask.registryTag("app:1", "")).isEqualTo("app:1");
  }
}
