package dev.wharf.template.render;

import dev.wharf.template.values.Values;
import java.util.LinkedHashMap;
import java.util.Map;

/** The data map handed to a task template: {@code Run}, {@code Build}, {@code Values}, … */
public final class RenderData {

  private RenderData() {}

  /**
   * The top-level template data, as acb builds it.
   *
   * @param secrets resolved secrets by id (empty on the first render of a task with secrets)
   */
  public static Map<String, Object> of(
      RunInfo run, Map<String, Object> values, Map<String, String> secrets) {
    Map<String, Object> runMap = run.toMap();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("Build", new LinkedHashMap<>(Map.of("ID", run.id())));
    data.put("Run", runMap);
    data.put("Values", values);
    data.put("ValuesJSON", Values.shellJson(values));
    data.put("RunJSON", Values.shellJson(runMap));
    data.put("Secrets", new LinkedHashMap<String, Object>(secrets));
    return data;
  }
}
