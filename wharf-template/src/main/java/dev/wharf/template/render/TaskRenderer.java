package dev.wharf.template.render;

import dev.wharf.template.MissingKey;
import dev.wharf.template.Template;
import dev.wharf.template.TemplateException;
import dev.wharf.template.TemplateFunction;
import dev.wharf.template.alias.AliasBlock;
import dev.wharf.template.alias.AliasException;
import dev.wharf.template.alias.AliasSplit;
import dev.wharf.template.alias.AliasSubstitution;
import dev.wharf.template.alias.Aliases;
import dev.wharf.template.alias.TaskText;
import dev.wharf.template.sprig.Sprig;
import dev.wharf.template.values.Values;
import dev.wharf.template.values.ValuesException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * acb's render pipeline for a task file: comment stripping, values, aliases ({@code version >=
 * v1.1.0}), Go-template rendering (twice when the task has secrets) and {@code <no value>} removal.
 */
public final class TaskRenderer {

  private static final String ALIAS_TEMPLATE = "aliasData";
  private static final Pattern GO_POSITION = Pattern.compile("template: (.+?):(\\d+)(?::(\\d+))?:");

  private final TemplateRunner runner;

  /** A renderer on Wharf's Go {@code text/template} engine. */
  public TaskRenderer() {
    this(TaskRenderer::goTemplate);
  }

  TaskRenderer(TemplateRunner runner) {
    this.runner = runner;
  }

  /**
   * Renders a task file.
   *
   * @throws RenderException with acb's message text ({@code failed to parse template: …}, {@code
   *     unable to render alias data: …}, {@code rendered template was empty}, …)
   */
  public RenderResult render(RenderRequest request) throws RenderException {
    String text = TaskText.stripComments(request.taskText());
    List<Integer> lines = TaskText.keptLines(request.taskText());
    Map<String, Object> values = values(request);
    List<String> secretValues = new ArrayList<>(request.setSecrets().values());
    if (request.taskText().isEmpty()) {
      return new RenderResult("", Optional.empty(), secretValues, List.of());
    }
    Map<String, TemplateFunction> functions = Sprig.functions(request.allowEnv());
    Optional<Aliases> aliases = Optional.empty();
    if (TaskText.aliasesEnabled(TaskText.findVersion(text))) {
      AliasSplit split = AliasSplit.of(text);
      Aliases found = aliases(request, split, lines, values, functions);
      lines = through(lines, split.restLines());
      aliases = Optional.of(found);
      text = AliasSubstitution.apply(split.rest(), found.values(), found.directive());
    }
    Map<String, String> secrets = Map.of();
    Source task = new Source(request.taskName(), text, lines);
    String rendered = execute(task, functions, request.run(), values, secrets);
    if (text.contains("secrets") && request.secretsResolver() != null) {
      secrets = request.secretsResolver().resolve(rendered);
      secretValues.addAll(secrets.values());
      rendered = execute(task, functions, request.run(), values, secrets);
    }
    return new RenderResult(
        rendered, aliases, secretValues, LineMap.of(text, task.fileLines(), rendered));
  }

  /** A template text with, for each of its lines, the 0-based line of the task file. */
  private record Source(String name, String text, List<Integer> fileLines) {}

  private static List<Integer> through(List<Integer> outer, List<Integer> inner) {
    List<Integer> out = new ArrayList<>(inner.size());
    inner.forEach(i -> out.add(outer.get(i)));
    return out;
  }

  private Aliases aliases(
      RenderRequest request,
      AliasSplit split,
      List<Integer> lines,
      Map<String, Object> values,
      Map<String, TemplateFunction> functions)
      throws RenderException {
    AliasBlock block = AliasBlock.NONE;
    try {
      if (!split.alias().isBlank()) {
        Source aliasData =
            new Source(ALIAS_TEMPLATE, split.alias(), through(lines, split.aliasLines()));
        String rendered = execute(aliasData, functions, request.run(), values, Map.of());
        block = AliasBlock.parse(rendered);
      }
      return Aliases.build(
          block, request.taskFolder(), request.imageAliases(), request.remoteAliases());
    } catch (RenderException e) {
      throw new RenderException(
          "unable to render alias data: " + e.getMessage(),
          request.taskName(),
          e.line(),
          e.column(),
          e);
    } catch (AliasException e) {
      throw new RenderException(
          "unable to search/replace aliases in task: " + e.getMessage(),
          request.taskName(),
          0,
          0,
          e);
    }
  }

  private String execute(
      Source template,
      Map<String, TemplateFunction> functions,
      RunInfo run,
      Map<String, Object> values,
      Map<String, String> secrets)
      throws RenderException {
    String name = template.name();
    Map<String, Object> data;
    try {
      data = RenderData.of(run, values, secrets);
    } catch (IllegalArgumentException e) {
      // .ValuesJSON cannot hold a value JSON has no form for (NaN, infinities).
      throw new RenderException(
          "failed to override values: failed to serialize Values: " + e.getMessage(),
          name,
          0,
          0,
          e);
    }
    String out;
    try {
      out = runner.run(name, template.text(), functions, data);
    } catch (TemplateRunner.Failure e) {
      String what = e.parsing() ? "failed to parse template: " : "failed to execute template: ";
      Matcher at = GO_POSITION.matcher(e.getMessage());
      boolean found = at.find();
      int line = found ? Integer.parseInt(at.group(2)) : 0;
      throw new RenderException(
          what + name + ". Err: " + e.getMessage(),
          name,
          line > 0 && line <= template.fileLines().size()
              ? template.fileLines().get(line - 1) + 1
              : 0,
          found && at.group(3) != null ? Integer.parseInt(at.group(3)) + 1 : 0,
          e);
    }
    // missingkey=zero prints "<no value>" for missing keys; acb deletes every occurrence.
    out = out.replace("<no value>", "");
    if (out.isEmpty()) {
      throw new RenderException("rendered template was empty", name, 0, 0, null);
    }
    return out;
  }

  private static String goTemplate(
      String name, String text, Map<String, TemplateFunction> functions, Object data)
      throws TemplateRunner.Failure {
    Template template;
    try {
      template = Template.parse(name, text, functions);
    } catch (TemplateException e) {
      throw new TemplateRunner.Failure(true, e.getMessage(), e);
    }
    try {
      return template.execute(data, MissingKey.ZERO);
    } catch (TemplateException e) {
      throw new TemplateRunner.Failure(false, e.getMessage(), e);
    }
  }

  private static Map<String, Object> values(RenderRequest request) throws RenderException {
    try {
      Map<String, Object> file = new HashMap<>();
      String text = request.valuesText();
      String label = "values";
      if (text == null && request.valuesPath() != null) {
        label = request.valuesPath().toString();
        text = readValues(request);
      }
      if (text != null) {
        file = Values.parseFile(text, label);
      }
      return Values.merge(Values.merge(file, request.set()), request.setSecrets());
    } catch (ValuesException e) {
      throw new RenderException(e.getMessage(), null, 0, 0, e);
    }
  }

  private static String readValues(RenderRequest request) throws RenderException {
    try {
      return Files.readString(request.valuesPath(), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new RenderException(
          "failed to load values file at path "
              + request.valuesPath()
              + ": stat "
              + request.valuesPath().toAbsolutePath()
              + ": no such file or directory",
          request.valuesPath().toString(),
          0,
          0,
          e);
    } catch (IOException e) {
      throw new RenderException(
          "failed to load values file at path " + request.valuesPath() + ": " + e.getMessage(),
          request.valuesPath().toString(),
          0,
          0,
          e);
    }
  }
}
