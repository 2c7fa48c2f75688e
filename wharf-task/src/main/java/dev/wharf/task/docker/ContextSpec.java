package dev.wharf.task.docker;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A context string classified as acb classifies it, with the {@code #ref:subdir} fragment of a git
 * context split at its first colon. This is the one classification of context strings: runs (local,
 * through a server, on an agent) and build steps all use it.
 *
 * @param context the context as written
 * @param kind where it comes from
 * @param gitUrl for git contexts, the repository URL without the fragment; "" otherwise
 * @param gitRef for git contexts, the branch, tag or commit of the fragment, "" when absent
 * @param gitSubdir for git contexts, the folder of the fragment, "" when absent
 */
public record ContextSpec(
    String context, ContextKind kind, String gitUrl, String gitRef, String gitSubdir) {
  private static final Pattern GIT_SUFFIX = Pattern.compile("\\.git(#.+)?$");
  private static final Pattern LOCAL_GIT_SUFFIX = Pattern.compile("\\.git/?(#.+)?$");

  /** The context that stands for none. */
  public static final String NONE = "/dev/null";

  public ContextSpec {
    requireNonNull(context, "context cannot be null");
    requireNonNull(kind, "kind cannot be null");
    requireNonNull(gitUrl, "gitUrl cannot be null");
    requireNonNull(gitRef, "gitRef cannot be null");
    requireNonNull(gitSubdir, "gitSubdir cannot be null");
  }

  /** Classifies {@code context}; every string is some kind, "local" when nothing else fits. */
  public static ContextSpec parse(String context) {
    requireNonNull(context, "context cannot be null");
    if (context.equals(NONE)) {
      return new ContextSpec(context, ContextKind.NONE, "", "", "");
    }
    if (context.toLowerCase(Locale.ROOT).startsWith("oci://")) {
      return new ContextSpec(context, ContextKind.OCI, "", "", "");
    }
    if (isGit(context)) {
      int hash = context.indexOf('#');
      String fragment = hash < 0 ? "" : context.substring(hash + 1);
      int colon = fragment.indexOf(':');
      return new ContextSpec(
          context,
          ContextKind.GIT,
          hash < 0 ? context : context.substring(0, hash),
          colon < 0 ? fragment : fragment.substring(0, colon),
          colon < 0 ? "" : fragment.substring(colon + 1));
    }
    if (isUrl(context)) {
      return new ContextSpec(context, ContextKind.URL, "", "", "");
    }
    return new ContextSpec(context, ContextKind.LOCAL, "", "", "");
  }

  /** Whether the context is fetched from elsewhere (git or an archive URL), not read from here. */
  public boolean isRemote() {
    return kind == ContextKind.GIT || kind == ContextKind.URL || kind == ContextKind.OCI;
  }

  private static boolean isUrl(String context) {
    return context.startsWith("http://") || context.startsWith("https://");
  }

  private static boolean isGit(String context) {
    return (isUrl(context) && GIT_SUFFIX.matcher(context).find())
        || (context.startsWith("file://") && LOCAL_GIT_SUFFIX.matcher(context).find())
        || context.startsWith("git://")
        || context.startsWith("github.com/")
        || context.startsWith("git@")
        || isAzureRepository(context);
  }

  /** Azure DevOps ({@code dev.azure.com}) and VSTS ({@code *.visualstudio.com}) git URLs. */
  private static boolean isAzureRepository(String context) {
    URI uri;
    try {
      uri = new URI(context.toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return false;
    }
    String host = uri.getHost();
    String path = uri.getRawPath();
    return "https".equals(uri.getScheme())
        && host != null
        && (host.equals("dev.azure.com") || host.endsWith(".visualstudio.com"))
        && path != null
        && path.contains("/_git/")
        && (uri.getRawQuery() == null || uri.getRawQuery().isEmpty());
  }
}
