package dev.wharf.engine.docker;

import dev.wharf.engine.container.EngineException;

/** Chooses the Engine API version to talk from what the engine says it supports. */
final class ApiVersions {

  /** The oldest version we accept: Docker 20.10, which is what the tests run against. */
  static final String OLDEST = "1.41";

  /**
   * The newest version docker-java 3.7.1 models; engines newer than that are talked to at this
   * version, which Docker 29 (minimum 1.44) still accepts.
   */
  static final String NEWEST = "1.44";

  private ApiVersions() {}

  /**
   * Returns min(server's version, {@link #NEWEST}), refusing anything below {@link #OLDEST} or
   * below the server's own minimum.
   *
   * @param serverVersion the {@code ApiVersion} an unversioned {@code /version} reported
   * @param serverMinimum its {@code MinAPIVersion}; empty when the engine does not say
   */
  static String negotiate(String engineAddress, String serverVersion, String serverMinimum)
      throws EngineException {
    String action = "negotiate the Engine API version with " + engineAddress;
    if (!isVersion(serverVersion)) {
      throw new EngineException(action, "the engine reported API version '" + serverVersion + "'");
    }
    String chosen = compare(serverVersion, NEWEST) < 0 ? serverVersion : NEWEST;
    if (compare(chosen, OLDEST) < 0) {
      throw new EngineException(
          action,
          "the engine speaks API "
              + serverVersion
              + " and Wharf needs at least "
              + OLDEST
              + " (Docker 20.10); upgrade the engine");
    }
    if (isVersion(serverMinimum) && compare(chosen, serverMinimum) < 0) {
      throw new EngineException(
          action,
          "the engine requires API "
              + serverMinimum
              + " or newer and Wharf speaks at most "
              + NEWEST
              + "; use an older engine or a newer Wharf");
    }
    return chosen;
  }

  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static boolean isVersion(String text) {
    return text != null && text.matches("\\d+(\\.\\d+)*");
  }
}
