package dev.wharf.template.alias;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Line-level preparation of a task file: comment stripping and acb's {@code FindVersion}. */
public final class TaskText {

  /** The lowest {@code version} that turns alias processing on. */
  static final String ALIAS_VERSION = "v1.1.0";

  private TaskText() {}

  /**
   * Drops every line whose trimmed text starts with {@code #}, even inside block scalars, so that
   * commented-out template code is never rendered; inline comments stay.
   */
  public static String stripComments(String text) {
    List<String> kept = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.strip().startsWith("#")) {
        kept.add(line);
      }
    }
    return String.join("\n", kept);
  }

  /**
   * The 0-based line numbers of {@code text} that {@link #stripComments} keeps, in order, so that
   * errors in the stripped text can name the line of the file.
   */
  public static List<Integer> keptLines(String text) {
    List<Integer> kept = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].strip().startsWith("#")) {
        kept.add(i);
      }
    }
    return kept;
  }

  /**
   * acb's {@code FindVersion}: the value of the first column-0 {@code version:} line (quotes around
   * key or value allowed), or "" when there is none.
   */
  public static String findVersion(String text) {
    for (String raw : text.split("\n", -1)) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String unquoted = trimLeading(line, "'\"");
      if (!unquoted.startsWith("version")) {
        continue;
      }
      int colon = unquoted.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = trimQuotes(unquoted.substring(0, colon).strip());
      if (!key.equals("version")) {
        continue;
      }
      return trimQuotes(unquoted.substring(colon + 1).strip());
    }
    return "";
  }

  /**
   * Whether a {@code version} turns aliases on: a plain string comparison with {@code v1.1.0} as
   * acb does, except that an upper-case {@code V} counts too (docs/behaviour.md#aliases).
   */
  public static boolean aliasesEnabled(String version) {
    return version.toLowerCase(Locale.ROOT).compareTo(ALIAS_VERSION) >= 0;
  }

  private static String trimLeading(String s, String chars) {
    int i = 0;
    while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return s.substring(i);
  }

  private static String trimQuotes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && "'\"".indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && "'\"".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }
}
