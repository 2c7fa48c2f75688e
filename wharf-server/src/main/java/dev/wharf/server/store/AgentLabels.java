package dev.wharf.server.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.Query;

/**
 * How the labels a run asks of its agent are stored in {@code runs.agent_labels}, and the claim's
 * test of them: each label as {@code ;key=value;} (key and value URL-encoded, so that neither holds
 * a {@code ;} or {@code =}), sorted; a claim strikes each of the agent's labels out of the column
 * and takes the run when nothing is left.
 */
final class AgentLabels {
  private AgentLabels() {}

  /** The stored form: empty for none. */
  static String stored(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return "";
    }
    StringBuilder stored = new StringBuilder(";");
    new TreeMap<>(labels).forEach((key, value) -> stored.append(entry(key, value)).append(';'));
    return stored.toString();
  }

  /** The labels of a stored form. */
  static Map<String, String> read(String stored) {
    Map<String, String> labels = new TreeMap<>();
    if (stored == null) {
      return labels;
    }
    for (String entry : stored.split(";")) {
      int equals = entry.indexOf('=');
      if (equals > 0) {
        labels.put(decode(entry.substring(0, equals)), decode(entry.substring(equals + 1)));
      }
    }
    return labels;
  }

  /**
   * The condition on {@code agent_labels} that an agent with {@code count} labels (bound by {@link
   * #bind}) satisfies.
   */
  static String satisfiedBy(int count) {
    String left = "agent_labels";
    for (int i = 0; i < count; i++) {
      left = "REPLACE(" + left + ", :agentLabel" + i + ", ';')";
    }
    return left + " IN ('', ';')";
  }

  /** Binds the agent's labels for {@link #satisfiedBy}. */
  static void bind(Query query, Map<String, String> agentLabels) {
    int i = 0;
    for (Map.Entry<String, String> label : new TreeMap<>(agentLabels).entrySet()) {
      query.bind("agentLabel" + i++, ";" + entry(label.getKey(), label.getValue()) + ";");
    }
  }

  private static String entry(String key, String value) {
    return encode(key) + "=" + encode(value);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
