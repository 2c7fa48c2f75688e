package dev.wharf.server.store;

/** Whether a task may run. */
public enum TaskStatus {
  Enabled,
  Disabled
}
