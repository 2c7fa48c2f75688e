package dev.wharf.server.ui;

/**
 * Builds HTML text: {@link #text} escapes what it is given, {@link #raw} takes markup written in
 * the code. Every value that comes from a run, a task or a request goes through {@link #text} or
 * {@link #attr}.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(4096);

  /** Appends markup written in the code. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends escaped text. */
  Html text(Object value) {
    out.append(escape(value == null ? "" : String.valueOf(value)));
    return this;
  }

  /** Appends {@code name="value"} with the value escaped, preceded by a space. */
  Html attr(String name, Object value) {
    out.append(' ').append(name).append("=\"").append(escape(String.valueOf(value))).append('"');
    return this;
  }

  /** Escapes the characters that matter in text and in quoted attribute values. */
  static String escape(String value) {
    StringBuilder escaped = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (replacement != null && escaped == null) {
        escaped = new StringBuilder(value.length() + 16).append(value, 0, i);
      }
      if (escaped != null) {
        if (replacement != null) {
          escaped.append(replacement);
        } else {
          escaped.append(c);
        }
      }
    }
    return escaped == null ? value : escaped.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
