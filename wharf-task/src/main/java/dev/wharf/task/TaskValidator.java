package dev.wharf.task;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** acb's validation rules and exact messages, in acb's order (docs/behaviour.md#validation). */
final class TaskValidator {

  private static final String DESERIALIZE = "failed to deserialize task and validate: ";
  private static final Set<String> VERSIONS = Set.of("1.0-preview-1", "v1.0.0", "v1.1.0");
  private static final Pattern VOLUME_NAME = Pattern.compile("[a-zA-Z0-9-_]+");
  private static final Pattern FILE_NAME = Pattern.compile("[a-zA-Z0-9-_.]+");
  private static final Pattern UUID =
      Pattern.compile(
          "(urn:uuid:)?(\\{)?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}"
              + "-?[0-9a-fA-F]{12}(\\})?");

  private final String file;

  TaskValidator(String file) {
    this.file = file;
  }

  /** Phase A, acb's {@code Task.Validate}: secrets, volumes, then mount names. */
  void checkDecoded(TaskDraft task) throws TaskException {
    Set<String> secretIds = new HashSet<>();
    for (Secret secret : task.secrets) {
      checkSecret(secret);
      if (!secretIds.add(secret.id())) {
        throw failure(
            secret.position(),
            DESERIALIZE + "duplicate secret found with ID: " + secret.id(),
            "give each secret its own id");
      }
    }
    Set<String> volumeNames = new HashSet<>();
    for (Volume volume : task.volumes) {
      checkVolume(volume);
      if (!volumeNames.add(volume.name())) {
        throw failure(
            volume.position(),
            DESERIALIZE + "volume with duplicate name found",
            "volume `" + volume.name() + "` is declared twice; rename or remove one");
      }
    }
    for (StepDraft step : task.steps) {
      for (VolumeMount mount : step.volumeMounts) {
        if (!volumeNames.contains(mount.name())) {
          throw failure(
              mount.position(),
              DESERIALIZE + "mount name, " + mount.name() + ", does not correspond to a volume",
              "declare it under the top-level `volumes`, or use one of " + volumeNames);
        }
      }
    }
  }

  private void checkSecret(Secret secret) throws TaskException {
    String prefix = DESERIALIZE + "failed to validate secret with ID: " + secret.id() + ": ";
    if (secret.id().isEmpty()) {
      throw failure(
          secret.position(),
          "secret is missing an ID as well as auto-generated ID",
          "add `id: <name>` to the secret");
    }
    if (hasSpace(secret.id())) {
      throw failure(
          secret.position(),
          prefix + "secret ID cannot contain spaces",
          "use letters, digits, - or _ in the id");
    }
    if (secret.keyvault().isEmpty() && secret.aadResourceId().isEmpty()) {
      throw failure(
          secret.position(),
          prefix
              + "secret should contain either keyvault property for vault secret, or msi"
              + " clientID/aadResourceId for msi authentication",
          "add `keyvault: https://<vault>.vault.azure.net/secrets/<name>`");
    }
    if (!secret.clientID().isEmpty() && !UUID.matcher(secret.clientID()).matches()) {
      throw failure(
          secret.position(),
          prefix + "msi client ID is not a valid guid",
          "clientID must be a GUID like 00000000-0000-0000-0000-000000000000");
    }
  }

  private void checkVolume(Volume volume) throws TaskException {
    Position at = volume.position();
    if (volume.name().isEmpty()) {
      throw failure(at, DESERIALIZE + "volume name is empty", "add `name: <name>`");
    }
    if (!VOLUME_NAME.matcher(volume.name()).matches()) {
      throw failure(
          at,
          DESERIALIZE + "volume name is not well formed. Only use alphanumeric and - _",
          "rename the volume");
    }
    if (volume.secret() == null) {
      throw failure(
          at,
          DESERIALIZE + "currently only support for source type secret",
          "add `secret:` with file names mapped to base64 contents");
    }
    if (volume.secret().isEmpty()) {
      throw failure(at, DESERIALIZE + "secret is empty", "add at least one file under `secret:`");
    }
    for (String fileName : volume.secret().keySet()) {
      if (fileName.isEmpty()) {
        throw failure(
            at, DESERIALIZE + "secret name provided for value is empty", "name every file");
      }
      if (!FILE_NAME.matcher(fileName).matches()) {
        throw failure(
            at,
            DESERIALIZE
                + "file name, "
                + fileName
                + ", is not well formed. Only use alphanumeric and - _ .",
            "a file name is a single name, not a path");
      }
    }
  }

  void checkVersion(TaskDraft task) throws TaskException {
    if (!VERSIONS.contains(task.version.toLowerCase(Locale.ROOT))) {
      throw failure(
          task.at("version"),
          "invalid version specified: \"" + task.version + "\", the current version is \"v1.0.0\"",
          "use v1.0.0, or v1.1.0 for aliases");
    }
  }

  /** acb's per-step validation, first failure wins. */
  void checkStep(Step step) throws TaskException {
    if (step.id().isEmpty()) {
      throw failure(step.position(), "step is missing an ID", "add `id: <name>`");
    }
    if (step.retries() < 0) {
      throw failure(step.at("retries"), "step must specify retries >= 0", "use 0 or more");
    }
    if (step.repeat() < 0) {
      throw failure(step.at("repeat"), "step must specify repeat >= 0", "use 0 or more");
    }
    int kinds =
        (step.cmd().isEmpty() ? 0 : 1)
            + (step.build().isEmpty() ? 0 : 1)
            + (step.push().isEmpty() ? 0 : 1);
    if (kinds > 1) {
      throw failure(
          step.position(),
          "step must only contain a single build, cmd, or push property",
          "split it into one step per action");
    }
    if (hasSpace(step.id())) {
      throw failure(
          step.at("id"), "step ID cannot contain spaces", "use letters, digits, - or _ in ids");
    }
    if (kinds == 0) {
      throw failure(
          step.position(),
          "step is missing a cmd, build, or push property",
          "add `cmd: <image> [args]`, `build: <docker build arguments>` or `push: [<image>]`");
    }
    checkMounts(step);
    for (int i = 0; i < step.when().size(); i++) {
      String dependency = step.when().get(i);
      if (dependency.equals(Step.IMMEDIATE) && step.when().size() > 1) {
        throw failure(
            step.at("when." + i),
            "step cannot contain other IDs in when if the immediate execution token is specified",
            "use either `when: [\"-\"]` or a list of step ids");
      }
      if (dependency.equals(step.id())) {
        throw failure(
            step.at("when." + i),
            "Step ID: " + step.id() + " is self-referenced",
            "a step cannot wait for itself");
      }
    }
    String cache = step.cache().toLowerCase(Locale.ROOT);
    if (!cache.isEmpty() && !cache.equals("enabled") && !cache.equals("disabled")) {
      throw failure(
          step.at("cache"),
          "invalid value for cache property. Valid values are 'enabled', 'disabled'",
          "write `cache: enabled` or `cache: disabled`");
    }
  }

  private void checkMounts(Step step) throws TaskException {
    List<VolumeMount> mounts = step.volumeMounts();
    if (mounts.isEmpty()) {
      return;
    }
    if (step.type() == StepType.PUSH) {
      throw failure(
          step.at("volumeMounts"),
          "invalid use of Mounts. Mounts must have unique container paths and only used for cmd"
              + " or build steps",
          "remove `volumeMounts` from the push step");
    }
    Set<String> paths = new HashSet<>();
    for (VolumeMount mount : mounts) {
      if (mount.name().isEmpty() || mount.mountPath().isEmpty()) {
        throw failure(
            mount.position(),
            "mount name or mount path is empty",
            "give each mount a `name` and a `mountPath`");
      }
      if (!paths.add(mount.mountPath())) {
        throw failure(
            mount.position(),
            "mount with duplicate container file path found",
            "mount each volume at a different path");
      }
    }
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean hasSpace(String text) {
    return text.codePoints()
        .anyMatch(
            c ->
                (c >= '\t' && c <= '\r')
                    || c == ' '
                    || c == 0x85
                    || c == 0xA0
                    || Character.isSpaceChar(c));
  }

  private TaskException failure(Position position, String reason, String hint) {
    return new TaskException(file, position, reason, hint);
  }
}
