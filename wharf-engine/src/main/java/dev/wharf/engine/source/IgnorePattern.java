package dev.wharf.engine.source;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code .dockerignore} pattern, translated the way moby's {@code patternmatcher} does: exact,
 * prefix ({@code dir/**}), suffix ({@code **}{@code /name}) or a regular expression.
 */
final class IgnorePattern {

  private enum Kind {
    EXACT,
    PREFIX,
    SUFFIX,
    REGEX
  }

  private static final String ESCAPED = ".+()|{}$";

  private final String cleaned;
  private final boolean exclusion;
  private final Kind kind;
  private final Pattern regex;

  private IgnorePattern(String cleaned, boolean exclusion, Kind kind, Pattern regex) {
    this.cleaned = cleaned;
    this.exclusion = exclusion;
    this.kind = kind;
    this.regex = regex;
  }

  /** Parses a pattern as moby's {@code patternmatcher.New} does; blank input gives null. */
  static IgnorePattern parse(String raw) {
    String p = raw.strip();
    if (p.isEmpty()) {
      return null;
    }
    p = SlashPath.clean(p);
    boolean exclusion = false;
    if (p.charAt(0) == '!') {
      if (p.length() == 1) {
        throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
      }
      exclusion = true;
      p = p.substring(1);
    }
    return compile(p, exclusion);
  }

  private static IgnorePattern compile(String pattern, boolean exclusion) {
    StringBuilder re = new StringBuilder("^");
    Kind kind = Kind.EXACT;
    int[] cps = pattern.codePoints().toArray();
    for (int i = 0, index = 0; i < cps.length; index++) {
      int ch = cps[i++];
      if (ch == '*') {
        if (i < cps.length && cps[i] == '*') {
          i++;
          if (i < cps.length && cps[i] == '/') {
            i++;
          }
          if (i == cps.length) {
            if (kind == Kind.EXACT) {
              kind = Kind.PREFIX;
            } else {
              re.append(".*");
              kind = Kind.REGEX;
            }
          } else {
            re.append("(.*/)?");
            kind = Kind.REGEX;
          }
          if (index == 0) {
            kind = Kind.SUFFIX;
          }
        } else {
          re.append("[^/]*");
          kind = Kind.REGEX;
        }
      } else if (ch == '?') {
        re.append("[^/]");
        kind = Kind.REGEX;
      } else if (ESCAPED.indexOf(ch) >= 0) {
        re.append('\\').appendCodePoint(ch);
      } else if (ch == '\\') {
        if (i < cps.length) {
          re.append('\\').appendCodePoint(cps[i++]);
          kind = Kind.REGEX;
        } else {
          // Go's filepath.Match, which moby uses to validate patterns, rejects a trailing escape.
          throw new IllegalArgumentException("syntax error in pattern: " + pattern);
        }
      } else if (ch == '[' || ch == ']') {
        re.appendCodePoint(ch);
        kind = Kind.REGEX;
      } else {
        re.appendCodePoint(ch);
      }
    }
    Pattern regex = null;
    if (kind == Kind.REGEX) {
      try {
        regex = Pattern.compile(re.append('$').toString());
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("syntax error in pattern: " + pattern, e);
      }
    }
    return new IgnorePattern(pattern, exclusion, kind, regex);
  }

  boolean exclusion() {
    return exclusion;
  }

  String cleaned() {
    return cleaned;
  }

  /** Whether a path below the folder with these segments could match this pattern. */
  boolean mayMatchUnder(String[] dirParts) {
    String[] segments = cleaned.split("/");
    for (int i = 0; i < dirParts.length; i++) {
      if (i >= segments.length) {
        return false;
      }
      if (segments[i].contains("**")) {
        return true;
      }
      if (!compile(segments[i], false).matches(dirParts[i])) {
        return false;
      }
    }
    return segments.length > dirParts.length;
  }

  boolean matches(String path) {
    return switch (kind) {
      case EXACT -> path.equals(cleaned);
      case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
      case SUFFIX -> {
        String suffix = cleaned.substring(2);
        yield path.endsWith(suffix)
            || (!suffix.isEmpty() && suffix.charAt(0) == '/' && path.equals(suffix.substring(1)));
      }
      case REGEX -> regex.matcher(path).matches();
    };
  }
}
