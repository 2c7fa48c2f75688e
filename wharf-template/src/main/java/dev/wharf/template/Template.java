package dev.wharf.template;

import dev.wharf.template.Node.ListNode;
import java.util.HashMap;
import java.util.Map;

/** A parsed Go {@code text/template}, ready to execute against data any number of times. */
public final class Template {

  /**
   * The longest string a template may produce, as its output or as one value (such as the result of
   * {@code repeat}): 4 Mi characters, the size limit of a task file.
   */
  public static final int MAX_STRING_CHARS = 4 * 1024 * 1024;

  /** The most items a function that makes a list (such as {@code until}) may make. */
  public static final int MAX_LIST_ITEMS = 1_000_000;

  private final String name;
  private final String text;
  private final Map<String, ListNode> trees;
  private final Map<String, TemplateFunction> funcs;

  private Template(
      String name, String text, Map<String, ListNode> trees, Map<String, TemplateFunction> funcs) {
    this.name = name;
    this.text = text;
    this.trees = trees;
    this.funcs = funcs;
  }

  /**
   * Parses {@code text} as template {@code name}; {@code funcs} are added to Go's builtins and may
   * override them.
   */
  public static Template parse(String name, String text, Map<String, TemplateFunction> funcs)
      throws TemplateException {
    Map<String, TemplateFunction> all = new HashMap<>(Builtins.ALL);
    if (funcs != null) {
      all.putAll(funcs);
    }
    Map<String, ListNode> trees = new HashMap<>();
    try {
      Parser.parse(name, text, all.keySet(), trees);
    } catch (Parser.ParseError e) {
      throw new TemplateException(e.getMessage(), name, e.line, -1);
    } catch (StackOverflowError e) {
      throw new TemplateException(
          "template: " + name + ": max expression depth exceeded", name, 0, -1);
    }
    return new Template(name, text, Map.copyOf(trees), Map.copyOf(all));
  }

  /** Executes with {@code missingkey=zero}, as ACR does. */
  public String execute(Object data) throws TemplateException {
    return execute(data, MissingKey.ZERO);
  }

  /** Executes against {@code data} (maps, lists, records, strings, numbers, booleans, null). */
  public String execute(Object data, MissingKey missingKey) throws TemplateException {
    try {
      return new Execution(name, text, trees, funcs, missingKey).run(name, data);
    } catch (ExecError e) {
      throw new TemplateException(e.getMessage(), name, e.line, e.column);
    } catch (StackOverflowError e) {
      throw new TemplateException(
          "template: " + name + ": exceeded maximum template depth", name, 0, -1);
    }
  }
}
