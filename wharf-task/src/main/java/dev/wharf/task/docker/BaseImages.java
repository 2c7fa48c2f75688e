package dev.wharf.task.docker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The base images of a Dockerfile's stages, resolved with Docker's semantics: global {@code ARG}s
 * (before the first {@code FROM}) are the only variables a {@code FROM} sees, build args set only
 * declared ARGs, a repeated ARG keeps its last value, stage names match case-insensitively, and a
 * stage built on an earlier stage has that stage's base image.
 *
 * @param runtime the base image of the last stage read (the target's, when one is given)
 * @param origins the base image of every stage read, in order, as expanded (with repeats)
 */
record BaseImages(String runtime, List<String> origins) {
  private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-_.]*");

  /** Automatic platform arguments BuildKit gives every FROM line. */
  private static final Map<String, String> PLATFORM_ARGS = platformArgs();

  private record Stage(String name, String origin) {}

  static BaseImages of(Dockerfile dockerfile, Map<String, String> buildArgs, String target)
      throws DockerParseException {
    Map<String, String> globals = new HashMap<>(PLATFORM_ARGS);
    List<Stage> stages = new ArrayList<>();
    boolean reachedTarget = false;
    for (Dockerfile.Instruction instruction : dockerfile.instructions()) {
      if (instruction.keyword().equals("ARG")) {
        // A stage's ARGs cannot reach a FROM, so only their syntax is checked.
        boolean global = stages.isEmpty();
        List<String[]> args = args(instruction, dockerfile.escape(), global ? globals : null);
        if (global) {
          for (String[] arg : args) {
            String value = buildArgs.containsKey(arg[0]) ? buildArgs.get(arg[0]) : arg[1];
            if (value != null) {
              globals.put(arg[0], value);
            }
          }
        }
      } else if (instruction.keyword().equals("FROM")) {
        Stage stage = stage(instruction, dockerfile.escape(), globals, stages);
        stages.add(stage);
        if (!target.isEmpty() && target.equalsIgnoreCase(stage.name())) {
          reachedTarget = true;
          break;
        }
      }
    }
    if (stages.isEmpty()) {
      throw new DockerParseException(
          "unexpected dockerfile format: no FROM instruction",
          "a Dockerfile starts its first stage with FROM <image>");
    }
    if (!target.isEmpty() && !reachedTarget) {
      throw new DockerParseException(
          "target stage \"" + target + "\" could not be found",
          "--target names a stage declared with FROM <image> AS <name>");
    }
    return new BaseImages(
        stages.get(stages.size() - 1).origin(), stages.stream().map(Stage::origin).toList());
  }

  /**
   * The names and defaults of an ARG instruction, a null default meaning none; defaults are
   * expanded with {@code globals}, or left as written when it is null.
   */
  private static List<String[]> args(
      Dockerfile.Instruction instruction, char escape, Map<String, String> globals)
      throws DockerParseException {
    List<String> words = DockerfileWords.split(instruction.args(), escape);
    if (words.isEmpty()) {
      throw new DockerParseException(
          "dockerfile syntax requires ARG directive to have exactly 1 argument. LINE: "
              + instruction.text(),
          "write ARG <name>[=<default>] (line " + instruction.line() + ")");
    }
    List<String[]> args = new ArrayList<>();
    for (String word : words) {
      int eq = word.indexOf('=');
      String name = eq < 0 ? word : word.substring(0, eq);
      if (name.isEmpty()) {
        throw new DockerParseException(
            "ARG names can not be blank (line " + instruction.line() + "): " + instruction.text());
      }
      String value = eq < 0 ? null : word.substring(eq + 1);
      if (value != null && globals != null) {
        value = expand(value, globals, escape, instruction);
      }
      args.add(new String[] {name, value});
    }
    return args;
  }

  private static Stage stage(
      Dockerfile.Instruction instruction,
      char escape,
      Map<String, String> globals,
      List<Stage> earlier)
      throws DockerParseException {
    List<String> words = new ArrayList<>(List.of(instruction.args().split("\\s+")));
    words.removeIf(String::isEmpty);
    while (!words.isEmpty() && words.get(0).startsWith("--")) {
      String flag = words.remove(0);
      if (flag.equals("--platform")) {
        throw new DockerParseException(
            "missing a value on flag --platform in FROM (line " + instruction.line() + ")",
            "write --platform=<platform>, with an equals sign");
      }
      if (!flag.startsWith("--platform=")) {
        throw new DockerParseException(
            "unknown flag " + flag + " in FROM (line " + instruction.line() + ")",
            "FROM accepts only --platform=<platform>");
      }
    }
    boolean aliased = words.size() == 3 && words.get(1).equalsIgnoreCase("as");
    if (words.size() != 1 && !aliased) {
      throw new DockerParseException(
          "unable to understand line " + instruction.text() + " (line " + instruction.line() + ")",
          "write FROM [--platform=<p>] <image> [AS <name>]");
    }
    String image = expand(words.get(0), globals, escape, instruction);
    if (image.isBlank()) {
      throw new DockerParseException(
          "base name (" + words.get(0) + ") should not be blank (line " + instruction.line() + ")",
          "give the ARG a default or pass it with --build-arg");
    }
    String name = aliased ? stageName(words.get(2), instruction) : null;
    for (Stage stage : earlier) {
      if (name != null && name.equals(stage.name())) {
        throw new DockerParseException(
            "duplicate stage name \"" + name + "\" (line " + instruction.line() + ")");
      }
    }
    for (Stage stage : earlier) {
      if (image.equalsIgnoreCase(stage.name())) {
        return new Stage(name, stage.origin());
      }
    }
    try {
      ImageReference.parse(image);
    } catch (DockerParseException e) {
      throw new DockerParseException(
          e.getMessage() + " (line " + instruction.line() + ")", e.hint());
    }
    return new Stage(name, image);
  }

  private static String expand(
      String word, Map<String, String> globals, char escape, Dockerfile.Instruction instruction)
      throws DockerParseException {
    try {
      return WordExpansion.expand(word, globals, escape);
    } catch (DockerParseException e) {
      throw new DockerParseException(
          e.getMessage() + " (line " + instruction.line() + ")", e.hint());
    }
  }

  private static String stageName(String written, Dockerfile.Instruction instruction)
      throws DockerParseException {
    String name = written.replaceAll("^['\"]+|['\"]+$", "").toLowerCase(Locale.ROOT);
    if (!STAGE_NAME.matcher(name).matches()) {
      throw new DockerParseException(
          "invalid name for build stage: \""
              + written
              + "\", name can't start with a number or contain symbols (line "
              + instruction.line()
              + ")");
    }
    return name;
  }

  private static Map<String, String> platformArgs() {
    String arch =
        switch (System.getProperty("os.arch", "")) {
          case "aarch64", "arm64" -> "arm64";
          case "arm" -> "arm";
          case "ppc64le" -> "ppc64le";
          case "s390x" -> "s390x";
          default -> "amd64";
        };
    Map<String, String> args = new HashMap<>();
    for (String prefix : List.of("BUILD", "TARGET")) {
      args.put(prefix + "PLATFORM", "linux/" + arch);
      args.put(prefix + "OS", "linux");
      args.put(prefix + "ARCH", arch);
    }
    return Map.copyOf(args);
  }
}
