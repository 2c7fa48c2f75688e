package dev.wharf.engine;

/** How a whole run ended. */
public enum RunStatus {
  SUCCESSFUL,
  FAILED,
  TIMED_OUT,
  CANCELLED
}
