package dev.wharf.engine;

/** A run that did not succeed; each failed step is attached as a suppressed exception. */
public class RunFailedException extends Exception {
  private final transient RunResult result;

  public RunFailedException(RunResult result) {
    super(result.errorText().orElse("run " + result.runId() + " " + result.status()));
    this.result = result;
    for (StepResult step : result.failures()) {
      addSuppressed(new StepFailedException(step));
    }
  }

  public RunResult result() {
    return result;
  }
}
