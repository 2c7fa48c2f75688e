package dev.wharf.template.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Which line of the task file each line of the rendered text came from, so that errors found in the
 * rendered text (YAML, validation) name the file's line although comment lines were dropped before
 * rendering and templates may have added or removed lines.
 */
final class LineMap {

  private LineMap() {}

  /**
   * Aligns {@code rendered} with the {@code template} it came from: a rendered line equal to a
   * later template line without actions belongs to that line; any other belongs to the template
   * line under way. Exact when rendering kept the number of lines, close otherwise.
   *
   * @param fileLines for each template line, its 0-based line in the task file
   * @return for each rendered line, its 0-based line in the task file
   */
  static List<Integer> of(String template, List<Integer> fileLines, String rendered) {
    String[] source = template.split("\n", -1);
    String[] out = rendered.split("\n", -1);
    List<Integer> map = new ArrayList<>(out.length);
    if (source.length == out.length) {
      for (int i = 0; i < out.length; i++) {
        map.add(fileLine(fileLines, i));
      }
      return map;
    }
    int next = 0;
    for (String line : out) {
      int match = -1;
      for (int k = next; k < source.length && match < 0; k++) {
        if (!source[k].contains("{{") && source[k].equals(line)) {
          match = k;
        }
      }
      if (match >= 0) {
        map.add(fileLine(fileLines, match));
        next = match + 1;
      } else {
        int at = Math.min(next, source.length - 1);
        map.add(fileLine(fileLines, at));
        if (source[at].contains("{{") && !isActionOnly(source[at])) {
          next = at + 1;
        }
      }
    }
    return map;
  }

  private static int fileLine(List<Integer> fileLines, int i) {
    return i < fileLines.size() ? fileLines.get(i) : i;
  }

  /** A line holding nothing but actions ({@code {{range}}}, {@code {{end}}}) prints no line. */
  private static boolean isActionOnly(String line) {
    return line.strip().replaceAll("\\{\\{.*?}}", "").isEmpty();
  }
}
