package dev.wharf.engine.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A context location split from the credential written into it: {@code https://user:token@host/…}
 * is kept as {@code https://host/…} and the token, so that the URL can be stored and shown while
 * the token is kept sealed.
 *
 * @param location the location without user-info
 * @param token the password of the user-info, else its user name (a bare token); empty if none
 */
public record ContextUrl(String location, String token) {

  private static final Pattern USER_INFO =
      Pattern.compile("(?i)^([a-z][a-z0-9+.-]*://)([^/?#@\\s]+)@");

  /** Splits {@code location}; a location without user-info comes back as it was. */
  public static ContextUrl of(String location) {
    if (location == null) {
      return new ContextUrl(null, "");
    }
    Matcher m = USER_INFO.matcher(location);
    if (!m.find()) {
      return new ContextUrl(location, "");
    }
    String info = m.group(2);
    int colon = info.indexOf(':');
    String secret = colon >= 0 ? info.substring(colon + 1) : info;
    return new ContextUrl(
        m.group(1) + location.substring(m.end()),
        URLDecoder.decode(secret, StandardCharsets.UTF_8));
  }

  /** Whether the location carries a credential in its user-info. */
  public boolean hadCredential() {
    return !token.isEmpty();
  }

  /**
   * The location as it may appear in an error message or a run record: no user-info and no query
   * string (a signed URL's query is its credential).
   */
  public static String shown(String location) {
    if (location == null) {
      return null;
    }
    String bare = of(location).location();
    try {
      URI uri = new URI(bare);
      if (uri.getRawQuery() == null) {
        return bare;
      }
      return bare.substring(0, bare.indexOf('?')) + "?" + Redaction.REDACTED;
    } catch (URISyntaxException e) {
      int query = bare.indexOf('?');
      return query < 0 ? bare : bare.substring(0, query) + "?" + Redaction.REDACTED;
    }
  }
}
