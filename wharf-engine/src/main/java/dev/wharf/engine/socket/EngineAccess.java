package dev.wharf.engine.socket;

/**
 * What the steps of a run may ask of the container engine through {@code /var/run/docker.sock}
 * (docs/security.md, "The run's engine socket").
 */
public enum EngineAccess {
  /** Steps get no engine socket at all. */
  NONE,
  /**
   * Steps get the run's own socket: everything the engine offers except another run's containers,
   * networks and volumes. The default of a local {@code wharf run} and of trusted server tasks.
   */
  SCOPED,
  /**
   * Steps get the run's own socket with the allow-list for untrusted runs: no privileged
   * containers, added capabilities, devices, host namespaces or host paths, and only the run's own
   * containers, networks and volumes. The default of server runs.
   */
  UNTRUSTED;

  /** Whether steps get a socket served by Wharf for the run. */
  public boolean scoped() {
    return this != NONE;
  }
}
