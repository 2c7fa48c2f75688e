package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskValidatorTest {

  private static TaskException failure(String yaml) {
    try {
      new TaskLoader(TaskLoader.Options.defaults()).load(yaml, "acb.yaml");
    } catch (TaskException e) {
      return e;
    }
    throw new AssertionError("expected a TaskException for:\n" + yaml);
  }

  @Test
  void checkStep_error_addsPositionAndHintAroundAcbText() {
    TaskException e = failure("steps:\n  - cmd: x\n    retries: -1\n");
    assertThat(e.reason()).isEqualTo("step must specify retries >= 0");
    assertThat(e.position()).isEqualTo(new Position(3, 14));
    assertThat(e.hint()).isNotBlank();
    assertThat(e.getMessage())
        .isEqualTo("acb.yaml:3:14: step must specify retries >= 0\n  hint: " + e.hint());
  }

  @Test
  void checkDecoded_volumeError_hasAcbPrefix() {
    assertThat(failure("volumes:\n  - name: v\n").getMessage())
        .contains(
            "failed to deserialize task and validate: currently only support for source type"
                + " secret");
  }

  @Test
  void checkDecoded_nullSecretMap_isMissingSource() {
    assertThat(failure("volumes:\n  - name: v\n    secret:\n").reason())
        .endsWith("currently only support for source type secret");
  }

  @Test
  void checkDecoded_emptySecretFileName_isRejected() {
    assertThat(failure("volumes:\n  - name: v\n    secret: {\"\": YQ==}\n").reason())
        .endsWith("secret name provided for value is empty");
  }

  @Test
  void checkDecoded_clientIdGuid_isAccepted() throws TaskException {
    String yaml =
        "secrets:\n  - id: s\n    keyvault: k\n    clientID: 3f2504e0-4f89-11d3-9a0c-0305e82c3301\n";
    assertThat(new TaskLoader(TaskLoader.Options.defaults()).load(yaml, "f").task().secrets())
        .hasSize(1);
  }

  @Test
  void checkDecoded_msiSecretWithoutKeyvault_isAccepted() throws TaskException {
    String yaml = "secrets:\n  - id: myreg\n    aadresourceid: https://management.azure.com\n";
    assertThat(new TaskLoader(TaskLoader.Options.defaults()).load(yaml, "f").task().secrets())
        .singleElement()
        .extracting(Secret::aadResourceId)
        .isEqualTo("https://management.azure.com");
  }

  @Test
  void checkStep_kindCheckedBeforeSpaceInId() {
    assertThat(failure("steps:\n  - id: a b\n    cmd: x\n    build: .\n").reason())
        .isEqualTo("step must only contain a single build, cmd, or push property");
  }

  @Test
  void checkStep_noBreakSpaceInId_isASpace() {
    assertThat(failure("steps:\n  - id: \"a\u00a0b\"\n    cmd: x\n").reason())
        .isEqualTo("step ID cannot contain spaces");
  }

  @Test
  void checkStep_mountsOnPushCheckedBeforeWhen() {
    String yaml =
        "volumes:\n  - name: v\n    secret: {a: YQ==}\nsteps:\n  - id: p\n    push: [x]\n"
            + "    when: [p]\n    volumeMounts: [{name: v, mountPath: /m}]\n";
    assertThat(failure(yaml).reason()).startsWith("invalid use of Mounts.");
  }

  @Test
  void checkVersion_keepsVersionAsWritten() throws TaskException {
    assertThat(
            new TaskLoader(TaskLoader.Options.defaults())
                .load("version: V1.1.0\n", "f")
                .task()
                .version())
        .isEqualTo("V1.1.0");
  }

  @Test
  void checkVersion_pointsAtTheValue() {
    assertThat(failure("\nversion: v3\n").position()).isEqualTo(new Position(2, 10));
  }

  @Test
  void hasSpace_matchesGoUnicodeIsSpace() {
    assertThat(TaskValidator.hasSpace("a\u2003b")).isTrue();
    assertThat(TaskValidator.hasSpace("a\u000bb")).isTrue();
    assertThat(TaskValidator.hasSpace("a-b_c")).isFalse();
  }

  @Test
  void checkStep_cacheDisabledAnyCase_isValid() {
    assertThatThrownBy(
            () ->
                new TaskLoader(TaskLoader.Options.defaults())
                    .load("steps:\n  - build: .\n    cache: maybe\n", "f"))
        .isInstanceOf(TaskException.class);
    assertThat(failureOrNull("steps:\n  - build: .\n    cache: DisAbled\n")).isNull();
  }

  private static TaskException failureOrNull(String yaml) {
    try {
      new TaskLoader(TaskLoader.Options.defaults()).load(yaml, "f");
      return null;
    } catch (TaskException e) {
      return e;
    }
  }
}
