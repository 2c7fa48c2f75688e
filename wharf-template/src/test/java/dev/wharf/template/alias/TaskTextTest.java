package dev.wharf.template.alias;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskTextTest {

  @Test
  void stripComments_dropsCommentLinesEvenInBlockScalars() {
    String text = "# top\nsteps:\n  - cmd: |\n      # gone\n      echo hi # kept\r\n  # x\n";
    assertThat(TaskText.stripComments(text))
        .isEqualTo("steps:\n  - cmd: |\n      echo hi # kept\r\n");
  }

  @Test
  void findVersion_readsFirstColumnZeroVersionLine() {
    assertThat(TaskText.findVersion("version: v1.1.0\n")).isEqualTo("v1.1.0");
    assertThat(TaskText.findVersion("\"version\": 'v1.1.0'\n")).isEqualTo("v1.1.0");
    assertThat(TaskText.findVersion("version:v1.1.0")).isEqualTo("v1.1.0");
    assertThat(TaskText.findVersion("# c\nversion  : v1.1.0   \n")).isEqualTo("v1.1.0");
    assertThat(TaskText.findVersion("versionOfTask: v2\nversion: v1.0.0")).isEqualTo("v1.0.0");
    assertThat(TaskText.findVersion("x:\n  version: v1.1.0\n")).isEmpty();
    assertThat(TaskText.findVersion("# version: v1.1.0\n")).isEmpty();
  }

  @Test
  void aliasesEnabled_comparesAsStrings_caseInsensitively() {
    assertThat(TaskText.aliasesEnabled("v1.1.0")).isTrue();
    assertThat(TaskText.aliasesEnabled("v1.1.0-beta")).isTrue();
    assertThat(TaskText.aliasesEnabled("V1.1.0")).isTrue();
    assertThat(TaskText.aliasesEnabled("{{ .Values.v }}")).isTrue();
    assertThat(TaskText.aliasesEnabled("v1.0.0")).isFalse();
    assertThat(TaskText.aliasesEnabled("1.0-preview-1")).isFalse();
    assertThat(TaskText.aliasesEnabled("")).isFalse();
  }
}
