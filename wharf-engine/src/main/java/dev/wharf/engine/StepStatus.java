package dev.wharf.engine;

/** How a step ended, as reported in the summary lines and the final table. */
public enum StepStatus {
  SUCCESSFUL("successful", "successful"),
  FAILED("failed", "failed"),
  /** The step failed but is set to ignore errors; acb reports it as successful. */
  IGNORED_FAILURE("successful", "failed (ignored)"),
  TIMED_OUT("failed", "timed out"),
  CANCELLED("cancelled", "cancelled"),
  SKIPPED("skipped", "skipped");

  private final String summaryLabel;
  private final String tableLabel;

  StepStatus(String summaryLabel, String tableLabel) {
    this.summaryLabel = summaryLabel;
    this.tableLabel = tableLabel;
  }

  /** The word acb prints in {@code Step ID: <id> marked as <word>}. */
  public String summaryLabel() {
    return summaryLabel;
  }

  /** The word Wharf prints in the final table, which tells ignored failures and timeouts apart. */
  public String tableLabel() {
    return tableLabel;
  }

  /** Whether the step's children may run after it. */
  public boolean letsChildrenRun() {
    return this == SUCCESSFUL || this == IGNORED_FAILURE;
  }

  /** Whether the step itself failed the run (not a consequence of another step's failure). */
  public boolean failsRun() {
    return this == FAILED || this == TIMED_OUT;
  }
}
