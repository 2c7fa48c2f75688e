package dev.wharf.task.docker;

import java.util.Locale;

/** Where a build context comes from. */
public enum ContextKind {
  /** A folder. */
  LOCAL,
  /** A git repository: {@code https://…/x.git}, Azure DevOps, {@code git://}, {@code git@}… */
  GIT,
  /** Any other http(s) URL: an archive. */
  URL,
  /** A registry artifact, {@code oci://…}. */
  OCI;

  /**
   * The kind as {@code inspect} prints it: {@code local}, {@code git}, {@code url}, {@code oci}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
