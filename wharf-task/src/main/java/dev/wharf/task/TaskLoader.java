package dev.wharf.task;

import dev.wharf.task.docker.DockerParseException;
import dev.wharf.task.docker.RunArgs;
import dev.wharf.task.graph.StepGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Turns rendered task text into a {@link Plan}: decode, defaults, validation and the step graph, in
 * acb's order (docs/behaviour.md#validation). This is what {@code wharf validate/inspect/graph/run}
 * call after rendering.
 */
public final class TaskLoader {

  /**
   * How to load.
   *
   * @param strict unknown keys (and other warnings) are errors ({@code --strict})
   * @param env task env from the command line ({@code --env}); the file's keys win
   * @param network an external default network ({@code --network}), or empty
   * @param commandAliases expands a step's {@code cmd} in alias mode (acb §2.7.6), applied after
   *     decoding
   * @param buildReader parses a {@code build} string, throwing {@link IllegalArgumentException} for
   *     a bad one (null result: nothing to show); a null reader skips build parsing
   */
  public record Options(
      boolean strict,
      List<String> env,
      String network,
      UnaryOperator<String> commandAliases,
      Function<String, BuildSummary> buildReader) {

    public Options {
      env = List.copyOf(env);
      Objects.requireNonNull(network, "network cannot be null");
      Objects.requireNonNull(commandAliases, "commandAliases cannot be null");
    }

    /** Not strict, no command-line env or network, no aliases, {@code docker build} parsing. */
    public static Options defaults() {
      return new Options(false, List.of(), "", UnaryOperator.identity(), BuildStrings::summary);
    }

    public Options withStrict(boolean strict) {
      return new Options(strict, env, network, commandAliases, buildReader);
    }

    public Options withEnv(List<String> env) {
      return new Options(strict, env, network, commandAliases, buildReader);
    }

    public Options withNetwork(String network) {
      return new Options(strict, env, network, commandAliases, buildReader);
    }

    public Options withCommandAliases(UnaryOperator<String> commandAliases) {
      return new Options(strict, env, network, commandAliases, buildReader);
    }

    public Options withBuildReader(Function<String, BuildSummary> buildReader) {
      return new Options(strict, env, network, commandAliases, buildReader);
    }
  }

  private final Options options;

  public TaskLoader(Options options) {
    this.options = Objects.requireNonNull(options, "options cannot be null");
  }

  /** Loads {@code text}, naming {@code file} in every error and warning. */
  public Plan load(String text, String file) throws TaskException {
    Objects.requireNonNull(text, "text cannot be null");
    Objects.requireNonNull(file, "file cannot be null");
    List<Warning> warnings = new ArrayList<>();
    TaskDraft draft = new TaskDecoder(file).decodeDraft(text, warnings);
    if (options.strict() && !warnings.isEmpty()) {
      Warning first = warnings.get(0);
      throw new TaskException(
          file, first.position(), first.message(), "--strict turns warnings into errors");
    }
    for (StepDraft step : draft.steps) {
      if (!step.cmd.isEmpty()) {
        step.cmd = options.commandAliases().apply(step.cmd);
      }
    }
    TaskValidator validator = new TaskValidator(file);
    validator.checkDecoded(draft);
    TaskDefaults.applyVersion(draft);
    validator.checkVersion(draft);
    TaskDefaults defaults = new TaskDefaults(file);
    defaults.applyRunOptions(draft, options.env(), options.network());
    defaults.applySteps(draft);
    Task task = draft.freeze();
    StepGraph.Builder graph = new StepGraph.Builder(file);
    for (Step step : task.steps()) {
      validator.checkStep(step);
      checkCommand(step, file);
      graph.add(step);
    }
    return new Plan(task, graph.build(), warnings, builds(task, file));
  }

  /**
   * A cmd step's leading {@code docker run} flags must be ones Wharf understands
   * (docs/behaviour.md#cmd-strings).
   */
  private static void checkCommand(Step step, String file) throws TaskException {
    if (step.type() != StepType.CMD) {
      return;
    }
    try {
      RunArgs.parse(step.cmd());
    } catch (DockerParseException e) {
      throw new TaskException(
          file,
          step.at("cmd"),
          e.getMessage(),
          e.hint().isEmpty() ? "write `cmd` as: [docker run flags] IMAGE [ARGS]" : e.hint());
    }
  }

  private Map<String, BuildSummary> builds(Task task, String file) throws TaskException {
    Map<String, BuildSummary> builds = new HashMap<>();
    if (options.buildReader() == null) {
      return builds;
    }
    for (Step step : task.steps()) {
      if (step.type() == StepType.BUILD) {
        try {
          BuildSummary summary = options.buildReader().apply(step.build());
          if (summary != null) {
            builds.put(step.id(), summary);
          }
        } catch (IllegalArgumentException e) {
          throw new TaskException(
              file, step.at("build"), e.getMessage(), "write `build` as `docker build` arguments");
        }
      }
    }
    return builds;
  }
}
