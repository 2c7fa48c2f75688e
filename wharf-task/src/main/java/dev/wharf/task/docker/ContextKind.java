package dev.wharf.task.docker;

import java.util.Locale;

/** Where a run's or a build's context comes from. */
public enum ContextKind {
  /** No context: {@code /dev/null}. */
  NONE,
  /** A folder. */
  LOCAL,
  /**
   * A git repository: {@code https://…/x.git}, Azure DevOps, {@code git://}, {@code git@}, {@code
   * file://…/x.git}…
   */
  GIT,
  /** Any other http(s) URL: an archive. */
  URL,
  /** A registry artifact, {@code oci://…}. */
  OCI;

  /**
   * The kind as {@code inspect} prints it: {@code none}, {@code local}, {@code git}, {@code url},
   * {@code oci}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
