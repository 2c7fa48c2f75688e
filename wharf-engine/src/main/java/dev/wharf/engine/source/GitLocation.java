package dev.wharf.engine.source;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A git context split into the remote URL without credentials, the {@code #ref:folder} fragment and
 * the credentials to send, which come from {@code --git-token} or the URL's user-info.
 *
 * @param remote the URL to fetch, user-info removed
 * @param ref the fragment before the first colon: branch, tag, commit or {@code refs/...}; empty
 *     for the remote's default branch
 * @param folder the fragment after the first colon; empty for the repository root
 * @param user user name to send, or null for none
 * @param password password or token to send, or null for none
 */
record GitLocation(String remote, String ref, String folder, String user, String password) {

  private static final Pattern USER_INFO =
      Pattern.compile("^([a-z][a-z0-9+.-]*://)([^/?#@]+)@(.*)$");

  /** Splits a git context; a token, when given, replaces the URL's password. */
  static GitLocation parse(String location, String token) {
    String remote = location;
    String fragment = "";
    int hash = location.indexOf('#');
    if (hash >= 0) {
      remote = location.substring(0, hash);
      fragment = location.substring(hash + 1);
    }
    if (!remote.startsWith("http://")
        && !remote.startsWith("https://")
        && !remote.startsWith("git://")
        && !remote.startsWith("git@")
        && !remote.startsWith("file://")
        && !remote.startsWith("ssh://")) {
      remote = "https://" + remote;
    }
    String user = null;
    String password = null;
    Matcher userInfo = USER_INFO.matcher(remote);
    if (userInfo.matches()) {
      remote = userInfo.group(1) + userInfo.group(3);
      String info = userInfo.group(2);
      int colon = info.indexOf(':');
      if (colon < 0) {
        // A lone user name is a personal access token, sent the way acb rewrites it.
        user = "dummy";
        password = decode(info);
      } else {
        user = decode(info.substring(0, colon));
        password = decode(info.substring(colon + 1));
      }
    }
    if (token != null && !token.isEmpty()) {
      user = user == null ? "dummy" : user;
      password = token;
    }
    int colon = fragment.indexOf(':');
    String ref = colon < 0 ? fragment : fragment.substring(0, colon);
    String folder = colon < 0 ? "" : fragment.substring(colon + 1);
    return new GitLocation(remote, ref, folder, user, password);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The context as it may be printed: no credentials, fragment kept. */
  String description() {
    String fragment =
        ref.isEmpty() && folder.isEmpty() ? "" : "#" + ref + (folder.isEmpty() ? "" : ":" + folder);
    return Redaction.redact(remote + fragment);
  }

  @Override
  public String toString() {
    return "GitLocation[" + description() + "]";
  }
}
