package dev.wharf.task.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of a Dockerfile, read as BuildKit reads them: parser directives (the {@code
 * escape} character), line continuations, comments and blank lines inside continuations, and
 * heredoc bodies of {@code RUN}, {@code COPY} and {@code ADD}, which are skipped.
 */
final class Dockerfile {
  private static final Pattern DIRECTIVE =
      Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
  private static final Set<String> KNOWN_DIRECTIVES = Set.of("syntax", "escape", "check");
  private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("RUN", "COPY", "ADD");
  private static final Pattern HEREDOC = Pattern.compile("^<<(-?)(['\"]?)([^'\"<>\\s]+)\\2");

  /**
   * One instruction.
   *
   * @param keyword the instruction in upper case ({@code FROM})
   * @param text the instruction as written after joining continuation lines, trimmed
   * @param args what follows the keyword, trimmed
   * @param line the 1-based line where it starts
   */
  record Instruction(String keyword, String text, String args, int line) {}

  private final char escape;
  private final String syntax;
  private final List<Instruction> instructions;

  private Dockerfile(char escape, String syntax, List<Instruction> instructions) {
    this.escape = escape;
    this.syntax = syntax;
    this.instructions = List.copyOf(instructions);
  }

  char escape() {
    return escape;
  }

  /** The frontend image the {@code # syntax=} directive names, "" when there is none. */
  String syntax() {
    return syntax;
  }

  List<Instruction> instructions() {
    return instructions;
  }

  static Dockerfile parse(String text) throws DockerParseException {
    if (text.startsWith("\ufeff")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n", -1);
    int i = 0;
    char escape = '\\';
    boolean escapeSeen = false;
    String syntax = "";
    for (; i < lines.length; i++) {
      Matcher m = DIRECTIVE.matcher(lines[i]);
      if (!m.matches() || !KNOWN_DIRECTIVES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
        break;
      }
      if (m.group(1).equalsIgnoreCase("escape")) {
        if (escapeSeen) {
          throw new DockerParseException(
              "only one escape parser directive can be used (line " + (i + 1) + ")");
        }
        escapeSeen = true;
        if (!m.group(2).equals("`") && !m.group(2).equals("\\")) {
          throw new DockerParseException(
              "invalid escape token '"
                  + m.group(2)
                  + "' does not match ` or \\ (line "
                  + (i + 1)
                  + ")");
        }
        escape = m.group(2).charAt(0);
      } else if (m.group(1).equalsIgnoreCase("syntax") && syntax.isEmpty()) {
        syntax = m.group(2);
      }
    }
    List<Instruction> instructions = new ArrayList<>();
    while (i < lines.length) {
      String trimmed = lines[i].strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        i++;
        continue;
      }
      int start = i;
      StringBuilder joined = new StringBuilder();
      String piece = lines[i++];
      while (true) {
        String stripped = piece.stripTrailing();
        if (!stripped.endsWith(String.valueOf(escape))) {
          joined.append(piece);
          break;
        }
        joined.append(stripped, 0, stripped.length() - 1);
        while (i < lines.length
            && (lines[i].isBlank() || lines[i].stripLeading().startsWith("#"))) {
          i++;
        }
        if (i >= lines.length) {
          break;
        }
        piece = lines[i++];
      }
      Instruction instruction = instruction(joined.toString().strip(), start + 1);
      instructions.add(instruction);
      if (HEREDOC_INSTRUCTIONS.contains(instruction.keyword())) {
        i = skipHeredocs(instruction, lines, i);
      }
    }
    return new Dockerfile(escape, syntax, instructions);
  }

  private static Instruction instruction(String text, int line) {
    int space = 0;
    while (space < text.length() && !Character.isWhitespace(text.charAt(space))) {
      space++;
    }
    return new Instruction(
        text.substring(0, space).toUpperCase(Locale.ROOT),
        text,
        text.substring(space).strip(),
        line);
  }

  /** Whether a {@code RUN}, {@code COPY} or {@code ADD} instruction opens a heredoc. */
  static boolean opensHeredoc(Instruction instruction) {
    if (!HEREDOC_INSTRUCTIONS.contains(instruction.keyword())) {
      return false;
    }
    for (String word : instruction.args().split("\\s+")) {
      if (HEREDOC.matcher(word).find()) {
        return true;
      }
    }
    return false;
  }

  /** Skips the bodies of the heredocs the instruction opens; returns the next line to read. */
  private static int skipHeredocs(Instruction instruction, String[] lines, int next)
      throws DockerParseException {
    int i = next;
    for (String word : instruction.args().split("\\s+")) {
      Matcher m = HEREDOC.matcher(word);
      if (!m.find()) {
        continue;
      }
      boolean stripTabs = !m.group(1).isEmpty();
      String terminator = m.group(3);
      while (true) {
        if (i >= lines.length) {
          throw new DockerParseException(
              "unterminated heredoc " + terminator + " started on line " + instruction.line(),
              "end the heredoc with a line holding only " + terminator);
        }
        String body = lines[i++];
        if (stripTabs) {
          body = body.replaceFirst("^\t+", "");
        }
        if (body.equals(terminator)) {
          break;
        }
      }
    }
    return i;
  }
}
