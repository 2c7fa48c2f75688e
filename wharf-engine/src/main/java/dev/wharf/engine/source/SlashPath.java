package dev.wharf.engine.source;

import java.util.ArrayDeque;
import java.util.Deque;

/** Lexical clean-up of slash-separated paths with the exact rules of Go's {@code path.Clean}. */
final class SlashPath {

  private SlashPath() {}

  /**
   * Returns the shortest equivalent path: repeated slashes collapsed, {@code .} elements dropped,
   * {@code ..} elements eaten with the element before them, {@code ..} after a leading slash
   * dropped, and {@code "."} for an empty result.
   */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.charAt(0) == '/';
    Deque<String> parts = new ArrayDeque<>();
    int leadingUps = 0;
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.removeLast();
        } else if (!rooted) {
          leadingUps++;
        }
        continue;
      }
      parts.addLast(part);
    }
    StringBuilder out = new StringBuilder();
    if (rooted) {
      out.append('/');
    }
    for (int i = 0; i < leadingUps; i++) {
      appendPart(out, "..", rooted);
    }
    for (String part : parts) {
      appendPart(out, part, rooted);
    }
    return out.length() == 0 ? "." : out.toString();
  }

  private static void appendPart(StringBuilder out, String part, boolean rooted) {
    if (out.length() > (rooted ? 1 : 0)) {
      out.append('/');
    }
    out.append(part);
  }

  /** Whether a cleaned relative path climbs out of its base folder. */
  static boolean escapes(String cleaned) {
    return cleaned.equals("..") || cleaned.startsWith("../") || cleaned.startsWith("/");
  }
}
