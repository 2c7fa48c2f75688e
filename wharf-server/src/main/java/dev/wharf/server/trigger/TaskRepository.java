package dev.wharf.server.trigger;

import dev.wharf.engine.source.Redaction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's git context as its commit trigger sees it: the remote without credentials, the {@code
 * #ref:folder} fragment, and the credential to send. This is the one place the triggers read a
 * credential from a context URL's user-info.
 *
 * @param remote the URL to ask for heads, user-info removed
 * @param ref the branch (or other ref) of the fragment, empty for none
 * @param folder the folder of the fragment, empty for the root
 * @param user user name to send, null for none
 * @param password password or token to send, null for none
 */
public record TaskRepository(
    String remote, String ref, String folder, String user, String password) {
  private static final Pattern USER_INFO =
      Pattern.compile("^([a-z][a-z0-9+.-]*://)([^/?#@]+)@(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SCHEME =
      Pattern.compile("^(https?|file|git|ssh)://.+", Pattern.CASE_INSENSITIVE);

  /** Whether {@code context} is a git URL a trigger can follow. */
  public static boolean isRepository(String context) {
    return SCHEME.matcher(context).matches();
  }

  /** Splits a task's context; the task's git credential, when set, is the password to send. */
  public static TaskRepository of(String context, String gitAccessToken) {
    TaskRepository repository = of(context);
    if (gitAccessToken == null || gitAccessToken.isEmpty()) {
      return repository;
    }
    return new TaskRepository(
        repository.remote(),
        repository.ref(),
        repository.folder(),
        repository.user() == null ? "dummy" : repository.user(),
        gitAccessToken);
  }

  /** Splits a task's context. */
  public static TaskRepository of(String context) {
    String remote = context;
    String fragment = "";
    int hash = context.indexOf('#');
    if (hash >= 0) {
      remote = context.substring(0, hash);
      fragment = context.substring(hash + 1);
    }
    String user = null;
    String password = null;
    Matcher info = USER_INFO.matcher(remote);
    if (info.matches()) {
      remote = info.group(1) + info.group(3);
      String userInfo = info.group(2);
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        user = "dummy";
        password = decode(userInfo);
      } else {
        user = decode(userInfo.substring(0, colon));
        password = decode(userInfo.substring(colon + 1));
      }
    }
    int colon = fragment.indexOf(':');
    return new TaskRepository(
        remote,
        colon < 0 ? fragment : fragment.substring(0, colon),
        colon < 0 ? "" : fragment.substring(colon + 1),
        user,
        password);
  }

  /** A context URL as it may be printed. */
  public static String redacted(String context) {
    return Redaction.redact(context);
  }

  /**
   * The repository's identity for matching webhooks: host in lower case, no scheme, no credentials,
   * no {@code .git} or trailing slash ({@code HTTPS://Git.Example/org/app.git} and {@code
   * http://git.example/org/app} are the same repository).
   */
  public String key() {
    return normalise(remote);
  }

  /** Normalises any repository URL a forge sends the same way as {@link #key()}. */
  public static String normalise(String url) {
    String text = url.trim();
    Matcher info = USER_INFO.matcher(text);
    if (info.matches()) {
      text = info.group(1) + info.group(3);
    }
    int scheme = text.indexOf("://");
    if (scheme >= 0) {
      text = text.substring(scheme + 3);
    } else if (text.startsWith("git@")) {
      // scp-like ssh: git@host:org/repo.git
      text = text.substring(4).replaceFirst(":", "/");
    }
    int slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    String path = slash < 0 ? "" : text.substring(slash);
    host = host.toLowerCase(Locale.ROOT).replaceFirst(":(80|443)$", "");
    path = path.replaceAll("/+$", "").replaceFirst("\\.git$", "").replaceAll("/+$", "");
    return host + path;
  }

  /** The branch a trigger follows: its own, else the context's, else {@code main}. */
  public String branch(String triggerBranch) {
    if (triggerBranch != null && !triggerBranch.isBlank()) {
      return triggerBranch;
    }
    return ref.isEmpty() ? "main" : ref.replaceFirst("^refs/heads/", "");
  }

  /**
   * The context of a run at exactly {@code commit}: the task's context with its ref replaced, so
   * the run checks out that commit however the branch moves before it starts.
   */
  public static String contextAt(String context, String commit) {
    int hash = context.indexOf('#');
    String remote = hash < 0 ? context : context.substring(0, hash);
    String fragment = hash < 0 ? "" : context.substring(hash + 1);
    int colon = fragment.indexOf(':');
    String folder = colon < 0 ? "" : fragment.substring(colon);
    return remote + "#" + commit + folder;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "TaskRepository[" + Redaction.redact(remote) + "#" + ref + ":" + folder + "]";
  }
}
