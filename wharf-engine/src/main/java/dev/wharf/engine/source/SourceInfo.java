package dev.wharf.engine.source;

/**
 * What a materialised context reports: the commit and branch of its checkout (empty when it has
 * none, {@code HEAD} for a detached checkout as {@code git rev-parse --abbrev-ref HEAD} prints) and
 * a description for logs with credentials already redacted.
 */
public record SourceInfo(String commit, String branch, String description) {

  /** Normalises absent values to empty strings. */
  public SourceInfo {
    commit = commit == null ? "" : commit;
    branch = branch == null ? "" : branch;
    description = description == null ? "" : description;
  }
}
