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
 */
public record SourceOptions(
    String gitToken,
    String commit,
    String branch,
    String dockerfile,
    List<String> alwaysSent,
    Duration timeout) {

  /** Fills defaults: {@code Dockerfile}, nothing extra always sent, a 60 second timeout. */
  public SourceOptions {
    gitToken = gitToken == null ? "" : gitToken;
    commit = commit == null ? "" : commit;
    branch = branch == null ? "" : branch;
    dockerfile = dockerfile == null || dockerfile.isBlank() ? "Dockerfile" : dockerfile;
    alwaysSent = alwaysSent == null ? List.of() : List.copyOf(alwaysSent);
    timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
  }

  /** Options with every default and no credentials. */
  public static SourceOptions defaults() {
    return new SourceOptions(null, null, null, null, null, null);
  }

  /** These options with a git token. */
  public SourceOptions withGitToken(String token) {
    return new SourceOptions(token, commit, branch, dockerfile, alwaysSent, timeout);
  }

  /** These options with the commit and branch to report instead of the checkout's. */
  public SourceOptions withRun(String runCommit, String runBranch) {
    return new SourceOptions(gitToken, runCommit, runBranch, dockerfile, alwaysSent, timeout);
  }

  /** These options with the Dockerfile path and the other paths that are always sent. */
  public SourceOptions withFiles(String dockerfilePath, List<String> sent) {
    return new SourceOptions(gitToken, commit, branch, dockerfilePath, sent, timeout);
  }

  /** These options with a network timeout. */
  public SourceOptions withTimeout(Duration networkTimeout) {
    return new SourceOptions(gitToken, commit, branch, dockerfile, alwaysSent, networkTimeout);
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
        + "]";
  }
}
