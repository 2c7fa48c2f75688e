package dev.wharf.engine.source;

import java.time.Duration;
import java.util.List;

/**
 * How to obtain a context.
 *
 * @param gitToken token for private git repositories ({@code --git-token}); null or empty when the
 *     URL's own user-info, if any, should be used
 * @param commit commit reported instead of the checkout's ({@code --commit}); null or empty to read
 *     it from the checkout
 * @param branch branch reported instead of the checkout's ({@code --branch}); null or empty to read
 *     it from the checkout
 * @param dockerfile path of the Dockerfile relative to a local context; it is always sent, and a
 *     {@code <dockerfile>.dockerignore} next to it replaces the context's {@code .dockerignore}
 * @param alwaysSent further paths relative to a local context that {@code .dockerignore} must not
 *     drop, such as the task file
 * @param timeout network timeout for one git or HTTP operation
 * @param localContexts whether local folders, {@code file://} URLs and hosts on this machine or its
 *     private network may be contexts: true for {@code wharf run}, false for a server unless it was
 *     started with {@code --allow-local-contexts}
 * @param limits how far an archive context may expand
 */
public record SourceOptions(
    String gitToken,
    String commit,
    String branch,
    String dockerfile,
    List<String> alwaysSent,
    Duration timeout,
    boolean localContexts,
    ExtractionLimits limits) {

  /** Fills defaults: {@code Dockerfile}, nothing extra always sent, a 60 second timeout. */
  public SourceOptions {
    gitToken = gitToken == null ? "" : gitToken;
    commit = commit == null ? "" : commit;
    branch = branch == null ? "" : branch;
    dockerfile = dockerfile == null || dockerfile.isBlank() ? "Dockerfile" : dockerfile;
    alwaysSent = alwaysSent == null ? List.of() : List.copyOf(alwaysSent);
    timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    limits = limits == null ? ExtractionLimits.defaults() : limits;
  }

  /** Options that allow local contexts, with the default extraction limits. */
  public SourceOptions(
      String gitToken,
      String commit,
      String branch,
      String dockerfile,
      List<String> alwaysSent,
      Duration timeout) {
    this(gitToken, commit, branch, dockerfile, alwaysSent, timeout, true, null);
  }

  /** Options with every default and no credentials. */
  public static SourceOptions defaults() {
    return new SourceOptions(null, null, null, null, null, null);
  }

  /** These options with a git token. */
  public SourceOptions withGitToken(String token) {
    return new SourceOptions(
        token, commit, branch, dockerfile, alwaysSent, timeout, localContexts, limits);
  }

  /** These options with the commit and branch to report instead of the checkout's. */
  public SourceOptions withRun(String runCommit, String runBranch) {
    return new SourceOptions(
        gitToken, runCommit, runBranch, dockerfile, alwaysSent, timeout, localContexts, limits);
  }

  /** These options with the Dockerfile path and the other paths that are always sent. */
  public SourceOptions withFiles(String dockerfilePath, List<String> sent) {
    return new SourceOptions(
        gitToken, commit, branch, dockerfilePath, sent, timeout, localContexts, limits);
  }

  /** These options with a network timeout. */
  public SourceOptions withTimeout(Duration networkTimeout) {
    return new SourceOptions(
        gitToken, commit, branch, dockerfile, alwaysSent, networkTimeout, localContexts, limits);
  }

  /**
   * These options for a server: local folders, {@code file://} and hosts on this machine or its
   * private network refused unless {@code allowLocal}.
   */
  public SourceOptions withLocalContexts(boolean allowLocal) {
    return new SourceOptions(
        gitToken, commit, branch, dockerfile, alwaysSent, timeout, allowLocal, limits);
  }

  /** These options with other archive extraction limits. */
  public SourceOptions withLimits(ExtractionLimits extraction) {
    return new SourceOptions(
        gitToken, commit, branch, dockerfile, alwaysSent, timeout, localContexts, extraction);
  }

  @Override
  public String toString() {
    return "SourceOptions[gitToken="
        + (gitToken.isEmpty() ? "" : Redaction.REDACTED)
        + ", commit="
        + commit
        + ", branch="
        + branch
        + ", dockerfile="
        + dockerfile
        + ", alwaysSent="
        + alwaysSent
        + ", timeout="
        + timeout
        + ", localContexts="
        + localContexts
        + ", limits="
        + limits
        + "]";
  }
}
