package dev.wharf.engine.prepare;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a task is rendered with: a values file, then {@code --set}, then {@code --set-secret}
 * (which are masked), each replacing the keys of the one before.
 *
 * @param file the values file, relative to the run's context (as ACR reads it), or null
 * @param fallbackFolder where the file is read when the context has none (the command line's
 *     working folder), or null for nowhere else
 */
public record RunValues(
    String file, Path fallbackFolder, Map<String, String> set, Map<String, String> secrets) {

  public RunValues {
    set = set == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(set));
    secrets =
        secrets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
  }

  /** No values. */
  public static RunValues none() {
    return new RunValues(null, null, null, null);
  }
}
