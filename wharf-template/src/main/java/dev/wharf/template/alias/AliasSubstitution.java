package dev.wharf.template.alias;

import java.util.Map;

/** acb's {@code $alias} substitution state machine (exactly as acb, docs/behaviour.md#aliases). */
public final class AliasSubstitution {

  private AliasSubstitution() {}

  /**
   * Replaces {@code Dname} by the alias value, {@code DD} by {@code D}; unknown names stay as
   * written; a name is a run of ASCII letters and digits.
   *
   * @param directive the directive character as a code point ({@code '$'} by default)
   */
  public static String apply(String text, Map<String, String> aliases, int directive) {
    StringBuilder out = new StringBuilder(text.length());
    StringBuilder name = new StringBuilder();
    boolean inAlias = false;
    int[] runes = (text + " ").codePoints().toArray();
    for (int c : runes) {
      if (!inAlias) {
        if (c == directive) {
          inAlias = true;
          name.setLength(0);
        } else {
          out.appendCodePoint(c);
        }
        continue;
      }
      if (c == directive && name.length() == 0) {
        out.appendCodePoint(directive);
        inAlias = false;
      } else if (c < 128 && Character.isLetterOrDigit(c)) {
        name.appendCodePoint(c);
      } else if (aliases.containsKey(name.toString())) {
        out.append(aliases.get(name.toString()));
        name.setLength(0);
        if (c != directive) {
          out.appendCodePoint(c);
          inAlias = false;
        }
      } else {
        out.appendCodePoint(directive).append(name).appendCodePoint(c);
        inAlias = false;
      }
    }
    // The sentinel space always ends the text, so the last rune copied is it.
    out.setLength(out.length() - 1);
    return out.toString();
  }

  /**
   * Command-alias expansion of a {@code cmd} step (after YAML decoding): when the first
   * space-separated word of the trimmed command is an alias, it is replaced by the alias value;
   * otherwise the command is returned unchanged.
   */
  public static String expandCommand(String cmd, Map<String, String> aliases) {
    String trimmed = cmd.strip();
    int space = trimmed.indexOf(' ');
    String first = space < 0 ? trimmed : trimmed.substring(0, space);
    if (!aliases.containsKey(first)) {
      return cmd;
    }
    return aliases.get(first) + (space < 0 ? "" : trimmed.substring(space));
  }
}
