package dev.wharf.template.alias;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A task text cut into its {@code alias:} block and the rest, line by line as acb's scanner does
 * (each output line ends with {@code \n}; comment lines are dropped from both).
 *
 * @param alias the alias block, including its {@code alias:} line
 * @param rest the task without the alias block
 * @param aliasLines for each line of {@code alias}, its 0-based line number in the input
 * @param restLines for each line of {@code rest}, its 0-based line number in the input
 */
public record AliasSplit(
    String alias, String rest, List<Integer> aliasLines, List<Integer> restLines) {

  private static final Pattern COMMENT = Pattern.compile("^\\s*#.*");
  private static final Pattern ALIAS_START = Pattern.compile("^alias\\s*:.*$");
  private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^[^\\s:]+[^:]*:.*$");
  private static final int SCANNER_LIMIT = 64 * 1024;

  /** Splits the text; a line longer than Go's scanner limit ends the text there, as in acb. */
  public static AliasSplit of(String text) {
    StringBuilder alias = new StringBuilder();
    StringBuilder rest = new StringBuilder();
    List<Integer> aliasLines = new ArrayList<>();
    List<Integer> restLines = new ArrayList<>();
    boolean inside = false;
    String[] lines = text.split("\n", -1);
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < count; i++) {
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.getBytes(StandardCharsets.UTF_8).length >= SCANNER_LIMIT) {
        break;
      }
      if (COMMENT.matcher(line).matches()) {
        continue;
      }
      if (!inside && ALIAS_START.matcher(line).matches()) {
        inside = true;
        alias.append(line).append('\n');
        aliasLines.add(i);
      } else if (inside && !TOP_LEVEL_KEY.matcher(line).matches()) {
        alias.append(line).append('\n');
        aliasLines.add(i);
      } else {
        inside = false;
        rest.append(line).append('\n');
        restLines.add(i);
      }
    }
    return new AliasSplit(
        alias.toString(), rest.toString(), List.copyOf(aliasLines), List.copyOf(restLines));
  }
}
