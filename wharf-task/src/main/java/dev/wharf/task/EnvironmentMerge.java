package dev.wharf.task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * acb's environment merge: entries of {@code dest} win, new keys of {@code src} follow in order.
 * Quirk kept from acb: every {@code src} entry is split on commas first.
 */
final class EnvironmentMerge {

  private EnvironmentMerge() {}

  /**
   * Merges, or throws {@link IllegalArgumentException} carrying acb's message.
   *
   * <p>When {@code src} is empty, {@code dest} is returned unvalidated, as acb does.
   */
  static List<String> merge(List<String> dest, List<String> src) {
    if (src.isEmpty()) {
      return dest;
    }
    List<String> flattened = new ArrayList<>();
    for (String entry : src) {
      flattened.addAll(List.of(entry.split(",", -1)));
    }
    Set<String> keys = new HashSet<>();
    for (String entry : dest) {
      keys.add(key(entry, "step"));
    }
    List<String> merged = new ArrayList<>(dest);
    for (String entry : flattened) {
      if (!keys.contains(key(entry, "task"))) {
        merged.add(entry);
      }
    }
    return merged;
  }

  private static String key(String entry, String kind) {
    int equals = entry.indexOf('=');
    if (equals < 0) {
      throw new IllegalArgumentException(
          "cannot parse " + kind + " environment variable " + entry + " correctly");
    }
    return entry.substring(0, equals);
  }
}
