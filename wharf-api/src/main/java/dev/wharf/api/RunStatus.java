package dev.wharf.api;

/** Where a run is in its life: queued, on an agent, or finished one way or another. */
public enum RunStatus {
  Queued,
  Started,
  Running,
  Succeeded,
  Failed,
  Canceled,
  Error,
  Timeout;

  /** True once the run has ended; only {@link #Succeeded} counts as success. */
  public boolean isTerminal() {
    return ordinal() >= Succeeded.ordinal();
  }
}
