package dev.wharf.api;

import java.util.Map;

/**
 * What replaces a task's own settings for one run ({@code az acr task run} overrides); null fields
 * keep the task's.
 *
 * @param upload id of an uploaded tar.gz context
 * @param values added to or replacing the task's values
 * @param secretValues added to or replacing the task's secret values
 * @param valuesFile a values file in the run's context replacing the task's
 */
public record TaskRunOverrides(
    String context,
    String upload,
    String file,
    Map<String, String> values,
    Map<String, String> secretValues,
    String valuesFile) {
  /** Overrides that keep the task's values file. */
  public TaskRunOverrides(
      String context,
      String upload,
      String file,
      Map<String, String> values,
      Map<String, String> secretValues) {
    this(context, upload, file, values, secretValues, null);
  }

  /** No overrides. */
  public static TaskRunOverrides none() {
    return new TaskRunOverrides(null, null, null, null, null, null);
  }
}
