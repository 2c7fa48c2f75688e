package dev.wharf.task.docker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags of one docker command, parsed the way docker's flag library (pflag) does: {@code --name
 * value}, {@code --name=value}, {@code -n value}, {@code -nvalue}, combined boolean shorthands
 * ({@code -it}), {@code --} ends the flags.
 */
final class FlagSet {
  private final String command;
  private final String hint;
  private final Map<String, Flag> byName = new HashMap<>();
  private final Map<Character, Flag> byShorthand = new HashMap<>();

  FlagSet(String command, String hint, List<Flag> flags, Map<String, String> aliases) {
    this.command = command;
    this.hint = hint;
    for (Flag flag : flags) {
      byName.put(flag.name(), flag);
      if (flag.shorthand() != 0) {
        byShorthand.put(flag.shorthand(), flag);
      }
    }
    aliases.forEach((alias, name) -> byName.put(alias, byName.get(name)));
  }

  /** Flags and positional words of a command line. */
  record Parsed(List<FlagValue> flags, List<String> positionals) {}

  /**
   * Parses {@code words}; with {@code interspersed} false the first positional word ends the flags
   * (as {@code docker run} does before the image).
   */
  Parsed parse(List<String> words, boolean interspersed) throws DockerParseException {
    List<FlagValue> flags = new ArrayList<>();
    List<String> positionals = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      String word = words.get(i++);
      if (word.equals("--")) {
        positionals.addAll(words.subList(i, words.size()));
        break;
      }
      if (word.startsWith("--")) {
        i = longFlag(word, words, i, flags);
      } else if (word.startsWith("-") && word.length() > 1) {
        i = shorthands(word, words, i, flags);
      } else {
        positionals.add(word);
        if (!interspersed) {
          positionals.addAll(words.subList(i, words.size()));
          break;
        }
      }
    }
    return new Parsed(List.copyOf(flags), List.copyOf(positionals));
  }

  private int longFlag(String word, List<String> words, int next, List<FlagValue> out)
      throws DockerParseException {
    int eq = word.indexOf('=');
    String name = eq < 0 ? word.substring(2) : word.substring(2, eq);
    Flag flag = byName.get(name);
    if (flag == null) {
      throw new DockerParseException("unknown flag: --" + name + " (in " + command + ")", hint);
    }
    if (!flag.valued()) {
      out.add(new FlagValue(flag.name(), eq < 0 ? "true" : bool(word.substring(eq + 1), word)));
      return next;
    }
    if (eq >= 0) {
      out.add(new FlagValue(flag.name(), word.substring(eq + 1)));
      return next;
    }
    if (next >= words.size()) {
      throw new DockerParseException("flag needs an argument: --" + name, hint);
    }
    out.add(new FlagValue(flag.name(), words.get(next)));
    return next + 1;
  }

  private int shorthands(String word, List<String> words, int next, List<FlagValue> out)
      throws DockerParseException {
    for (int c = 1; c < word.length(); c++) {
      char letter = word.charAt(c);
      Flag flag = byShorthand.get(letter);
      if (flag == null) {
        throw new DockerParseException(
            "unknown shorthand flag: '" + letter + "' in " + word + " (in " + command + ")", hint);
      }
      String rest = word.substring(c + 1);
      if (!flag.valued()) {
        if (rest.startsWith("=")) {
          out.add(new FlagValue(flag.name(), bool(rest.substring(1), word)));
          return next;
        }
        out.add(new FlagValue(flag.name(), "true"));
        continue;
      }
      if (!rest.isEmpty()) {
        out.add(new FlagValue(flag.name(), rest.startsWith("=") ? rest.substring(1) : rest));
        return next;
      }
      if (next >= words.size()) {
        throw new DockerParseException("flag needs an argument: '" + letter + "' in " + word, hint);
      }
      out.add(new FlagValue(flag.name(), words.get(next)));
      return next + 1;
    }
    return next;
  }

  /** The boolean spellings Go's strconv.ParseBool accepts, as "true" or "false". */
  private String bool(String value, String word) throws DockerParseException {
    switch (value) {
      case "1", "t", "T", "true", "TRUE", "True":
        return "true";
      case "0", "f", "F", "false", "FALSE", "False":
        return "false";
      default:
        throw new DockerParseException(
            "invalid boolean value \"" + value + "\" in " + word,
            "use true or false, e.g. " + word.substring(0, word.indexOf('=')) + "=false");
    }
  }

  /** Whether {@code name} (long, without dashes) is a BuildKit-only flag of this command. */
  boolean isBuildKitOnly(String name) {
    Flag flag = byName.get(name);
    return flag != null && flag.buildKitOnly();
  }
}
