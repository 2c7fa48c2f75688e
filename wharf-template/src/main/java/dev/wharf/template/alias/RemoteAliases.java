package dev.wharf.template.alias;

/**
 * Fetches an alias {@code src} given as an {@code http://} or {@code https://} URL. acb GETs it
 * with a 2-second timeout and fails with the response body when the status is above 299; the
 * template module does no network I/O itself, so the caller supplies this.
 */
@FunctionalInterface
public interface RemoteAliases {

  /**
   * Returns the body of the URL.
   *
   * @throws AliasException with the text acb reports (the body for a status above 299)
   */
  String fetch(String url) throws AliasException;
}
