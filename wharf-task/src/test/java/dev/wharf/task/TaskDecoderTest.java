package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskDecoderTest {

  private final TaskDecoder decoder = new TaskDecoder("acb.yaml");

  private Task decode(String text) throws TaskException {
    return decoder.decode(text).task();
  }

  @Test
  void decode_everyStepProperty_readsIt() throws TaskException {
    Step step =
        decode(
                """
                steps:
                  - id: s
                    cmd: img run
                    workingDirectory: w
                    entryPoint: sh
                    user: u
                    network: host
                    isolation: iso
                    cpus: "2"
                    cache: enabled
                    volumeMounts: [{name: v, mountPath: /m}]
                    env: [A=1]
                    expose: ["80"]
                    ports: ["1:2"]
                    when: ["-"]
                    exitedWith: [1, 2]
                    exitedWithout: [3]
                    timeout: 7
                    startDelay: 8
                    retries: 9
                    retryDelay: 10
                    retryOnErrors: [boom]
                    repeat: 11
                    cmdDownloadRetries: 12
                    cmdDownloadRetryDelay: 13
                    keep: true
                    detach: true
                    privileged: true
                    ignoreErrors: true
                    disableWorkingDirectoryOverride: true
                    pull: true
                """)
            .steps()
            .get(0);
    assertThat(step.volumeMounts())
        .extracting(VolumeMount::name, VolumeMount::mountPath)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("v", "/m"));
    assertThat(step)
        .extracting(
            Step::id,
            Step::cmd,
            Step::workingDirectory,
            Step::entryPoint,
            Step::user,
            Step::network,
            Step::isolation,
            Step::cpus,
            Step::cache)
        .containsExactly("s", "img run", "w", "sh", "u", "host", "iso", "2", "enabled");
    assertThat(step.exitedWith()).containsExactly(1, 2);
    assertThat(step.exitedWithout()).containsExactly(3);
    assertThat(
            new int[] {
              step.timeout(),
              step.startDelay(),
              step.retries(),
              step.retryDelay(),
              step.repeat(),
              step.cmdDownloadRetries(),
              step.cmdDownloadRetryDelay()
            })
        .containsExactly(7, 8, 9, 10, 11, 12, 13);
    assertThat(step.keep() && step.detach() && step.privileged() && step.ignoreErrors()).isTrue();
    assertThat(step.disableWorkingDirectoryOverride() && step.pull()).isTrue();
    assertThat(step.retryOnErrors()).containsExactly("boom");
  }

  @Test
  void decode_positions_areOneBasedLineAndColumn() throws TaskException {
    Step step = decode("steps:\n  - id: a\n    cmd: x\n    when: [b, c]\n").steps().get(0);
    assertThat(step.position()).isEqualTo(new Position(2, 5));
    assertThat(step.at("cmd")).isEqualTo(new Position(3, 10));
    assertThat(step.at("when.1")).isEqualTo(new Position(4, 15));
  }

  @Test
  void decode_yaml11Booleans_areBooleans() throws TaskException {
    Step step =
        decode(
                "steps:\n  - cmd: x\n    keep: yes\n    detach: Y\n    pull: ON\n    privileged: n\n")
            .steps()
            .get(0);
    assertThat(step.keep()).isTrue();
    assertThat(step.detach()).isTrue();
    assertThat(step.pull()).isTrue();
    assertThat(step.privileged()).isFalse();
  }

  @Test
  void decode_stringIntoBool_failsWithAcbText() {
    assertThatThrownBy(() -> decode("steps:\n  - cmd: x\n    keep: maybe\n"))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("acb.yaml:3:11: ")
        .hasMessageContaining("cannot unmarshal !!str `maybe` into bool");
  }

  @Test
  void decode_yaml11Integers_acceptHexOctalAndFloats() throws TaskException {
    Step step =
        decode("steps:\n  - cmd: x\n    timeout: 0x10\n    retries: 010\n    repeat: 2.9\n")
            .steps()
            .get(0);
    assertThat(step.timeout()).isEqualTo(16);
    assertThat(step.retries()).isEqualTo(8);
    assertThat(step.repeat()).isEqualTo(2);
  }

  @Test
  void decode_boolIntoInt_failsWithAcbText() {
    assertThatThrownBy(() -> decode("stepTimeout: true\n"))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("cannot unmarshal !!bool `true` into int");
  }

  @Test
  void decode_scalarsIntoStrings_keepRawText() throws TaskException {
    Step step = decode("steps:\n  - id: 0x10\n    cmd: true\n    user: ~\n").steps().get(0);
    assertThat(step.id()).isEqualTo("0x10");
    assertThat(step.cmd()).isEqualTo("true");
    assertThat(step.user()).isEmpty();
  }

  @Test
  void decode_topLevelSequence_failsAsGraphTask() {
    assertThatThrownBy(() -> decode("- a\n- b\n"))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("cannot unmarshal !!seq into graph.Task");
  }

  @Test
  void decode_mappingWhereListExpected_fails() {
    assertThatThrownBy(() -> decode("steps:\n  - cmd: x\n    env: {A: 1}\n"))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("cannot unmarshal !!map into []string");
  }

  @Test
  void decode_syntaxError_namesFileLineAndColumn() {
    assertThatThrownBy(() -> decode("steps:\n  - cmd: x\n   bad: [\n"))
        .isInstanceOf(TaskException.class)
        .hasMessageStartingWith("acb.yaml:")
        .hasMessageContaining("failed to deserialize task and validate: yaml: line ")
        .satisfies(e -> assertThat(((TaskException) e).position()).isNotNull());
  }

  @Test
  void decode_unknownKeys_warnOncePerKeyWithLine() throws TaskException {
    TaskDecoder.Decoded decoded =
        decoder.decode("foo: 1\nsteps:\n  - cmd: x\n    bar: 2\n    volumeMount: []\n");
    assertThat(decoded.warnings())
        .extracting(Warning::toString)
        .containsExactly(
            "acb.yaml:1:1: warning: unknown key `foo` is ignored",
            "acb.yaml:4:5: warning: unknown step key `bar` is ignored",
            "acb.yaml:5:5: warning: the step key `volumeMount` is ignored (as by acb); the key is"
                + " `volumeMounts`");
  }

  @Test
  void decode_stepSecretKey_isNamedSpecially() throws TaskException {
    assertThat(decoder.decode("steps:\n  - cmd: x\n    secret: s\n").warnings())
        .singleElement()
        .extracting(Warning::message)
        .asString()
        .contains("step key `secret` is not supported");
  }

  @Test
  void decode_totalTimeout_isKnown() throws TaskException {
    TaskDecoder.Decoded decoded = decoder.decode("totalTimeout: 30\n");
    assertThat(decoded.warnings()).isEmpty();
    assertThat(decoded.task().totalTimeout()).isEqualTo(30);
  }

  @Test
  void decode_duplicateKey_lastWinsWithWarning() throws TaskException {
    TaskDecoder.Decoded decoded = decoder.decode("steps:\n  - cmd: a\n    cmd: b\n");
    assertThat(decoded.task().steps().get(0).cmd()).isEqualTo("b");
    assertThat(decoded.warnings()).singleElement().asString().contains("duplicate key `cmd`");
  }

  @Test
  void decode_mergeKeyList_firstMapWinsAndLaterKeysOverride() throws TaskException {
    Step step =
        decode(
                """
                a: &a {timeout: 1, retries: 1}
                b: &b {timeout: 2, repeat: 2}
                steps:
                  - <<: [*a, *b]
                    cmd: x
                    retries: 5
                """)
            .steps()
            .get(0);
    assertThat(step.timeout()).isEqualTo(1);
    assertThat(step.repeat()).isEqualTo(2);
    assertThat(step.retries()).isEqualTo(5);
  }

  @Test
  void decode_recursiveMerge_failsInsteadOfLooping() {
    assertThatThrownBy(() -> decode("steps:\n  - &s\n    cmd: x\n    <<: *s\n"))
        .isInstanceOf(TaskException.class);
  }

  @Test
  void decode_volumesSecretsNetworks_readEveryKey() throws TaskException {
    Task task =
        decode(
            """
            volumes:
              - name: v
                secret: {b: Yg==, a: YQ==}
            secrets:
              - id: s
                keyvault: https://k
                clientID: c
                aadresourceid: r
            networks:
              - name: n
                driver: d
                ipv6: on
                skipCreation: yes
                isDefault: true
            """);
    assertThat(task.volumes().get(0).secret())
        .containsExactly(java.util.Map.entry("b", "Yg=="), java.util.Map.entry("a", "YQ=="));
    Secret secret = task.secrets().get(0);
    assertThat(secret)
        .extracting(Secret::id, Secret::keyvault, Secret::clientID, Secret::aadResourceId)
        .containsExactly("s", "https://k", "c", "r");
    Network network = task.networks().get(0);
    assertThat(network)
        .extracting(
            Network::name,
            Network::driver,
            Network::ipv6,
            Network::skipCreation,
            Network::isDefault)
        .containsExactly("n", "d", true, true, true);
  }

  @Test
  void decode_emptyDocument_hasNoSteps() throws TaskException {
    assertThat(decode("# nothing\n").steps()).isEmpty();
  }

  @Test
  void decode_manyStepsSharingAMergeAnchor_areAccepted() throws TaskException {
    StringBuilder yaml = new StringBuilder("common: &c {retries: 2}\nsteps:\n");
    for (int i = 0; i < 120; i++) {
      yaml.append("  - <<: *c\n    cmd: x\n");
    }
    assertThat(decode(yaml.toString()).steps()).hasSize(120).allMatch(s -> s.retries() == 2);
  }

  @Test
  void decode_aliasBomb_failsWithinBoundedWork() {
    StringBuilder yaml = new StringBuilder("a0: &a0 {retries: 1}\n");
    for (int i = 1; i < 9; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" {<<: [");
      yaml.append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]}\n");
    }
    yaml.append("steps:\n  - {<<: *a8, cmd: x}\n");
    assertThatThrownBy(() -> decode(yaml.toString()))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("the task is too large once its aliases are expanded");
  }

  @Test
  void decode_twoDocuments_failsWithContext() {
    assertThatThrownBy(() -> decode("a: 1\n---\nb: 2\n"))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("acb.yaml:2:1: ")
        .hasMessageContaining("expected a single document");
  }

  @Test
  void decode_nonScalarKey_failsWithPosition() {
    assertThatThrownBy(() -> decode("steps:\n  - ? [a]\n    : 1\n"))
        .isInstanceOf(TaskException.class)
        .hasMessageStartingWith("acb.yaml:2:7: ")
        .hasMessageContaining("mapping keys must be plain text");
  }
}
