package dev.wharf.template;

/** Go's {@code missingkey} option: what a map lookup of an absent key yields. */
public enum MissingKey {
  /**
   * {@code missingkey=default}: no value; printed as {@code <no value>}, fields of it are empty.
   */
  DEFAULT,
  /** {@code missingkey=zero}: a nil interface; printed as {@code <no value>}, fields of it fail. */
  ZERO,
  /** {@code missingkey=error}: execution stops with {@code map has no entry for key}. */
  ERROR
}
