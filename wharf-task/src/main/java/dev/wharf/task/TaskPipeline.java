package dev.wharf.task;

import dev.wharf.template.alias.AliasSubstitution;
import dev.wharf.template.render.RenderException;
import dev.wharf.template.render.RenderRequest;
import dev.wharf.template.render.RenderResult;
import java.util.LinkedHashMap;
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
    return new TaskLoader(options.withCommandAliases(commands)).load(rendered.text(), name);
  }
}
