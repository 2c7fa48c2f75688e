package dev.wharf.task;

import dev.wharf.template.values.BoundedYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Decodes rendered task YAML into the task model as acb's yaml.v2 would, keeping positions and
 * warning about every key acb would silently ignore.
 */
public final class TaskDecoder {

  /** A decoded task, no defaults applied yet, and the warnings found on the way. */
  public record Decoded(Task task, List<Warning> warnings) {}

  private static final Map<String, String> STEP_KEY_ADVICE =
      Map.of(
          "secret",
          "the step key `secret` is not supported (acb ignores it too); declare `secrets` at the"
              + " top level and use {{.Secrets.<id>}}",
          "volumeMount",
          "the step key `volumeMount` is ignored (as by acb); the key is `volumeMounts`",
          "downloadRetries",
          "the step key `downloadRetries` is ignored (as by acb); the key is `cmdDownloadRetries`");

  private final String file;

  public TaskDecoder(String file) {
    this.file = Objects.requireNonNull(file, "file cannot be null");
  }

  /** Decodes {@code text}, applying no defaults and no validation. */
  public Decoded decode(String text) throws TaskException {
    List<Warning> warnings = new ArrayList<>();
    return new Decoded(decodeDraft(text, warnings).freeze(), List.copyOf(warnings));
  }

  TaskDraft decodeDraft(String text, List<Warning> warnings) throws TaskException {
    NodeReader reader = new NodeReader(file, warnings);
    TaskDraft task = new TaskDraft();
    Optional<Node> root = compose(text);
    if (root.isEmpty()) {
      return task;
    }
    for (NodeReader.Field field : reader.fields(root.get(), "graph.Task")) {
      Node value = field.value();
      task.positions.put(field.key(), NodeReader.position(value));
      switch (field.key()) {
        case "version" -> task.version = reader.string(value);
        case "stepTimeout" -> task.stepTimeout = reader.integer(value);
        case "totalTimeout" -> task.totalTimeout = reader.integer(value);
        case "workingDirectory" -> task.workingDirectory = reader.string(value);
        case "env" -> task.env = reader.strings(value);
        case "secrets" -> task.secrets = secrets(reader, value);
        case "networks" -> task.networks = networks(reader, value);
        case "volumes" -> task.volumes = volumes(reader, value);
        case "steps" -> {
          for (Node item : reader.items(value, "[]*graph.Step")) {
            task.steps.add(step(reader, item));
          }
        }
        case "alias" ->
            reader.warn(
                field.keyNode(),
                "`alias` is only read when version is v1.1.0 or later; here it is ignored");
        default -> reader.warn(field.keyNode(), "unknown key `" + field.key() + "` is ignored");
      }
    }
    return task;
  }

  private Optional<Node> compose(String text) throws TaskException {
    // Duplicate keys become warnings in NodeReader (acb lets the last one win). The default of 50
    // aliases would reject a long task sharing `<<: *common` in every step; NodeReader bounds the
    // work aliases can cause instead.
    LoadSettings settings =
        BoundedYaml.settings(
            LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(true)
                .setUseMarks(true)
                .setMaxAliasesForCollections(10_000)
                // Let NodeReader reject them, with a position.
                .setAllowNonScalarKeys(true));
    try {
      return composeLenient(settings, text);
    } catch (MarkedYamlEngineException e) {
      Position at =
          e.getProblemMark()
              .map(mark -> new Position(mark.getLine() + 1, mark.getColumn() + 1))
              .orElse(null);
      String line = at == null ? "" : "line " + at.line() + ": ";
      throw new TaskException(
          file,
          at,
          "failed to deserialize task and validate: yaml: " + line + problem(e),
          yamlHint(e, text, at));
    } catch (YamlEngineException e) {
      throw new TaskException(
          file,
          null,
          "failed to deserialize task and validate: yaml: " + e.getMessage(),
          "fix the YAML syntax");
    }
  }

  /**
   * A plain value with {@code ": "} inside is the usual cause, often a variable that rendered empty
   * ({@code -t $Registry/app:$ID} without an id): show the line as it reads after rendering.
   */
  private static String yamlHint(MarkedYamlEngineException e, String text, Position at) {
    String[] lines = text.split("\n", -1);
    if (at == null
        || at.line() > lines.length
        || !String.valueOf(e.getProblem()).contains("mapping values are not allowed")) {
      return "fix the YAML syntax; check the indentation and quoting around this place";
    }
    String rendered = lines[at.line() - 1].strip();
    if (rendered.length() > 120) {
      rendered = rendered.substring(0, 120) + "…";
    }
    return "after rendering, this line reads `"
        + rendered
        + "`; a value that contains ': ' must be quoted. If a variable rendered empty there"
        + " ($ID, $Registry, {{.Run.ID}}, a value), give it: --id ID, -r HOST, --set KEY=VALUE";
  }

  /**
   * Composes like acb's YAML reader, which takes a lone {@code -} in a flow sequence ({@code when:
   * [-]}, as published task files write it) for the string {@code "-"} where YAML 1.2 refuses it:
   * each such dash that the scanner stops at is quoted, and the text composed again.
   */
  private static Optional<Node> composeLenient(LoadSettings settings, String text) {
    String current = text;
    for (int quoted = 0; ; quoted++) {
      try {
        return BoundedYaml.compose(current, settings);
      } catch (MarkedYamlEngineException e) {
        int at = loneFlowDash(e, current);
        if (at < 0 || quoted >= MAX_QUOTED_DASHES) {
          throw e;
        }
        current = current.substring(0, at) + "\"-\"" + current.substring(at + 1);
      }
    }
  }

  private static final int MAX_QUOTED_DASHES = 1_000;

  /** The offset of the dash the scanner stopped at when it stands alone before , ] or }, or -1. */
  private static int loneFlowDash(MarkedYamlEngineException e, String text) {
    if (e.getProblemMark().isEmpty()
        || !String.valueOf(e.getProblem()).contains("found character '-' that cannot start")) {
      return -1;
    }
    var mark = e.getProblemMark().get();
    int offset = 0;
    for (int line = 0; line < mark.getLine(); line++) {
      offset = text.indexOf('\n', offset) + 1;
      if (offset == 0) {
        return -1;
      }
    }
    offset += mark.getColumn();
    if (offset >= text.length() || text.charAt(offset) != '-') {
      return -1;
    }
    int next = offset + 1;
    while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
      next++;
    }
    return next < text.length() && ",]}".indexOf(text.charAt(next)) >= 0 ? offset : -1;
  }

  private static String problem(MarkedYamlEngineException e) {
    String context = e.getContext();
    return context == null || context.isEmpty() ? e.getProblem() : context + ": " + e.getProblem();
  }

  private StepDraft step(NodeReader reader, Node node) throws TaskException {
    StepDraft step = new StepDraft();
    step.position = NodeReader.position(node);
    for (NodeReader.Field field : reader.fields(node, "graph.Step")) {
      Node value = field.value();
      step.positions.put(field.key(), NodeReader.position(value));
      switch (field.key()) {
        case "id" -> step.id = reader.string(value);
        case "cmd" -> step.cmd = reader.string(value);
        case "build" -> step.build = reader.string(value);
        case "push" -> step.push = reader.strings(value);
        case "workingDirectory" -> step.workingDirectory = reader.string(value);
        case "entryPoint" -> step.entryPoint = reader.string(value);
        case "user" -> step.user = reader.string(value);
        case "network" -> step.network = reader.string(value);
        case "isolation" -> step.isolation = reader.string(value);
        case "cpus" -> step.cpus = reader.string(value);
        case "cache" -> step.cache = reader.string(value);
        case "volumeMounts" -> step.volumeMounts = mounts(reader, value);
        case "env" -> step.env = reader.strings(value);
        case "expose" -> step.expose = reader.strings(value);
        case "ports" -> step.ports = reader.strings(value);
        case "when" -> {
          step.when = reader.strings(value);
          if (value instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
              step.positions.put("when." + i, NodeReader.position(sequence.getValue().get(i)));
            }
          }
        }
        case "exitedWith" -> step.exitedWith = reader.integers(value);
        case "exitedWithout" -> step.exitedWithout = reader.integers(value);
        case "timeout" -> step.timeout = reader.integer(value);
        case "startDelay" -> step.startDelay = reader.integer(value);
        case "retries" -> step.retries = reader.integer(value);
        case "retryDelay" -> step.retryDelay = reader.integer(value);
        case "retryOnErrors" -> step.retryOnErrors = reader.strings(value);
        case "repeat" -> step.repeat = reader.integer(value);
        case "cmdDownloadRetries" -> step.cmdDownloadRetries = reader.integer(value);
        case "cmdDownloadRetryDelay" -> step.cmdDownloadRetryDelay = reader.integer(value);
        case "keep" -> step.keep = reader.bool(value);
        case "detach" -> step.detach = reader.bool(value);
        case "privileged" -> step.privileged = reader.bool(value);
        case "ignoreErrors" -> step.ignoreErrors = reader.bool(value);
        case "disableWorkingDirectoryOverride" ->
            step.disableWorkingDirectoryOverride = reader.bool(value);
        case "pull" -> step.pull = reader.bool(value);
        default ->
            reader.warn(
                field.keyNode(),
                STEP_KEY_ADVICE.getOrDefault(
                    field.key(), "unknown step key `" + field.key() + "` is ignored"));
      }
    }
    return step;
  }

  private List<VolumeMount> mounts(NodeReader reader, Node node) throws TaskException {
    List<VolumeMount> mounts = new ArrayList<>();
    for (Node item : reader.items(node, "[]*volume.Mount")) {
      String name = "";
      String mountPath = "";
      for (NodeReader.Field field : reader.fields(item, "volume.Mount")) {
        switch (field.key()) {
          case "name" -> name = reader.string(field.value());
          case "mountPath" -> mountPath = reader.string(field.value());
          default -> unknown(reader, field, "volume mount");
        }
      }
      mounts.add(new VolumeMount(name, mountPath, NodeReader.position(item)));
    }
    return mounts;
  }

  private List<Secret> secrets(NodeReader reader, Node node) throws TaskException {
    List<Secret> secrets = new ArrayList<>();
    for (Node item : reader.items(node, "[]*secretmgmt.Secret")) {
      String id = "";
      String keyvault = "";
      String clientId = "";
      String aadResourceId = "";
      for (NodeReader.Field field : reader.fields(item, "secretmgmt.Secret")) {
        switch (field.key()) {
          case "id" -> id = reader.string(field.value());
          case "keyvault" -> keyvault = reader.string(field.value());
          case "clientID" -> clientId = reader.string(field.value());
          case "aadresourceid" -> aadResourceId = reader.string(field.value());
          default -> unknown(reader, field, "secret");
        }
      }
      secrets.add(new Secret(id, keyvault, clientId, aadResourceId, NodeReader.position(item)));
    }
    return secrets;
  }

  private List<Network> networks(NodeReader reader, Node node) throws TaskException {
    List<Network> networks = new ArrayList<>();
    for (Node item : reader.items(node, "[]*graph.Network")) {
      String name = "";
      String driver = "";
      boolean ipv6 = false;
      boolean skipCreation = false;
      boolean isDefault = false;
      for (NodeReader.Field field : reader.fields(item, "graph.Network")) {
        switch (field.key()) {
          case "name" -> name = reader.string(field.value());
          case "driver" -> driver = reader.string(field.value());
          case "ipv6" -> ipv6 = reader.bool(field.value());
          case "skipCreation" -> skipCreation = reader.bool(field.value());
          case "isDefault" -> isDefault = reader.bool(field.value());
          default -> unknown(reader, field, "network");
        }
      }
      networks.add(
          new Network(name, driver, ipv6, skipCreation, isDefault, NodeReader.position(item)));
    }
    return networks;
  }

  private List<Volume> volumes(NodeReader reader, Node node) throws TaskException {
    List<Volume> volumes = new ArrayList<>();
    for (Node item : reader.items(node, "[]*volume.Volume")) {
      String name = "";
      Map<String, String> secret = null;
      for (NodeReader.Field field : reader.fields(item, "volume.Volume")) {
        switch (field.key()) {
          case "name" -> name = reader.string(field.value());
          case "secret" ->
              secret = NodeReader.isNull(field.value()) ? null : reader.stringMap(field.value());
          default -> unknown(reader, field, "volume");
        }
      }
      volumes.add(new Volume(name, secret, NodeReader.position(item)));
    }
    return volumes;
  }

  private static void unknown(NodeReader reader, NodeReader.Field field, String object) {
    reader.warn(field.keyNode(), "unknown " + object + " key `" + field.key() + "` is ignored");
  }
}
