package dev.wharf.task;

import dev.wharf.template.alias.AliasSubstitution;
import dev.wharf.template.render.RenderException;
import dev.wharf.template.render.RenderRequest;
import dev.wharf.template.render.RenderResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The two task-language steps that follow rendering, shared by the command line and the server:
 * resolving a task's {@code secrets} between its two renderings, and planning the rendered text
 * with the alias block's command aliases.
 */
public final class TaskPipeline {

  private TaskPipeline() {}

  /**
   * Resolves the {@code secrets} of a first rendering through {@code lookup} (secret id → value, or
   * null when it has none), failing with {@code hint} for a secret without a value.
   */
  public static RenderRequest.SecretsResolver secrets(
      String name, Function<String, String> lookup, Function<Secret, String> hint) {
    return firstRendering -> {
      Plan plan;
      try {
        plan = new TaskLoader(TaskLoader.Options.defaults()).load(firstRendering, name);
      } catch (TaskException e) {
        throw new RenderException(
            "failed to resolve secrets in the task with error: failed to parse template to create"
                + " task: "
                + e.getMessage());
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (Secret secret : plan.task().secrets()) {
        String value = lookup.apply(secret.id());
        if (value == null) {
          throw new RenderException(
              "failed to resolve secret "
                  + secret.id()
                  + (secret.keyvault().isEmpty() ? "" : " (" + secret.keyvault() + ")")
                  + ": "
                  + hint.apply(secret));
        }
        values.put(secret.id(), value);
      }
      return values;
    };
  }

  /**
   * Plans rendered text; in alias mode the {@code cmd} steps get the command aliases. Errors and
   * warnings name the task file's lines, not the rendered text's.
   */
  public static Plan plan(RenderResult rendered, String name, TaskLoader.Options options)
      throws TaskException {
    UnaryOperator<String> commands =
        rendered
            .aliases()
            .<UnaryOperator<String>>map(
                aliases -> cmd -> AliasSubstitution.expandCommand(cmd, aliases.values()))
            .orElse(UnaryOperator.identity());
    Plan plan;
    try {
      plan = new TaskLoader(options.withCommandAliases(commands)).load(rendered.text(), name);
    } catch (TaskException e) {
      throw new TaskException(
          e.file(),
          inFile(rendered, e.position()),
          masked(e.reason(), rendered),
          masked(e.hint(), rendered));
    }
    List<Warning> warnings = new ArrayList<>();
    for (Warning w : plan.warnings()) {
      warnings.add(new Warning(w.file(), inFile(rendered, w.position()), w.message()));
    }
    refuseSecretsInStructure(plan, rendered, name);
    return new Plan(plan.task(), plan.graph(), warnings, plan.builds());
  }

  /**
   * Refuses a secret value used as a step id or an image name: those are printed as they are (in
   * the log, the step table, the dependency report, container names), where no masking reaches.
   */
  private static void refuseSecretsInStructure(Plan plan, RenderResult rendered, String name)
      throws TaskException {
    List<Step> steps = plan.task().steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      List<String> printed = new ArrayList<>(step.push());
      printed.add(step.id());
      String cmd = step.cmd().strip();
      if (!cmd.isEmpty()) {
        printed.add(cmd.split("\\s+", 2)[0]);
      }
      for (String secret : rendered.secretValues()) {
        if (secret == null || secret.strip().length() < 3) {
          continue; // too short to tell apart from ordinary text
        }
        for (String text : printed) {
          if (text.contains(secret.strip())) {
            throw new TaskException(
                name,
                inFile(rendered, step.position()),
                "step "
                    + (i + 1)
                    + " uses a secret value in its id or an image name, which are printed"
                    + " unmasked",
                "use secrets in env, build arguments or secret volumes instead");
          }
        }
      }
    }
  }

  /** Rendered text quoted in a message may hold secret values: they print as {@code ***}. */
  private static String masked(String message, RenderResult rendered) {
    if (message == null) {
      return null;
    }
    for (String secret : rendered.secretValues()) {
      if (!secret.isEmpty()) {
        message = message.replace(secret, "***");
      }
    }
    return message;
  }

  private static Position inFile(RenderResult rendered, Position inRendered) {
    return inRendered == null
        ? null
        : new Position(rendered.fileLine(inRendered.line()), inRendered.column());
  }
}
