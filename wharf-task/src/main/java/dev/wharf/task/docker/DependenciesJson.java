package dev.wharf.task.docker;

import dev.wharf.template.values.GoJson;
import java.util.List;

/**
 * Writes the dependencies report in acb's exact compact JSON: Go's field order, {@code tag} omitted
 * when empty, {@code null} for a missing image or an empty build-time list, and Go's string
 * escaping (which also escapes {@code <}, {@code >} and {@code &}).
 */
public final class DependenciesJson {
  private DependenciesJson() {}

  /** The JSON array for these entries, on one line. */
  public static String write(List<ImageDependencies> entries) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < entries.size(); i++) {
      ImageDependencies entry = entries.get(i);
      out.append(i == 0 ? "{" : ",{").append("\"image\":");
      reference(out, entry.image());
      out.append(",\"runtime-dependency\":");
      reference(out, entry.runtime());
      out.append(",\"buildtime-dependency\":");
      if (entry.buildtime().isEmpty()) {
        out.append("null");
      } else {
        out.append('[');
        for (int b = 0; b < entry.buildtime().size(); b++) {
          if (b > 0) {
            out.append(',');
          }
          reference(out, entry.buildtime().get(b));
        }
        out.append(']');
      }
      out.append(",\"git\":{\"git-head-revision\":");
      string(out, entry.gitHeadRevision());
      out.append("}}");
    }
    return out.append(']').toString();
  }

  private static void reference(StringBuilder out, ImageReference ref) {
    if (ref == null) {
      out.append("null");
      return;
    }
    out.append("{\"registry\":");
    string(out, ref.registry());
    out.append(",\"repository\":");
    string(out, ref.repository());
    if (!ref.tag().isEmpty()) {
      out.append(",\"tag\":");
      string(out, ref.tag());
    }
    out.append(",\"digest\":");
    string(out, ref.digest());
    out.append(",\"reference\":");
    string(out, ref.reference());
    out.append('}');
  }

  static void string(StringBuilder out, String s) {
    GoJson.quote(out, s);
  }
}
