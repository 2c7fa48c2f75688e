package dev.wharf.task.docker;

/**
 * Docker's image reference grammar ({@code distribution/reference}), checked by hand rather than by
 * regular expression so that hostile input cannot make matching take exponential time.
 */
final class ReferenceGrammar {
  private ReferenceGrammar() {}

  /** Why {@code text} is not a reference, or null when it is one. */
  static String check(String text) {
    if (text.isEmpty()) {
      return "repository name must have at least one component";
    }
    int at = text.indexOf('@');
    if (at >= 0) {
      String digestProblem = checkDigest(text.substring(at + 1));
      if (digestProblem != null) {
        return digestProblem;
      }
      text = text.substring(0, at);
    }
    int colon = text.lastIndexOf(':');
    if (colon > text.lastIndexOf('/')) {
      if (!isTag(text.substring(colon + 1))) {
        return "invalid reference format";
      }
      text = text.substring(0, colon);
    }
    return isName(text) ? null : "invalid reference format";
  }

  private static boolean isName(String name) {
    String[] parts = name.split("/", -1);
    if (parts.length > 1 && isDomain(parts[0]) && arePathComponents(parts, 1)) {
      return true;
    }
    return arePathComponents(parts, 0);
  }

  private static boolean arePathComponents(String[] parts, int from) {
    for (int i = from; i < parts.length; i++) {
      if (!isPathComponent(parts[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@code [a-z0-9]+ ((\.|_|__|-+) [a-z0-9]+)*}. */
  private static boolean isPathComponent(String s) {
    int i = 0;
    int n = s.length();
    while (true) {
      int start = i;
      while (i < n && isLowerAlnum(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
      if (i == n) {
        return true;
      }
      char c = s.charAt(i);
      if (c == '.') {
        i++;
      } else if (c == '_') {
        i += i + 1 < n && s.charAt(i + 1) == '_' ? 2 : 1;
      } else if (c == '-') {
        while (i < n && s.charAt(i) == '-') {
          i++;
        }
      } else {
        return false;
      }
    }
  }

  /** A host name or IPv6 literal in brackets, with an optional port. */
  static boolean isDomain(String s) {
    String host = s;
    int colon = s.lastIndexOf(':');
    if (colon >= 0 && colon > s.lastIndexOf(']')) {
      String port = s.substring(colon + 1);
      if (port.isEmpty() || !port.chars().allMatch(ReferenceGrammar::isDigit)) {
        return false;
      }
      host = s.substring(0, colon);
    }
    if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
      return host.substring(1, host.length() - 1).chars().allMatch(c -> isHex(c) || c == ':');
    }
    for (String label : host.split("\\.", -1)) {
      if (label.isEmpty()
          || label.startsWith("-")
          || label.endsWith("-")
          || !label.chars().allMatch(c -> isAlnum(c) || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** {@code [\w][\w.-]{0,127}}. */
  static boolean isTag(String s) {
    if (s.isEmpty() || s.length() > 128 || !isWord(s.charAt(0))) {
      return false;
    }
    return s.chars().allMatch(c -> isWord(c) || c == '.' || c == '-');
  }

  /** An algorithm and hex value, validated as the {@code go-digest} package does. */
  private static String checkDigest(String digest) {
    int colon = digest.indexOf(':');
    if (colon <= 0) {
      return "invalid reference format";
    }
    String algorithm = digest.substring(0, colon);
    String hex = digest.substring(colon + 1);
    if (!algorithm.matches("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*")
        || hex.length() < 32
        || !hex.chars().allMatch(ReferenceGrammar::isHex)) {
      return "invalid reference format";
    }
    int expected =
        switch (algorithm) {
          case "sha256" -> 64;
          case "sha384" -> 96;
          case "sha512" -> 128;
          default -> -1;
        };
    if (expected < 0) {
      return "unsupported digest algorithm";
    }
    if (hex.length() != expected) {
      return "invalid checksum digest length";
    }
    if (!hex.chars().allMatch(c -> isDigit(c) || (c >= 'a' && c <= 'f'))) {
      return "invalid checksum digest format";
    }
    return null;
  }

  private static boolean isLowerAlnum(int c) {
    return (c >= 'a' && c <= 'z') || isDigit(c);
  }

  private static boolean isAlnum(int c) {
    return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
  }

  private static boolean isWord(int c) {
    return isAlnum(c) || c == '_';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(int c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
