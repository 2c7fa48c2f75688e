package dev.wharf.api;

/** Whether a task may run. */
public enum TaskStatus {
  Enabled,
  Disabled
}
