package dev.wharf.task;

import java.util.Locale;

/** What a step does, decided by which of `cmd`, `build` or `push` is set. */
public enum StepType {
  CMD,
  BUILD,
  PUSH;

  /** The lower-case spelling used in task files and in `wharf inspect`. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
