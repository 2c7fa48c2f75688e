package dev.wharf.task.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words with POSIX shell quoting (single quotes, double quotes, backslash) and no
 * expansion of any kind, so `$HOME` stays literal.
 */
public final class ShellWords {
  private ShellWords() {}

  /** The words of {@code text}; quotes are removed, whitespace outside quotes separates words. */
  public static List<String> split(String text) throws DockerParseException {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    // A word exists once any character or quote was seen, so '' yields an empty word.
    boolean inWord = false;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw unterminated("single", text);
        }
        word.append(text, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = doubleQuoted(text, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 < n && text.charAt(i + 1) == '\n') {
          i += 2;
        } else if (i + 1 < n) {
          word.append(text.charAt(i + 1));
          inWord = true;
          i += 2;
        } else {
          word.append(c);
          inWord = true;
          i++;
        }
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * Appends the double-quoted text starting at {@code start}; returns the index after the quote.
   */
  private static int doubleQuoted(String text, int start, StringBuilder word)
      throws DockerParseException {
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(i + 1);
        if (next == '\n') {
          i += 2;
          continue;
        }
        if (next == '$' || next == '`' || next == '"' || next == '\\') {
          word.append(next);
          i += 2;
          continue;
        }
      }
      word.append(c);
      i++;
    }
    throw unterminated("double", text);
  }

  private static DockerParseException unterminated(String kind, String text) {
    return new DockerParseException(
        "unterminated " + kind + "-quoted string in: " + text,
        "close the quote, or escape it with a backslash");
  }
}
