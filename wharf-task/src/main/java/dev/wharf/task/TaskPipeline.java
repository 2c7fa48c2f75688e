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

  /** Plans rendered text; in alias mode the {@code cmd} steps get the command aliases. */
  public static Plan plan(RenderResult rendered, String name, TaskLoader.Options options)
      throws TaskException {
    UnaryOperator<String> commands =
        rendered
            .aliases()
            .<UnaryOperator<String>>map(
                aliases -> cmd -> AliasSubstitution.expandCommand(cmd, aliases.values()))
            .orElse(UnaryOperator.identity());
    Plan plan = new TaskLoader(options.withCommandAliases(commands)).load(rendered.text(), name);
    refuseSecretsInStructure(plan, rendered.secretValues(), name);
    return plan;
  }

  /**
   * Refuses a secret value used as a step id or an image name: those are printed as they are (in
   * the log, the step table, the dependency report, container names), where no masking reaches.
   */
  static void refuseSecretsInStructure(Plan plan, List<String> secrets, String name)
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
      for (String secret : secrets) {
        if (secret == null || secret.strip().length() < 3) {
          continue; // too short to tell apart from ordinary text
        }
        for (String text : printed) {
          if (text.contains(secret.strip())) {
            throw new TaskException(
                name,
                step.position(),
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
}
