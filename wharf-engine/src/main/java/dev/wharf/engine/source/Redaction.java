package dev.wharf.engine.source;

import java.util.regex.Pattern;

/**
 * Removes credentials from text that may reach a log or an error: the user-info part of any URL
 * ({@code https://user:token@host} becomes {@code https://<REDACTED>@host}) and known secrets.
 */
public final class Redaction {

  /** What replaces a credential. */
  public static final String REDACTED = "<REDACTED>";

  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]+@");

  private Redaction() {}

  /** Returns the text with every URL's user-info replaced by {@value #REDACTED}. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    return USER_INFO.matcher(text).replaceAll("$1" + REDACTED + "@");
  }

  /**
   * Returns the text with URL user-info and each given secret (tokens, passwords) replaced by
   * {@value #REDACTED}; null or empty secrets are ignored.
   */
  public static String redact(String text, String... secrets) {
    String out = redact(text);
    if (out == null) {
      return null;
    }
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        out = out.replace(secret, REDACTED);
      }
    }
    return out;
  }
}
