package dev.wharf.template.values;

import dev.wharf.template.GoValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code .Values} of a render: a values file merged with {@code --set key=value} entries, and
 * its shell-quoted JSON form {@code .ValuesJSON}.
 */
public final class Values {

  private Values() {}

  /**
   * Reads a values file; an empty file has no values.
   *
   * @throws ValuesException when the text is not YAML or not a mapping
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseFile(String text, String label) throws ValuesException {
    Object doc;
    try {
      doc = Yaml11.load(text, label);
    } catch (IllegalArgumentException e) {
      throw new ValuesException(e.getMessage(), e);
    }
    if (doc == null) {
      return new LinkedHashMap<>();
    }
    if (!(doc instanceof Map<?, ?>)) {
      throw new ValuesException(
          "yaml: unmarshal errors:\n  line 1: cannot unmarshal !!"
              + (doc instanceof List<?> ? "seq" : "str")
              + " into map[string]interface {}");
    }
    return (Map<String, Object>) doc;
  }

  /**
   * Parses {@code --set} entries as acb does: split at the first {@code =}, never at commas; keys
   * are literal; values are strings; a later duplicate wins.
   */
  public static Map<String, String> parseSet(List<String> entries) throws ValuesException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new ValuesException(
            "failed to parse --set data; invalid format, no = assignment found");
      }
      if (eq == 0) {
        throw new ValuesException("failed to parse --set data; expected a key=val format");
      }
      out.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    return out;
  }

  /** Top-level merge: the file's keys, each replaced by an override with the same key. */
  public static Map<String, Object> merge(Map<String, Object> file, Map<String, ?> overrides) {
    Map<String, Object> out = new LinkedHashMap<>(file);
    out.putAll(overrides);
    return out;
  }

  /** {@code .ValuesJSON}/{@code .RunJSON}: Go's compact JSON, then shell-quoted. */
  public static String shellJson(Map<String, ?> map) {
    return shellQuote(GoJson.compact(GoValues.sorted(map)));
  }

  /**
   * Quotes a word for a POSIX shell as acb does: empty → {@code ''}; any character outside {@code
   * [A-Za-z0-9_^@=+%,:./-]} → single quotes, with {@code '} as {@code '"'"'}.
   */
  public static String shellQuote(String s) {
    if (s.isEmpty()) {
      return "''";
    }
    if (s.matches("[A-Za-z0-9_^@=+%,:./-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }
}
